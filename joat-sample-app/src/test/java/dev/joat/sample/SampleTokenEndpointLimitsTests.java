package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token endpoint under load and under attack, over real HTTP from distinct loopback addresses:
 * every token has its own {@code jti}, an address that keeps failing gets 429 with
 * {@code Retry-After} for its next wrong secret, and a client with the right secret is served from
 * another address meanwhile. The client's secret is bcrypt with a low cost so that 800 requests stay quick.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER,
				"joat.sample.client-authentication.max-failures-per-address=3",
				"joat.sample.client-authentication.check-wait=60s" })
class SampleTokenEndpointLimitsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CLIENT = "Basic " + Base64.getEncoder().encodeToString("fast-client:fast-secret".getBytes());

	private static final String WRONG = "Basic " + Base64.getEncoder().encodeToString("fast-client:wrong".getBytes());

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void fastClient(DynamicPropertyRegistry registry) {
		registry.add("joat.sample.clients[0].id", () -> "fast-client");
		registry.add("joat.sample.clients[0].secret", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("fast-secret"));
		registry.add("joat.sample.clients[0].scopes", () -> "read");
	}

	@Test
	@SuppressWarnings("unchecked")
	void tokenWhen800RequestedInParallelThen800DistinctTokensAndJtis() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
			.header("Authorization", CLIENT)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
		for (int i = 0; i < 800; i++) {
			responses.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
		}
		Set<String> tokens = new HashSet<>();
		Set<Object> tokenIds = new HashSet<>();
		for (CompletableFuture<HttpResponse<String>> response : responses) {
			HttpResponse<String> done = response.get(120, TimeUnit.SECONDS);
			assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
			String token = (String) JSON.readValue(done.body(), Map.class).get("access_token");
			tokens.add(token);
			tokenIds.add(JSON.readValue(Base64.getUrlDecoder().decode(token.split("\\.")[1]), Map.class).get("jti"));
		}
		assertThat(tokens).hasSize(800);
		assertThat(tokenIds).hasSize(800).allSatisfy((jti) -> assertThat((String) jti).matches("[A-Za-z0-9_-]{22}"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void tokenWhenAddressKeepsFailingThenWrongSecret429WithRetryAfterWhileOtherAddressServed() throws Exception {
		for (int i = 0; i < 3; i++) {
			RawHttp.Response failure = RawHttp.postToken(this.port, "127.0.0.2", WRONG, "grant_type=client_credentials");
			assertThat(failure.status()).isEqualTo(401);
		}
		RawHttp.Response limited = RawHttp.postToken(this.port, "127.0.0.2", WRONG, "grant_type=client_credentials");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 300L);
		assertThat(limited.header("Cache-Control")).isEqualTo("no-store");
		assertThat(JSON.readValue(limited.body(), Map.class)).isEqualTo(Map.of("error", "temporarily_unavailable",
				"error_description", "Too many failed client authentications from this address"));
		RawHttp.Response served = RawHttp.postToken(this.port, "127.0.0.3", CLIENT, "grant_type=client_credentials");
		assertThat(served.status()).as(served.body()).isEqualTo(200);
	}

}
