package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.joat.SecretResolver;
import dev.joat.test.JoatTestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The sample switched to the RFC 9068 profile by one setting (the {@code rfc9068} Spring
 * profile): the whole flow, with {@code at+jwt} tokens, and PyJOAT-layout tokens refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER })
@ActiveProfiles("rfc9068")
class SampleRfc9068Tests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private SecretResolver secretResolver;

	@Test
	@SuppressWarnings("unchecked")
	void flowWhenRfc9068ProfileThenAtJwtTokenIssuedAndAccepted() throws Exception {
		HttpResponse<String> tokenResponse = send(HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", "Basic " + Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=read")));
		assertThat(tokenResponse.statusCode()).isEqualTo(200);
		String token = (String) JSON.readValue(tokenResponse.body(), Map.class).get("access_token");
		String[] parts = token.split("\\.");
		Map<String, Object> header = JSON.readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
		Map<String, Object> claims = JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
		assertThat(header).containsEntry("typ", "at+jwt");
		assertThat(claims).contains(entry("client_id", "demo-client"), entry("aud", "joat-sample-api"), entry("scope", "read"),
				entry("sub", "demo-client"), entry("iss", SampleApplicationTests.ISSUER)).containsKey("jti");

		HttpResponse<String> me = send(HttpRequest.newBuilder(uri("/api/me")).header("Authorization", "Bearer " + token));
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(JSON.readValue(me.body(), Map.class)).containsEntry("client_id", "demo-client")
			.containsEntry("authorized_scope", List.of("read")).containsEntry("jti", claims.get("jti"));
		assertThat(send(HttpRequest.newBuilder(uri("/api/read")).header("Authorization", "Bearer " + token)).statusCode())
			.isEqualTo(200);
		assertThat(send(HttpRequest.newBuilder(uri("/api/profile")).header("Authorization", "Bearer " + token)).statusCode())
			.isEqualTo(403);
	}

	@Test
	void apiWhenPyJoatLayoutTokenThenRefusedAsWrongType() throws Exception {
		// PyJOAT's layout: the plain API's default generator, with the app's secret (the app's own writes at+jwt).
		String pyjoat = JoatTestTokens.of(SampleApplicationTests.ISSUER, this.secretResolver)
			.token()
			.clientId("demo-client")
			.scopes("read")
			.issue();
		HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/read")).header("Authorization", "Bearer " + pyjoat));
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
			.contains("error_description=\"Wrong token type");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
