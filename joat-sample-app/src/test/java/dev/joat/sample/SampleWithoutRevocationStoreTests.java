package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample with revocation switched off ({@code joat.revocation.store=none}): the metadata names
 * no revocation endpoint, a revocation request for a valid token is refused with
 * {@code unsupported_token_type} (RFC 7009 §2.2.1) and the token stays valid, and introspection
 * still works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER,
				"joat.revocation.store=none" })
class SampleWithoutRevocationStoreTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Test
	void metadataWhenNoRevocationStoreThenNoRevocationEndpoint() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(uri("/.well-known/oauth-authorization-server")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(json(response)).doesNotContainKeys("revocation_endpoint", "revocation_endpoint_auth_methods_supported")
			.containsEntry("introspection_endpoint", SampleApplicationTests.ISSUER + "/oauth2/introspect");
	}

	@Test
	void revokeWhenNoRevocationStoreThenUnsupportedTokenTypeAndTokenStaysValid() throws Exception {
		String token = (String) json(post("/oauth2/token", "grant_type=client_credentials")).get("access_token");
		HttpResponse<String> response = post("/oauth2/revoke", "token=" + token);
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(json(response)).isEqualTo(
				Map.of("error", "unsupported_token_type", "error_description", "This server does not revoke access tokens"));
		assertThat(this.http.send(HttpRequest.newBuilder(uri("/api/read")).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
		assertThat(json(post("/oauth2/introspect", "token=" + token))).containsEntry("active", true);
	}

	private HttpResponse<String> post(String path, String form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", SampleRevocationTests.DEMO)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(HttpResponse<String> response) {
		return JSON.readValue(response.body(), Map.class);
	}

}
