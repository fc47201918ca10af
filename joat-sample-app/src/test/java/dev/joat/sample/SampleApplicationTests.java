package dev.joat.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The sample's contract over real HTTP: the client-credentials token endpoint (RFC 6749 §4.4, §5)
 * with both client authentication methods and every error, and the protected API with its scope
 * checks (RFC 6750).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER })
class SampleApplicationTests {

	static final String SECRET = "sample-test-secret-of-32-bytes!!";

	static final String ISSUER = "https://joat-sample.test";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void tokenWhenClientSecretBasicThenBearerTokenWithAllClientScopesAndNoStore() throws Exception {
		HttpResponse<String> response = token(basic("demo-client", "demo-secret"), "grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValue("Pragma")).hasValue("no-cache");
		Map<String, Object> body = json(response);
		assertThat(body).containsOnlyKeys("access_token", "token_type", "expires_in", "scope");
		assertThat(body).contains(entry("token_type", "Bearer"), entry("expires_in", 3600), entry("scope", "read profile"));
		assertThat((String) body.get("access_token")).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
	}

	@Test
	void tokenWhenClientSecretPostThenBearerToken() throws Exception {
		HttpResponse<String> response = token(null,
				"grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response)).containsEntry("scope", "read profile");
	}

	@Test
	void tokenWhenNarrowerScopeRequestedThenOnlyThatScope() throws Exception {
		HttpResponse<String> response = token(basic("demo-client", "demo-secret"), "grant_type=client_credentials&scope=read");
		assertThat(json(response)).containsEntry("scope", "read");
		String token = (String) json(response).get("access_token");
		assertThat(get("/api/profile", token).statusCode()).isEqualTo(403);
		assertThat(get("/api/read", token).statusCode()).isEqualTo(200);
	}

	@Test
	void tokenWhenScopeNotAllowedThenInvalidScope() throws Exception {
		assertError(token(basic("demo-client", "demo-secret"), "grant_type=client_credentials&scope=read%20admin"), 400,
				"invalid_scope");
		assertError(token(basic("demo-client", "demo-secret"), "grant_type=client_credentials&scope="), 400, "invalid_scope");
		assertError(token(basic("reader-client", "reader-secret"), "grant_type=client_credentials&scope=profile"), 400,
				"invalid_scope");
	}

	@Test
	void tokenWhenOtherGrantTypeThenUnsupportedGrantType() throws Exception {
		assertError(token(basic("demo-client", "demo-secret"), "grant_type=password&username=u&password=p"), 400,
				"unsupported_grant_type");
	}

	@Test
	void tokenWhenGrantTypeMissingThenInvalidRequest() throws Exception {
		assertError(token(basic("demo-client", "demo-secret"), "scope=read"), 400, "invalid_request");
	}

	@Test
	void tokenWhenParameterRepeatedThenInvalidRequest() throws Exception {
		assertError(token(basic("demo-client", "demo-secret"), "grant_type=client_credentials&grant_type=client_credentials"),
				400, "invalid_request");
		assertError(token(basic("demo-client", "demo-secret"), "grant_type=client_credentials&scope=read&scope=profile"), 400,
				"invalid_request");
	}

	@Test
	void tokenWhenParametersInQueryStringOrNotFormEncodedThenInvalidRequest() throws Exception {
		HttpRequest query = HttpRequest.newBuilder(uri("/oauth2/token?grant_type=client_credentials"))
			.header("Authorization", basic("demo-client", "demo-secret"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(""))
			.build();
		assertError(this.http.send(query, HttpResponse.BodyHandlers.ofString()), 400, "invalid_request");
		HttpRequest jsonBody = HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Authorization", basic("demo-client", "demo-secret"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}"))
			.build();
		assertError(this.http.send(jsonBody, HttpResponse.BodyHandlers.ofString()), 400, "invalid_request");
	}

	@Test
	void tokenWhenBothAuthenticationMethodsThenInvalidRequest() throws Exception {
		assertError(token(basic("demo-client", "demo-secret"),
				"grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret"), 400, "invalid_request");
	}

	@Test
	void tokenWhenNoCredentialsThenInvalidClientWithBasicChallenge() throws Exception {
		assertInvalidClient(token(null, "grant_type=client_credentials"));
		assertInvalidClient(token(null, "grant_type=client_credentials&client_id=demo-client"));
	}

	@Test
	void tokenWhenWrongSecretOrUnknownClientThenInvalidClient() throws Exception {
		assertInvalidClient(token(basic("demo-client", "wrong"), "grant_type=client_credentials"));
		assertInvalidClient(token(basic("nobody", "demo-secret"), "grant_type=client_credentials"));
		assertInvalidClient(token(null, "grant_type=client_credentials&client_id=demo-client&client_secret=wrong"));
	}

	@Test
	void tokenWhenMalformedAuthorizationHeaderThenInvalidClient() throws Exception {
		assertInvalidClient(token("Basic not-base64!", "grant_type=client_credentials"));
		assertInvalidClient(token("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes()),
				"grant_type=client_credentials"));
		assertInvalidClient(token("Digest username=demo-client", "grant_type=client_credentials"));
	}

	@Test
	void apiWhenTokenHasScopeThenOk() throws Exception {
		String token = accessToken("demo-client", "demo-secret");
		HttpResponse<String> read = get("/api/read", token);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(json(read)).containsEntry("client_id", "demo-client");
		assertThat(get("/api/profile", token).statusCode()).isEqualTo(200);
	}

	@Test
	void apiWhenScopeMissingThenForbiddenInsufficientScope() throws Exception {
		HttpResponse<String> response = get("/api/profile", accessToken("reader-client", "reader-secret"));
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer")
			.contains("error=\"insufficient_scope\"");
	}

	@Test
	void meWhenValidTokenThenPyJoatCredentials() throws Exception {
		HttpResponse<String> response = get("/api/me", accessToken("demo-client", "demo-secret"));
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> credentials = json(response);
		assertThat(credentials).containsKeys("user_id", "authorized_scope", "client_id", "provider", "jti")
			.contains(entry("user_id", "demo-client"), entry("authorized_scope", List.of("read", "profile")),
					entry("client_id", "demo-client"), entry("provider", ISSUER));
		assertThat((String) credentials.get("jti")).matches("[A-Za-z0-9_-]{22}");
	}

	@Test
	void apiWhenNoTokenThenUnauthorizedWithBareBearerChallenge() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/read")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer")
			.doesNotContain("error=");
	}

	@Test
	void apiWhenTokenInvalidThenUnauthorizedInvalidTokenWithoutLeaks() throws Exception {
		String forged = testToken().clientId("demo-client").scopes("read").wrongSignature().issue();
		HttpResponse<String> response = get("/api/read", forged);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().contains("error=\"invalid_token\"");
		assertThat(response.body() + response.headers().map()).doesNotContain(SECRET).doesNotContain(forged)
			.doesNotContain("Exception");
	}

	@Test
	void apiWhenTokenMintedOutsideWithSameSecretThenAcceptedAndWithAnotherSecretRefused() throws Exception {
		// Not from this server's token endpoint: minted as any issuer sharing the secret would (PyJOAT, another service).
		String outside = testToken().clientId("python-issued-client").scopes("read").subject("1234").issue();
		HttpResponse<String> me = get("/api/me", outside);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(json(me)).contains(entry("user_id", "1234"), entry("client_id", "python-issued-client"));
		String forged = testToken().clientId("python-issued-client").scopes("read").wrongSignature().issue();
		assertThat(get("/api/read", forged).statusCode()).isEqualTo(401);
	}

	@Test
	void errorsWhenAnyThenNoStackTraceOrSecretInBody() throws Exception {
		// "not.a.token" is no JWT at all, which joat-test does not make: it mints only well-formed tokens.
		for (HttpResponse<String> response : List.of(token(basic("demo-client", "wrong"), "grant_type=client_credentials"),
				token(basic("demo-client", "demo-secret"), "grant_type=x"), get("/api/read", "not.a.token"))) {
			assertThat(response.body()).doesNotContain("demo-secret").doesNotContain("Exception").doesNotContain("\tat ")
				.doesNotContain(SECRET);
		}
	}

	/** A token minted by joat-test with this app's own generator and secret (see README "Testing your app"). */
	private JoatTestToken testToken() {
		return ApplicationTestTokens.from(this.context).token();
	}

	// From the real /oauth2/token endpoint, not joat-test: the end-to-end flow is what these tests check.
	private String accessToken(String clientId, String secret) throws Exception {
		HttpResponse<String> response = token(basic(clientId, secret), "grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(200);
		return (String) json(response).get("access_token");
	}

	private HttpResponse<String> token(String authorization, String form) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/oauth2/token"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private void assertError(HttpResponse<String> response, int status, String error) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(json(response)).containsEntry("error", error).containsKey("error_description");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
	}

	private void assertInvalidClient(HttpResponse<String> response) {
		assertError(response, 401, "invalid_client");
		assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(HttpResponse<String> response) {
		return JSON.readValue(response.body(), Map.class);
	}

}
