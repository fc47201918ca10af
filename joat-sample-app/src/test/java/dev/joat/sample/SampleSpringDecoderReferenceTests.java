package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import dev.joat.test.JoatTestTokens;
import dev.joat.test.context.ApplicationTestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load test's reference profile ({@link SpringDecoderReferenceConfiguration}) on a real Tomcat:
 * the API runs on Spring's stock {@link NimbusJwtDecoder} with the same secret and issuer, accepts
 * the sample's own tokens and refuses a wrongly signed one, one from another issuer and an expired one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER })
@ActiveProfiles(SpringDecoderReferenceConfiguration.PROFILE)
class SampleSpringDecoderReferenceTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void jwtDecoderWhenReferenceProfileThenSpringNimbusDecoderServesTheApi() throws Exception {
		assertThat(this.context.getBean(JwtDecoder.class)).isInstanceOf(NimbusJwtDecoder.class);

		HttpResponse<String> read = get("/api/read", token("demo-client", "demo-secret"));

		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(JSON.readValue(read.body(), Map.class)).containsEntry("client_id", "demo-client");
	}

	@Test
	void jwtDecoderWhenReferenceProfileAndBadTokensThenRefused() throws Exception {
		JoatTestTokens tokens = ApplicationTestTokens.from(this.context);

		HttpResponse<String> wrongSignature = get("/api/read",
				tokens.token().clientId("demo-client").scopes("read").wrongSignature().issue());
		HttpResponse<String> wrongIssuer = get("/api/read",
				tokens.token().clientId("demo-client").scopes("read").wrongIssuer().issue());
		HttpResponse<String> expired = get("/api/read", tokens.token().clientId("demo-client").scopes("read").expired().issue());

		assertThat(wrongSignature.statusCode()).isEqualTo(401);
		assertThat(wrongIssuer.statusCode()).isEqualTo(401);
		assertThat(expired.statusCode()).isEqualTo(401);
	}

	private String token(String client, String secret) throws Exception {
		String basic = Base64.getEncoder().encodeToString((client + ":" + secret).getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/oauth2/token"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
			.build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return (String) JSON.readValue(response.body(), Map.class).get("access_token");
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token)
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
