package dev.joat.spring.boot;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import dev.joat.MutableClock;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import dev.joat.revocation.RevocationReplica;
import dev.joat.spring.security.CapturedLogs;
import dev.joat.spring.security.JoatRevocationMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * {@code joat.revocation.fail-open=true} on WebFlux, through the starter's default reactive chain:
 * a stale replica's answer is used, counted, and logged once a minute.
 */
@SpringBootTest(classes = RevocationFailOpenReactiveTests.ReactiveApplication.class,
		properties = { "spring.main.web-application-type=reactive", "joat.issuer=joat",
				"joat.secret=" + JoatAutoConfigurationTests.SECRET, "joat.revocation.store=redis",
				"joat.revocation.max-staleness=10s", "joat.revocation.fail-open=true" })
class RevocationFailOpenReactiveTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private TokenGenerator generator;

	@Autowired
	private RevocationReplica replica;

	@Autowired
	private MutableClock clock;

	@Autowired
	private MeterRegistry meters;

	@Test
	void getWhenReplicaStaleAndFailOpenThenAcceptedCountedAndLoggedOnce() {
		WebTestClient client = WebTestClient.bindToApplicationContext(this.context).apply(springSecurity())
			.configureClient()
			.build();
		this.replica.confirmFresh(this.clock.instant());
		String token = this.generator.issueToken(TokenRequest.builder("abcd", List.of("read")).tokenId("ro-1").build());
		this.clock.advance(Duration.ofSeconds(15));
		try (CapturedLogs logs = CapturedLogs.start()) {
			for (int i = 0; i < 2; i++) {
				client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
					.expectStatus().isOk();
			}
			assertThat(this.meters.get(JoatRevocationMonitor.METER_NAME).tag("outcome", "accepted").functionCounter()
				.count()).isEqualTo(2);
			assertThat(logs.lines(Level.WARN)).containsExactly("WARN dev.joat.spring.security.JoatRevocationMonitor: Bearer"
					+ " tokens are checked against a stale revocation list (joat.revocation.fail-open=true): last confirmed"
					+ " fresh 15s ago (1 time since the last report; at most one report every 60s)");
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(StaleReplicaConfiguration.class)
	static class ReactiveApplication {

		@RestController
		static class Endpoints {

			@GetMapping("/read")
			Mono<String> read() {
				return Mono.just("read");
			}

		}

	}

}
