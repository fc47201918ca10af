package dev.joat.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import dev.joat.test.JoatTestToken;
import dev.joat.test.context.ApplicationTestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 7009 revocation at {@code /oauth2/revoke} over real HTTP, on the sample's default in-process
 * revocation store: a client revokes its own token and every later use of it is refused, it cannot
 * revoke another client's, and a token that does not verify (garbage, forged, expired) is answered
 * 200 with nothing revoked — not even the valid token that shares its {@code jti}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER })
class SampleRevocationTests {

	static final String DEMO = basic("demo-client", "demo-secret");

	static final String READER = basic("reader-client", "reader-secret");

	static final String RESOURCE_SERVER = basic("resource-server", "resource-server-secret");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	private JoatTestToken testToken() {
		return ApplicationTestTokens.from(this.context).token();
	}

	private String accessToken(String authorization) throws Exception {
		HttpResponse<String> response = post("/oauth2/token", authorization, "grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(200);
		return (String) json(response).get("access_token");
	}

	private HttpResponse<String> api(String token) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri("/api/me")).timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String authorization, String form)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(HttpResponse<String> response) {
		return JSON.readValue(response.body(), Map.class);
	}

}
