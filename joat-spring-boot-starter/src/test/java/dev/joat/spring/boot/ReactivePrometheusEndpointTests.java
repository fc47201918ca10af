package dev.joat.spring.boot;

import java.net.http.HttpResponse;
import java.util.List;

import dev.joat.TokenGenerator;
import dev.joat.readme.reactive.Application;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The WebFlux twin of {@link PrometheusEndpointTests}: a real Netty resource server with the
 * actuator; after accepted and refused requests {@code /actuator/prometheus} shows joat's counters
 * and the verification observation's timer, and {@code /actuator/joat} the key ring.
 */
@SpringBootTest(classes = Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "joat.issuer=https://issuer.example",
				"joat.secrets[0].kid=2026-07", "joat.secrets[0].secret=" + PrometheusEndpointTests.NEW,
				"management.endpoints.web.exposure.include=prometheus,joat" })
class ReactivePrometheusEndpointTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TokenGenerator generator;

	@Test
	void prometheusWhenAcceptedAndRefusedRequestsThenMetersShowOutcomeReasonAndKid() throws Exception {
		String token = this.generator.issueToken("client-abcd", List.of("read"));
		assertThat(HttpCalls.get(this.port, "/read", token).statusCode()).isEqualTo(200);
		assertThat(HttpCalls.get(this.port, "/read", "garbage-token").statusCode()).isEqualTo(401);

		HttpResponse<String> scrape = HttpCalls.get(this.port, "/actuator/prometheus", token);

		assertThat(scrape.statusCode()).isEqualTo(200);
		assertThat(scrape.body()).contains(
				"joat_tokens_verified_total{kid=\"none\",outcome=\"refused\",reason=\"MALFORMED\"} 1.0",
				"joat_tokens_verification_seconds_count{error=\"none\",outcome=\"refused\",reason=\"MALFORMED\"} 1");
		assertThat(scrape.body()).containsPattern(
				"joat_tokens_verified_total\\{kid=\"2026-07\",outcome=\"accepted\",reason=\"none\"} [1-3]\\.0");
		// The other test of this class may have run first, in the same application, with a token of its own.
		assertThat(scrape.body()).containsPattern(
				"joat_tokens_issued_total\\{algorithm=\"HS256\",kid=\"2026-07\",profile=\"pyjoat\"} [12]\\.0");
		assertThat(scrape.body()).doesNotContain("client-abcd", "garbage-token");
	}

	@Test
	void joatEndpointWhenExposedThenShowsTheRing() throws Exception {
		HttpResponse<String> response = HttpCalls.get(this.port, "/actuator/joat",
				this.generator.issueToken("abcd", List.of("read")));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"keys\":[{\"kid\":\"2026-07\",\"algorithm\":\"HS256\",\"signing\":true}]")
			.doesNotContain(PrometheusEndpointTests.NEW);
	}

}
