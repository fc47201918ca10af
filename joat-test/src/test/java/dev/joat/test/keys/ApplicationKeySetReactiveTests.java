package dev.joat.test.keys;

import java.util.Objects;

import dev.joat.KeySet;
import dev.joat.SignatureAlgorithm;
import dev.joat.test.JoatTestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import static dev.joat.test.web.reactive.JoatWebTestClient.joatToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @SpringBootTest} with WebTestClient of a WebFlux application that verifies with its own
 * {@link KeySet} bean of an ES384 key: the test key is ES384 too (the bean's algorithm), its tokens
 * and the application's own pass the real decoder, and the wrong-on-purpose ones are refused.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=reactive", "joat.issuer=https://issuer.example.test" })
@AutoConfigureWebTestClient
class ApplicationKeySetReactiveTests {

	static final JoatTestTokens APPLICATION_KEY = JoatTestTokens.withNewKey("https://issuer.example.test",
			SignatureAlgorithm.ES384, "application-key-1");

	@Autowired
	private WebTestClient webTestClient;

	@Autowired
	private ApplicationContext context;

	@Test
	void joatTokenWhenApplicationKeySetThenOkThroughTheRealDecoder() {
		this.webTestClient.mutateWith(joatToken(this.context).subject("alice"))
			.get().uri("/hello").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("hello alice");
	}

	@Test
	void keySetWhenTestContextThenStillAKeySetWithTheApplicationsKeyAndAnEs384TestKey() {
		KeySet keys = this.context.getBean(KeySet.class);

		assertThat(keys.find("application-key-1")).isNotNull();
		assertThat(keys.algorithms()).containsExactly(SignatureAlgorithm.ES384);
		assertThat(keys.size()).isEqualTo(2);
	}

	@Test
	void tokenWhenSignedWithTheApplicationsOwnKeyThenStillOk() {
		this.webTestClient.mutateWith(joatToken(APPLICATION_KEY).subject("bob"))
			.get().uri("/hello").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("hello bob");
	}

	@Test
	void joatTokenWhenSignedByAnotherKeyThenUnauthorizedBadSignature() {
		this.webTestClient.mutateWith(joatToken(this.context).wrongSignature())
			.get().uri("/hello").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate",
					(challenge) -> assertThat(challenge).contains("error_description=\"Bad signature\""));
	}

	@Test
	void joatTokenWhenAnotherAlgorithmThenUnauthorizedUnsupportedAlgorithm() {
		this.webTestClient.mutateWith(joatToken(this.context).algorithm("ES256"))
			.get().uri("/hello").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate", (challenge) -> assertThat(challenge)
				.contains("error_description=\"Unsupported algorithm 'ES256'; accepted: [ES384]\""));
	}

	@Test
	void joatTokenWhenHmacSignedWithThePublicKeyThenUnauthorizedUnsupportedAlgorithm() {
		this.webTestClient.mutateWith(joatToken(this.context).hmacWithPublicKey())
			.get().uri("/hello").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate", (challenge) -> assertThat(challenge)
				.contains("error_description=\"Unsupported algorithm 'HS256'; accepted: [ES384]\""));
	}

	@Test
	void joatTokenWhenUnknownKidThenUnauthorizedUnknownKey() {
		this.webTestClient.mutateWith(joatToken(this.context).unknownKeyId())
			.get().uri("/hello").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate", (challenge) -> assertThat(challenge)
				.contains("error_description=\"Unknown key: 'kid' names no key of this server\""));
	}

	@Test
	void joatTokenWhenExpiredThenUnauthorizedExpired() {
		this.webTestClient.mutateWith(joatToken(this.context).expired())
			.get().uri("/hello").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate",
					(challenge) -> assertThat(challenge).contains("error_description=\"Token expired at "));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class Application {

		@Bean
		KeySet applicationKeys() {
			return KeySet.of(Objects.requireNonNull(APPLICATION_KEY.verificationKey()));
		}

	}

	@RestController
	static class Endpoints {

		@GetMapping("/hello")
		Mono<String> hello(Authentication authentication) {
			return Mono.just("hello " + authentication.getName());
		}

	}

}
