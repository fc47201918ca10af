package dev.joat.test.reactive;

import dev.joat.test.SameAnswerCases;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A WebFlux resource server on the joat starter with its own validator; the tests' properties
 * customize the authority prefix and the principal claim.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@EnableReactiveMethodSecurity
@Import(CustomizedReactiveApplication.Endpoints.class)
public class CustomizedReactiveApplication {

	@Bean
	OAuth2TokenValidator<Jwt> tenantValidator() {
		return SameAnswerCases.tenantValidator();
	}

	@RestController
	static class Endpoints {

		@GetMapping("/read")
		@PreAuthorize("hasAuthority('PERM_read')")
		Mono<String> read(Authentication authentication) {
			return Mono.just("read by " + authentication.getName());
		}

		/** Still checks the default prefix: what a mockJwt() test does not notice. */
		@GetMapping("/legacy")
		@PreAuthorize("hasAuthority('SCOPE_read')")
		Mono<String> legacy() {
			return Mono.just("legacy");
		}

	}

}
