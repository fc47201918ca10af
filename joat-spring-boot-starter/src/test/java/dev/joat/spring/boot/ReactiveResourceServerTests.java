package dev.joat.spring.boot;

import java.util.List;

import dev.joat.TokenGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The same starter on WebFlux: the starter's default (stateless) reactive resource-server chain
 * with joat's {@code ReactiveJwtDecoder} and scope authorities.
 */
@SpringBootTest(classes = ReactiveResourceServerTests.ReactiveApplication.class,
		properties = { "spring.main.web-application-type=reactive", "joat.issuer=joat",
				"joat.secret=" + JoatAutoConfigurationTests.SECRET })
class ReactiveResourceServerTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private TokenGenerator generator;

	private WebTestClient client;

	@BeforeEach
	void setUp() {
		this.client = WebTestClient.bindToApplicationContext(this.context).apply(springSecurity()).configureClient().build();
	}

	@Test
	void getWhenTokenHasReadScopeThenOk() {
		String token = this.generator.issueToken("abcd", List.of("read"));
		this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("read by abcd");
	}

	@Test
	void getWhenTokenLacksScopeThenForbidden() {
		String token = this.generator.issueToken("abcd", List.of("profile"));
		this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void getWhenTokenInvalidThenUnauthorizedInvalidToken() {
		String token = this.generator.issueToken("abcd", List.of("read"));
		this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.substring(0, token.length() - 2))
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
					(challenge) -> org.assertj.core.api.Assertions.assertThat(challenge).contains("error=\"invalid_token\""));
	}

	@Test
	void getWhenNoTokenOrBadTokenAndHostForgedThenChallengeNamesNoHostOfTheRequest() {
		// Spring Security's WebFlux entry point writes no resource_metadata pointer at all (it serves no
		// RFC 9728 document on WebFlux), so nothing of the request's Host reaches the challenge.
		for (String authorization : new String[] { null, "Bearer not.a.token" }) {
			var request = this.client.get().uri("http://attacker.example/read")
				.header(HttpHeaders.HOST, "attacker.example")
				.header("X-Forwarded-Host", "attacker.example");
			if (authorization != null) {
				request = request.header(HttpHeaders.AUTHORIZATION, authorization);
			}
			request.exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE,
						(challenge) -> org.assertj.core.api.Assertions.assertThat(challenge).startsWith("Bearer")
							.doesNotContain("attacker.example").doesNotContain("resource_metadata"));
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableReactiveMethodSecurity
	static class ReactiveApplication {

		@RestController
		static class Endpoints {

			@GetMapping("/read")
			@PreAuthorize("hasAuthority('SCOPE_read')")
			Mono<String> read(@org.springframework.security.core.annotation.AuthenticationPrincipal
					org.springframework.security.oauth2.jwt.Jwt jwt) {
				return Mono.just("read by " + jwt.getSubject());
			}

		}

	}

}
