package dev.joat.spring.boot;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real running servlet resource server with the actuator and Micrometer's Prometheus registry:
 * after accepted and refused requests, {@code /actuator/prometheus} shows joat's counters and the
 * timer of the verification observation, by outcome, reason and key id of the ring — and nothing
 * a client sent.
 */
@SpringBootTest(classes = TestResourceServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.issuer=" + PrometheusEndpointTests.ISSUER, "joat.secrets[0].kid=2026-01",
				"joat.secrets[0].secret=" + PrometheusEndpointTests.OLD, "joat.secrets[1].kid=2026-07",
				"joat.secrets[1].secret=" + PrometheusEndpointTests.NEW, "joat.signing-kid=2026-07",
				"management.endpoints.web.exposure.include=prometheus" })
class PrometheusEndpointTests {

	static final String ISSUER = "https://issuer.example";

	static final String OLD = "old-secret-of-at-least-32-bytes!";

	static final String NEW = "new-secret-of-at-least-32-bytes!";

	@LocalServerPort
	private int port;

	@Autowired
	private TokenGenerator generator;

	@Test
	void prometheusWhenAcceptedAndRefusedRequestsThenMetersShowOutcomeReasonAndKid() throws Exception {
		String token = this.generator.issueToken("client-abcd", List.of("read"));
		String oldToken = TokenGenerator.builder(ISSUER, SecretResolver.of(OLD.getBytes(StandardCharsets.UTF_8)))
			.keyId("2026-01")
			.build()
			.issueToken("client-abcd", List.of("read"));
		String attackerKid = TokenGenerator.builder(ISSUER, SecretResolver.of(NEW.getBytes(StandardCharsets.UTF_8)))
			.keyId("attacker-kid")
			.build()
			.issueToken("client-abcd", List.of("read"));
		assertThat(HttpCalls.get(this.port, "/read", token).statusCode()).isEqualTo(200);
		assertThat(HttpCalls.get(this.port, "/read", oldToken).statusCode()).isEqualTo(200);
		assertThat(HttpCalls.get(this.port, "/read", attackerKid).statusCode()).isEqualTo(401);
		assertThat(HttpCalls.get(this.port, "/read", "garbage-token").statusCode()).isEqualTo(401);

		// The scrape itself carries a valid token: the default chain protects every path.
		HttpResponse<String> scrape = HttpCalls.get(this.port, "/actuator/prometheus", token);

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains(
				"joat_tokens_verified_total{kid=\"2026-01\",outcome=\"accepted\",reason=\"none\"} 1.0",
				"joat_tokens_verified_total{kid=\"unknown\",outcome=\"refused\",reason=\"UNKNOWN_KEY\"} 1.0",
				"joat_tokens_verified_total{kid=\"none\",outcome=\"refused\",reason=\"MALFORMED\"} 1.0",
				"joat_tokens_issued_total{algorithm=\"HS256\",kid=\"2026-07\",profile=\"pyjoat\"} 1.0",
				"joat_tokens_verification_seconds_count{error=\"none\",outcome=\"refused\",reason=\"UNKNOWN_KEY\"} 1");
		// The scrape's own token is counted once it is verified; before the scrape: the /read request.
		assertThat(scrape.body()).containsPattern(
				"joat_tokens_verified_total\\{kid=\"2026-07\",outcome=\"accepted\",reason=\"none\"} [12]\\.0");
		assertThat(scrape.body()).doesNotContain("attacker-kid", "client-abcd", "garbage-token");
	}

	@Test
	void prometheusWhenNoTokenThenUnauthorized() throws Exception {
		assertThat(HttpCalls.get(this.port, "/actuator/prometheus", null).statusCode()).isEqualTo(401);
	}

}
