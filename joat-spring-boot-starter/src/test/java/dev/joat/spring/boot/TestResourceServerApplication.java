package dev.joat.spring.boot;

import java.util.Map;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A resource server with nothing but the starter, two properties and annotated endpoints: no
 * security configuration of its own, so the starter's default resource-server chain applies.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
class TestResourceServerApplication {

	@RestController
	static class Endpoints {

		@GetMapping("/read")
		@PreAuthorize("hasAuthority('SCOPE_read')")
		Map<String, Object> read(@AuthenticationPrincipal Jwt jwt) {
			return Map.of("sub", jwt.getSubject());
		}

		@GetMapping("/write")
		@PreAuthorize("hasAuthority('SCOPE_write')")
		String write() {
			return "written";
		}

	}

}
