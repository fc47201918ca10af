package dev.joat.test.reactive;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

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

import static dev.joat.test.web.reactive.JoatWebTestClient.joatToken;

/**
 * {@code @SpringBootTest} with WebTestClient of a WebFlux application whose configuration names
 * no joat property: the test-only secret and issuer let it start, and {@code joatToken(context)}
 * works with no extra configuration.
 */
@SpringBootTest(properties = "spring.main.web-application-type=reactive")
@AutoConfigureWebTestClient
class SpringBootTestWithoutJoatPropertiesTests {

	@Autowired
	private WebTestClient webTestClient;

	@Autowired
	private ApplicationContext context;

	@Test
	void joatTokenWhenNoJoatPropertiesThenOkThroughTheRealDecoder() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").subject("alice"))
			.get().uri("/read").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("read by alice");
	}

	@Test
	void joatTokenWhenExpiredThenUnauthorized() {
		this.webTestClient.mutateWith(joatToken(this.context).scopes("read").expired())
			.get().uri("/read").exchange()
			.expectStatus().isUnauthorized();
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
