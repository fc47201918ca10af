package dev.joat.test.servlet;

import dev.joat.test.SameAnswerCases;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring MVC resource server on the joat starter with its own validator; its properties
 * customize the authority prefix and the principal claim ({@link SameAnswerCases#PROPERTIES}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableMethodSecurity
@Import(CustomizedServletApplication.Endpoints.class)
public class CustomizedServletApplication {

	@Bean
	OAuth2TokenValidator<Jwt> tenantValidator() {
		return SameAnswerCases.tenantValidator();
	}

	@RestController
	static class Endpoints {

		@GetMapping("/read")
		@PreAuthorize("hasAuthority('PERM_read')")
		String read(Authentication authentication) {
			return "read by " + authentication.getName();
		}

		/** Still checks the default prefix: what a jwt() test does not notice. */
		@GetMapping("/legacy")
		@PreAuthorize("hasAuthority('SCOPE_read')")
		String legacy() {
			return "legacy";
		}

	}

}
