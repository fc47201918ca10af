package dev.joat.test.slice.reactive;

import dev.joat.spring.security.JoatReactiveJwtDecoder;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.joat.test.web.reactive.JoatWebTestClient.joatToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @WebFluxTest} of a joat application, with no joat property and no extra annotation:
 * joat-test's slice imports bring the starter's auto-configuration, its context customizer a
 * test-only secret and issuer, and {@code joatToken(context)} sends real tokens through the real
 * decoder.
 */
@WebFluxTest
class WebFluxSliceTests {

	@Autowired
	private WebTestClient webTestClient;

	@Autowired
	private ApplicationContext context;

	@Autowired
	private ReactiveJwtDecoder jwtDecoder;

	@Autowired
	private Environment environment;

	@Test
	void webFluxTestWhenNoJoatPropertiesThenJoatDecoderWithTestOnlySecretAndIssuer() {
		assertThat(this.jwtDecoder).isInstanceOf(JoatReactiveJwtDecoder.class);
		assertThat(this.environment.getProperty("joat.issuer")).isEqualTo("joat-test");
		assertThat(this.environment.getProperty("joat.secret-base64")).isNotBlank();
	}

	// tag::webtestclient[]
	@Test
	void joatTokenWhenScopeGrantedThenOk() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").subject("alice"))
			.get().uri("/read").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("read by alice");
	}
	// end::webtestclient[]

	@Test
	void joatTokenWhenScopeMissingThenForbidden() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("profile"))
			.get().uri("/read").exchange()
			.expectStatus().isForbidden()
			.expectHeader().value("WWW-Authenticate",
					(challenge) -> assertThat(challenge).startsWith("Bearer error=\"insufficient_scope\""));
	}

	@Test
	void joatTokenWhenNotYetValidThenUnauthorizedWithTheDecodersDescription() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").notYetValid())
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate", (challenge) -> assertThat(challenge)
				.matches("Bearer error=\"invalid_token\", error_description=\"Token is not valid before [^\"]+\", .*"));
	}

	@Test
	void joatTokenWhenWrongSignatureThenUnauthorizedWithTheDecodersDescription() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").wrongSignature())
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value("WWW-Authenticate",
					(challenge) -> assertThat(challenge).contains("error_description=\"Bad signature\""));
	}

	@Test
	void requestWhenNoTokenThenUnauthorized() {
		this.webTestClient.get().uri("/read").exchange().expectStatus().isUnauthorized();
	}

	@SpringBootConfiguration
	@EnableReactiveMethodSecurity
	@Import(Endpoints.class)
	static class SliceApplication {

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
