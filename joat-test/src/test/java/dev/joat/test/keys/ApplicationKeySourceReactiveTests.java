package dev.joat.test.keys;

import java.util.Objects;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.SignatureAlgorithm;
import dev.joat.spring.security.DelegatingKeySource;
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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

import static dev.joat.test.web.reactive.JoatWebTestClient.joatToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @SpringBootTest} with WebTestClient of a WebFlux application that verifies with its own
 * {@link KeySource} bean (not a {@link KeySet}: keys from a vault, say; RS256, the default): joat-test
 * wraps it so that the test key verifies too, its tokens pass the real decoder, every
 * wrong-on-purpose token is refused for its one reason, and the application's own key still verifies.
 */
@SpringBootTest(properties = { "spring.main.web-application-type=reactive", "joat.issuer=https://issuer.example.test" })
@AutoConfigureWebTestClient
class ApplicationKeySourceReactiveTests {

	/** The application's own key pair. */
	static final JoatTestTokens APPLICATION_KEY = JoatTestTokens.withNewKey("https://issuer.example.test",
			SignatureAlgorithm.RS256, "vault-key-1");

	@Autowired
	private WebTestClient webTestClient;

	@Autowired
	private ApplicationContext context;

	@Test
	void joatTokenWhenApplicationKeySourceThenOkThroughTheRealDecoder() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").subject("alice"))
			.get().uri("/read").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("read by alice");
	}

	@Test
	void keySourceWhenTestContextThenWrapsTheApplicationsBean() {
		KeySource keySource = this.context.getBean(KeySource.class);

		assertThat(keySource).isInstanceOf(DelegatingKeySource.class);
		assertThat(((DelegatingKeySource) keySource).getDelegate().keys("vault-key-1").find("vault-key-1")).isNotNull();
		assertThat(keySource.toString()).contains("test key joat-test-");
	}

	@Test
	void tokenWhenSignedWithTheApplicationsOwnKeyThenStillOk() {
		this.webTestClient.mutateWith(joatToken(APPLICATION_KEY).scopes("read").subject("bob"))
			.get().uri("/read").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("read by bob");
	}

	@Test
	void joatTokenWhenSignedByAnotherKeyThenUnauthorizedBadSignature() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").wrongSignature())
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate",
					(challenge) -> assertThat(challenge).contains("error_description=\"Bad signature\""));
	}

	@Test
	void joatTokenWhenAnotherAlgorithmThenUnauthorizedUnsupportedAlgorithm() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").algorithm("PS256"))
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate", (challenge) -> assertThat(challenge)
				.contains("error_description=\"Unsupported algorithm 'PS256'; accepted: [RS256]\""));
	}

	@Test
	void joatTokenWhenHmacSignedWithThePublicKeyThenUnauthorizedUnsupportedAlgorithm() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").hmacWithPublicKey())
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate", (challenge) -> assertThat(challenge)
				.contains("error_description=\"Unsupported algorithm 'HS256'; accepted: [RS256]\""));
	}

	@Test
	void joatTokenWhenUnknownKidThenUnauthorizedUnknownKey() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").unknownKeyId())
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate", (challenge) -> assertThat(challenge)
				.contains("error_description=\"Unknown key: 'kid' names no key of this server\""));
	}

	@Test
	void joatTokenWhenExpiredThenUnauthorizedExpired() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").expired())
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate",
					(challenge) -> assertThat(challenge).contains("error_description=\"Token expired at "));
	}

	@Test
	void joatTokenWhenMissingScopeThenForbidden() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("write"))
			.get().uri("/read").exchange()
			.expectStatus().isForbidden();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableReactiveMethodSecurity
	@Import(Endpoints.class)
	static class Application {

		@Bean
		KeySource applicationKeys() {
			KeySet keys = KeySet.of(Objects.requireNonNull(APPLICATION_KEY.verificationKey()));
			return (keyId) -> keys;
		}

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
