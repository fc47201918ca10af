package dev.joat.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.joat.test.JoatTestToken;
import dev.joat.test.context.ApplicationTestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static dev.joat.sample.SampleForms.json;
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

	@Test
	void revokeWhenOwnTokenThenApiRefusesItAndIntrospectionInactive() throws Exception {
		String token = accessToken(DEMO);
		assertThat(api(token).statusCode()).isEqualTo(200);
		HttpResponse<String> revoked = post("/oauth2/revoke", DEMO, "token=" + token);
		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(revoked.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(revoked.body()).isEmpty();
		HttpResponse<String> refused = api(token);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.headers().firstValue("WWW-Authenticate")).get().asString().contains("error=\"invalid_token\"");
		assertThat(post("/oauth2/introspect", RESOURCE_SERVER, "token=" + token).body()).isEqualTo("{\"active\":false}");
		// Revoking again changes nothing and is no error (RFC 7009 §2.2: an invalid token answers 200).
		assertThat(post("/oauth2/revoke", DEMO, "token=" + token).statusCode()).isEqualTo(200);
	}

	@Test
	void revokeWhenClientSecretPostThenRevoked() throws Exception {
		String token = accessToken(DEMO);
		assertThat(post("/oauth2/revoke", null, "token=" + token + "&client_id=demo-client&client_secret=demo-secret")
			.statusCode()).isEqualTo(200);
		assertThat(api(token).statusCode()).isEqualTo(401);
	}

	@Test
	void revokeWhenAnotherClientsTokenThenUnauthorizedClientAndTokenStaysValid() throws Exception {
		String token = accessToken(DEMO);
		for (String other : new String[] { READER, RESOURCE_SERVER }) {
			HttpResponse<String> response = post("/oauth2/revoke", other, "token=" + token);
			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
			assertThat(json(response)).isEqualTo(
					Map.of("error", "unauthorized_client", "error_description", "The token was not issued to this client"));
		}
		assertThat(api(token).statusCode()).isEqualTo(200);
		assertThat(json(post("/oauth2/introspect", RESOURCE_SERVER, "token=" + token))).containsEntry("active", true);
	}

	@Test
	void revokeWhenTokenGarbageOrUnknownThenOkAndNothingDone() throws Exception {
		String token = accessToken(DEMO);
		for (String garbage : new String[] { "not.a.token", "x", "a.b.c", "%E2%82%AC", "", "x".repeat(6000) }) {
			HttpResponse<String> response = post("/oauth2/revoke", DEMO, "token=" + garbage);
			assertThat(response.statusCode()).as(garbage).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		}
		assertThat(api(token).statusCode()).isEqualTo(200);
	}

	@Test
	void revokeWhenForgedOrExpiredTokenSharesJtiWithValidOneThenOkAndValidOneNotRevoked() throws Exception {
		String valid = testToken().clientId("demo-client").scopes("read").tokenId("shared-jti-1").issue();
		String forged = testToken().clientId("demo-client").scopes("read").tokenId("shared-jti-1").wrongSignature().issue();
		String expired = testToken().clientId("demo-client").scopes("read").tokenId("shared-jti-1").expired().issue();
		String wrongIssuer = testToken().clientId("demo-client").scopes("read").tokenId("shared-jti-1").wrongIssuer().issue();
		for (String notValid : new String[] { forged, expired, wrongIssuer }) {
			assertThat(post("/oauth2/revoke", DEMO, "token=" + notValid).statusCode()).isEqualTo(200);
		}
		assertThat(api(valid).statusCode()).isEqualTo(200);
		// The same request with the valid token does revoke it: the ones above were refused for what they are.
		assertThat(post("/oauth2/revoke", DEMO, "token=" + valid).statusCode()).isEqualTo(200);
		assertThat(api(valid).statusCode()).isEqualTo(401);
	}

	@Test
	void revokeWhenTokenHasJtiNoRevocationCanNameThenOkNotServerErrorAndApiRefusesIt() throws Exception {
		// Minted elsewhere with the same secret: this server's own tokens have a 22-character jti.
		String token = testToken().clientId("demo-client").scopes("read").tokenId("j".repeat(1025)).issue();
		HttpResponse<String> response = post("/oauth2/revoke", DEMO, "token=" + token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(api(token).statusCode()).isEqualTo(401);
	}

	@Test
	void revokeWhenTokenHasEmptyJtiThenOkNotServerErrorAndApiRefusesIt() throws Exception {
		long now = Instant.now().getEpochSecond();
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", SampleApplicationTests.ISSUER);
		claims.put("sub", "demo-client");
		claims.put("aud", "demo-client");
		claims.put("exp", now + 600);
		claims.put("iat", now);
		claims.put("scp", List.of("read"));
		claims.put("jti", "");
		String token = SignedTokens.hs256(claims);
		HttpResponse<String> response = post("/oauth2/revoke", DEMO, "token=" + token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEmpty();
		assertThat(api(token).statusCode()).isEqualTo(401);
	}

	@Test
	void revokeWhenTokenTypeHintAnyValueThenIgnoredAndRevoked() throws Exception {
		for (String hint : new String[] { "access_token", "refresh_token", "no_such_type" }) {
			String token = accessToken(DEMO);
			assertThat(post("/oauth2/revoke", DEMO, "token=" + token + "&token_type_hint=" + hint).statusCode()).as(hint)
				.isEqualTo(200);
			assertThat(api(token).statusCode()).as(hint).isEqualTo(401);
		}
	}

	@Test
	void revokeWhenWrongClientSecretThenInvalidClientAndTokenStaysValid() throws Exception {
		String token = accessToken(DEMO);
		for (String authorization : new String[] { basic("demo-client", "wrong"), basic("nobody", "demo-secret"), null }) {
			HttpResponse<String> response = post("/oauth2/revoke", authorization, "token=" + token);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
			assertThat(json(response)).containsEntry("error", "invalid_client");
		}
		assertThat(api(token).statusCode()).isEqualTo(200);
	}

	@Test
	void revokeWhenTokenParameterMissingThenInvalidRequest() throws Exception {
		HttpResponse<String> response = post("/oauth2/revoke", DEMO, "token_type_hint=access_token");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(Map.of("error", "invalid_request", "error_description", "token is missing"));
	}

	@Test
	void revokeWhenParameterRepeatedOrInQueryStringThenInvalidRequest() throws Exception {
		String token = accessToken(DEMO);
		assertThat(json(post("/oauth2/revoke", DEMO, "token=" + token + "&token=x"))).containsEntry("error",
				"invalid_request");
		assertThat(json(post("/oauth2/revoke?token=" + token, DEMO, ""))).containsEntry("error", "invalid_request");
		assertThat(api(token).statusCode()).isEqualTo(200);
	}

	@Test
	void revokeWhenOtherMethodThenMethodNotAllowedWithAllowPost() throws Exception {
		for (String method : new String[] { "GET", "PUT", "PATCH", "DELETE" }) {
			RawHttp.Response response = RawHttp.send(this.port, "127.0.0.1", method + " /oauth2/revoke HTTP/1.1", null);
			assertThat(response.status()).as(method).isEqualTo(405);
			assertThat(response.header("Allow")).isEqualTo("POST, OPTIONS");
			assertThat(response.header("Cache-Control")).isEqualTo("no-store");
			assertThat(JSON.readValue(response.body(), Map.class)).isEqualTo(
					Map.of("error", "invalid_request", "error_description", "The revocation endpoint accepts POST only"));
		}
	}

	private JoatTestToken testToken() {
		return ApplicationTestTokens.from(this.context).token();
	}

	private String accessToken(String authorization) throws Exception {
		return SampleForms.accessToken(this.port, authorization);
	}

	private HttpResponse<String> api(String token) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri("/api/me")).timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String authorization, String form)
			throws IOException, InterruptedException {
		return SampleForms.post(this.port, path, authorization, form);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

}
