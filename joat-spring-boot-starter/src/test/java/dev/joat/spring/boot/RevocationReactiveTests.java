package dev.joat.spring.boot;

import java.time.Duration;
import java.util.List;

import dev.joat.MutableClock;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.RevocationReplica;
import dev.joat.spring.security.JoatRevocationMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Revocation on WebFlux, through an application's own {@code SecurityWebFilterChain} (nothing
 * revocation-specific in it): revoked is {@code 401 invalid_token}, a stale replica failing closed
 * is {@code 503} with {@code Retry-After}, counted.
 */
@SpringBootTest(classes = RevocationReactiveTests.ReactiveApplication.class,
		properties = { "spring.main.web-application-type=reactive", "joat.issuer=joat",
				"joat.secret=" + JoatAutoConfigurationTests.SECRET, "joat.revocation.store=redis",
				"joat.revocation.max-staleness=10s" })
class RevocationReactiveTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private TokenGenerator generator;

	@Autowired
	private RevocationReplica replica;

	@Autowired
	private InMemoryRevocationStore localReplica;

	@Autowired
	private MutableClock clock;

	@Autowired
	private MeterRegistry meters;

	private WebTestClient client;

	@BeforeEach
	void setUp() {
		this.client = WebTestClient.bindToApplicationContext(this.context).apply(springSecurity()).configureClient().build();
		this.replica.confirmFresh(this.clock.instant());
	}

	@Test
	void getWhenTokenNotRevokedThenOk() {
		this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("r-fresh")).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("read");
	}

	@Test
	void getWhenTokenRevokedThenUnauthorizedInvalidToken() {
		String token = token("r-revoked");
		this.localReplica.revokeToken("r-revoked", this.clock.instant().plusSeconds(3600));
		this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, (challenge) -> assertThat(challenge)
				.contains("error=\"invalid_token\"", "error_description=\"Token revoked\""));
	}

	@Test
	void getWhenReplicaStaleThenServiceUnavailableWithRetryAfterAndCounted() {
		String token = token("r-stale");
		this.clock.advance(Duration.ofSeconds(11));
		double before = this.meters.get(JoatRevocationMonitor.METER_NAME).tag("outcome", "refused").functionCounter()
			.count();
		this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
			.expectStatus().isEqualTo(503)
			.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "5")
			.expectHeader().valueEquals(HttpHeaders.CACHE_CONTROL, "no-store")
			.expectHeader().doesNotExist(HttpHeaders.WWW_AUTHENTICATE)
			.expectBody().isEmpty();
		assertThat(this.meters.get(JoatRevocationMonitor.METER_NAME).tag("outcome", "refused").functionCounter().count())
			.isEqualTo(before + 1);
		this.replica.confirmFresh(this.clock.instant());
		this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
			.expectStatus().isOk();
	}

	private String token(String tokenId) {
		return this.generator.issueToken(TokenRequest.builder("abcd", List.of("read")).tokenId(tokenId).build());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(StaleReplicaConfiguration.class)
	static class ReactiveApplication {

		/** The application's own chain: nothing in it about revocation. */
		@Bean
		SecurityWebFilterChain applicationChain(ServerHttpSecurity http) {
			http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
			http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults()));
			return http.build();
		}

		@RestController
		static class Endpoints {

			@GetMapping("/read")
			Mono<String> read() {
				return Mono.just("read");
			}

		}

	}

}
