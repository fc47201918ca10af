package dev.joat.spring.boot;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import dev.joat.TokenGenerator;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/joat} of a real running servlet resource server: exactly the effective
 * configuration and the key ring's ids, algorithms and signing key — no secret, no secret's
 * length, no hash.
 */
@SpringBootTest(classes = TestResourceServerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.issuer=https://issuer.example", "joat.secrets[0].kid=2026-01",
				"joat.secrets[0].secret=" + JoatEndpointTests.OLD, "joat.secrets[1].kid=2026-07",
				"joat.secrets[1].secret=" + JoatEndpointTests.NEW, "joat.signing-kid=2026-07",
				"joat.audiences=https://api.example", "joat.profile=rfc9068", "joat.clock-skew=30s",
				"management.endpoints.web.exposure.include=joat" })
class JoatEndpointTests {

	static final String OLD = "old-secret-of-at-least-32-bytes!";

	static final String NEW = "new-secret-of-at-least-48-bytes-for-the-test-xx!";

	@LocalServerPort
	private int port;

	@Autowired
	private TokenGenerator generator;

	@Test
	void joatEndpointWhenExposedThenShowsConfigurationAndRingOnly() throws Exception {
		String token = this.generator.issueToken("abcd", List.of("read"));
		HttpResponse<String> response = HttpCalls.get(this.port, "/actuator/joat", token);
		assertThat(response.statusCode()).isEqualTo(200);
		JSONAssert.assertEquals("""
				{"issuer":"https://issuer.example","algorithms":["HS256"],"profile":"rfc9068","tokenLifetime":"PT1H",
				"clockSkew":"PT30S","audiences":["https://api.example"],"maxTokenLength":8192,"requireAtJwt":false,
				"keySource":"joat.secrets","keys":[{"kid":"2026-01","algorithm":"HS256","signing":false},
				{"kid":"2026-07","algorithm":"HS256","signing":true}],"revocation":{"store":"none","entries":null,
				"maxEntries":null,"maxStaleness":null,"failOpen":null}}""", response.body(), JSONCompareMode.STRICT);
	}

	@Test
	void joatEndpointWhenExposedThenNoSecretMaterial() throws Exception {
		String body = HttpCalls.get(this.port, "/actuator/joat", this.generator.issueToken("abcd", List.of("read")))
			.body();
		for (String secret : List.of(OLD, NEW)) {
			byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
			assertThat(body).doesNotContain(secret, secret.substring(0, 8), Base64.getEncoder().encodeToString(bytes),
					Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), HexFormat.of().formatHex(bytes));
		}
		// The two secrets are 32 and 48 bytes long: neither length appears anywhere.
		assertThat(body).doesNotContain("32", "48").doesNotContainIgnoringCase("length\":3").doesNotContainIgnoringCase("hash");
	}

	@Test
	void joatEndpointWhenNoTokenThenUnauthorized() throws Exception {
		assertThat(HttpCalls.get(this.port, "/actuator/joat", null).statusCode()).isEqualTo(401);
	}

}
