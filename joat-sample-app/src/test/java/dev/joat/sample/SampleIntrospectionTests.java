package dev.joat.sample;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
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

import static dev.joat.sample.SampleRevocationTests.DEMO;
import static dev.joat.sample.SampleRevocationTests.READER;
import static dev.joat.sample.SampleRevocationTests.RESOURCE_SERVER;
import static dev.joat.sample.SampleRevocationTests.basic;
import static dev.joat.sample.SampleForms.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * RFC 7662 introspection at {@code /oauth2/introspect} over real HTTP: an authenticated caller
 * gets the §2.2 members of an active token, and exactly {@code {"active":false}} for anything that
 * is not (garbage, forged, expired, revoked, another client's token when the caller may not
 * introspect those); an unauthenticated caller gets 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER })
class SampleIntrospectionTests {

	private static final String INACTIVE = "{\"active\":false}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void introspectWhenValidTokenThenRfc7662Members() throws Exception {
		String token = accessToken(DEMO);
		HttpResponse<String> response = introspect(RESOURCE_SERVER, token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValue("Content-Type")).get().asString().startsWith("application/json");
		Map<String, Object> body = json(response);
		assertThat(body).containsOnlyKeys("active", "scope", "client_id", "token_type", "exp", "iat", "sub", "aud", "iss",
				"jti");
		assertThat(body).contains(entry("active", true), entry("scope", "read profile"), entry("client_id", "demo-client"),
				entry("token_type", "Bearer"), entry("sub", "demo-client"), entry("aud", "demo-client"),
				entry("iss", SampleApplicationTests.ISSUER));
		long iat = ((Number) body.get("iat")).longValue();
		assertThat(((Number) body.get("exp")).longValue()).isEqualTo(iat + 3600);
		assertThat(iat).isBetween(Instant.now().getEpochSecond() - 60, Instant.now().getEpochSecond() + 1);
		assertThat((String) body.get("jti")).matches("[A-Za-z0-9_-]{22}");
	}

	@Test
	void introspectWhenTokenHasNbfAndSubjectThenBothAnswered() throws Exception {
		long now = Instant.now().getEpochSecond();
		// joat-test sets nbf only in the future (notYetValid), so this token is signed here, as any issuer sharing the secret would.
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("iss", SampleApplicationTests.ISSUER);
		claims.put("sub", "user-1234");
		claims.put("aud", "demo-client");
		claims.put("exp", now + 600);
		claims.put("nbf", now - 10);
		claims.put("iat", now - 10);
		claims.put("scp", List.of("read"));
		claims.put("jti", "jti-nbf");
		Map<String, Object> body = json(introspect(RESOURCE_SERVER, SignedTokens.hs256(claims)));
		assertThat(body).containsExactly(entry("active", true), entry("scope", "read"), entry("client_id", "demo-client"),
				entry("token_type", "Bearer"), entry("exp", (int) (now + 600)), entry("iat", (int) (now - 10)),
				entry("nbf", (int) (now - 10)), entry("sub", "user-1234"), entry("aud", "demo-client"),
				entry("iss", SampleApplicationTests.ISSUER), entry("jti", "jti-nbf"));
	}

	@Test
	void introspectWhenOwnTokenWithoutIntrospectionFlagThenActive() throws Exception {
		String token = accessToken(READER);
		assertThat(json(introspect(READER, token))).contains(entry("active", true), entry("client_id", "reader-client"),
				entry("scope", "read"));
	}

	@Test
	void introspectWhenAnotherClientsTokenWithoutIntrospectionFlagThenExactlyInactive() throws Exception {
		String token = accessToken(DEMO);
		HttpResponse<String> response = introspect(READER, token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(INACTIVE);
		assertThat(json(introspect(RESOURCE_SERVER, token))).containsEntry("active", true);
	}

	@Test
	void introspectWhenGarbageForgedOrExpiredThenExactlyInactive() throws Exception {
		JoatTestToken demo = testToken().clientId("demo-client").scopes("read");
		for (String token : new String[] { "not.a.token", "x", "", "x".repeat(6000), demo.wrongSignature().issue(),
				testToken().clientId("demo-client").expired().issue(), testToken().clientId("demo-client").notYetValid().issue(),
				testToken().clientId("demo-client").wrongIssuer().issue(),
				testToken().clientId("demo-client").algorithm("none").issue() }) {
			HttpResponse<String> response = introspect(RESOURCE_SERVER, token);
			assertThat(response.statusCode()).as(token).isEqualTo(200);
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
			assertThat(response.body()).as(token).isEqualTo(INACTIVE);
		}
	}

	@Test
	void introspectWhenRevokedThenExactlyInactive() throws Exception {
		String token = accessToken(DEMO);
		assertThat(json(introspect(RESOURCE_SERVER, token))).containsEntry("active", true);
		assertThat(post("/oauth2/revoke", DEMO, "token=" + token).statusCode()).isEqualTo(200);
		assertThat(introspect(RESOURCE_SERVER, token).body()).isEqualTo(INACTIVE);
		assertThat(introspect(DEMO, token).body()).isEqualTo(INACTIVE);
	}

	@Test
	void introspectWhenUnauthenticatedThenInvalidClient() throws Exception {
		String token = accessToken(DEMO);
		for (String authorization : new String[] { null, basic("resource-server", "wrong"), "Bearer " + token }) {
			HttpResponse<String> response = introspect(authorization, token);
			assertThat(response.statusCode()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
			assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
			assertThat(json(response)).containsEntry("error", "invalid_client").doesNotContainKey("active");
		}
	}

	@Test
	void introspectWhenTokenParameterMissingThenInvalidRequest() throws Exception {
		HttpResponse<String> response = post("/oauth2/introspect", RESOURCE_SERVER, "token_type_hint=access_token");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(json(response)).isEqualTo(Map.of("error", "invalid_request", "error_description", "token is missing"));
	}

	@Test
	void introspectWhenOtherMethodThenMethodNotAllowedWithAllowPost() throws Exception {
		for (String method : new String[] { "GET", "PUT", "PATCH", "DELETE" }) {
			RawHttp.Response response = RawHttp.send(this.port, "127.0.0.1", method + " /oauth2/introspect HTTP/1.1", null);
			assertThat(response.status()).as(method).isEqualTo(405);
			assertThat(response.header("Allow")).isEqualTo("POST, OPTIONS");
			assertThat(JSON.readValue(response.body(), Map.class)).isEqualTo(
					Map.of("error", "invalid_request", "error_description", "The introspection endpoint accepts POST only"));
		}
	}

	private JoatTestToken testToken() {
		return ApplicationTestTokens.from(this.context).token();
	}

	private String accessToken(String authorization) throws Exception {
		return SampleForms.accessToken(this.port, authorization);
	}

	private HttpResponse<String> introspect(String authorization, String token) throws IOException, InterruptedException {
		return post("/oauth2/introspect", authorization, "token=" + token);
	}

	private HttpResponse<String> post(String path, String authorization, String form)
			throws IOException, InterruptedException {
		return SampleForms.post(this.port, path, authorization, form);
	}

}
