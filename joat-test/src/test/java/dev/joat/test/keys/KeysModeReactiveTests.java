package dev.joat.test.keys;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import static dev.joat.test.web.reactive.JoatWebTestClient.joatToken;

/**
 * {@code @SpringBootTest} with WebTestClient of a WebFlux application in keys mode (RS256, Spring
 * Boot's default algorithm) whose JWK Set URL is unreachable: joat-test's tokens pass the real
 * decoder, the wrong-on-purpose ones are refused.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=reactive",
		"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks",
		"joat.issuer=https://issuer.example.test", "joat.jwks.unknown-key-wait=0s" })
@AutoConfigureWebTestClient
class KeysModeReactiveTests {

	@Autowired
	private WebTestClient webTestClient;

	@Autowired
	private ApplicationContext context;

	@Test
	void joatTokenWhenKeysModeThenOkThroughTheRealDecoder() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").subject("alice"))
			.get().uri("/read").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("read by alice");
	}

	@Test
	void joatTokenWhenSignedByAnotherKeyThenUnauthorized() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").wrongSignature())
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void joatTokenWhenAnotherAlgorithmThenUnauthorized() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").algorithm("PS256"))
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void joatTokenWhenHmacSignedWithThePublicKeyThenUnauthorized() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").hmacWithPublicKey())
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized();
	}

	@Test
	void joatTokenWhenUnknownKidAndIssuerUnreachableThenServiceUnavailable() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").unknownKeyId())
			.get().uri("/read").exchange()
			.expectStatus().isEqualTo(503);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableReactiveMethodSecurity
	@Import(Endpoints.class)
	static class Application {

	}

	@RestController
	static class Endpoints {

		@GetMapping("/read")
		@PreAuthorize("hasAuthority('SCOPE_read')")
		Mono<String> read(Authentication authentication) {
			return Mono.just("read by " + authentication.getName());
		}

	}

}
