package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The PyJOAT contract against the sample in its default configuration (in-memory revocation on),
 * over real HTTP: tokens in the seed's layout ({@code aud}, {@code iss}, {@code exp}, {@code iat},
 * {@code scp} as a list, {@code sub}; no {@code jti}, no {@code typ: at+jwt}) minted by Nimbus, an
 * implementation independent of joat, are accepted by every API endpoint. Revoking one through
 * RFC 7009 refuses it, and every token of its subject and client issued in or before its second,
 * and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER })
class SamplePyJoatTokensTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Test
	void getWhenSeedLayoutWithoutJtiMintedByNimbusThenEveryEndpointOk() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		for (boolean typ : new boolean[] { true, false }) {
			String token = nimbus("demo-client", "1234", now, null, typ);
			for (String path : new String[] { "/api/read", "/api/me", "/api/profile" }) {
				HttpResponse<String> response = get(path, token);
				assertThat(response.statusCode()).as(path + " typ " + typ).isEqualTo(200);
			}
			assertThat(get("/api/me", token).body()).contains("\"user_id\":\"1234\"").contains("demo-client");
		}
	}

	@Test
	void getMeWhenTokenHasNoSubThenUserIdNullAsPyJoatAndClientIdFromAud() throws Exception {
		String token = nimbus("demo-client", null, Instant.now().truncatedTo(ChronoUnit.SECONDS), null, false);
		HttpResponse<String> me = get("/api/me", token);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("\"user_id\":null").contains("\"client_id\":\"demo-client\"");
		HttpResponse<String> profile = get("/api/profile", token);
		assertThat(profile.statusCode()).isEqualTo(200);
		assertThat(profile.body()).contains("\"user_id\":null");
		assertThat(get("/api/me", nimbus("demo-client", "demo-client", Instant.now(), null, false)).body())
			.contains("\"user_id\":\"demo-client\"");
	}

	@Test
	void revokeWhenSeedLayoutWithoutJtiThenItAndItsSubjectsEarlierTokensOfThatClientRefusedOthersOk() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String token = nimbus("demo-client", "user-r1", now, null, true);
		String earlier = nimbus("demo-client", "user-r1", now.minusSeconds(30), null, true);
		String later = nimbus("demo-client", "user-r1", now.plusSeconds(1), null, true);
		String otherSubject = nimbus("demo-client", "user-r2", now, null, true);
		String otherClient = nimbus("reader-client", "user-r1", now, null, true);
		assertThat(get("/api/read", token).statusCode()).isEqualTo(200);

		HttpResponse<String> revoked = SampleForms.post(this.port, "/oauth2/revoke", SampleRevocationTests.DEMO,
				"token=" + token);

		assertThat(revoked.statusCode()).isEqualTo(200);
		assertThat(get("/api/read", token).statusCode()).isEqualTo(401);
		assertThat(get("/api/read", earlier).statusCode()).isEqualTo(401);
		assertThat(get("/api/read", later).statusCode()).isEqualTo(200);
		assertThat(get("/api/read", otherSubject).statusCode()).isEqualTo(200);
		assertThat(get("/api/read", otherClient).statusCode()).isEqualTo(200);
	}

	@Test
	void revokeWhenSeedLayoutWithJtiThenThatTokenOnlyRefused() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String token = nimbus("demo-client", "user-j1", now, "jti-of-nimbus-1", true);
		String sibling = nimbus("demo-client", "user-j1", now, "jti-of-nimbus-2", true);
		String withoutJti = nimbus("demo-client", "user-j1", now, null, true);

		assertThat(SampleForms.post(this.port, "/oauth2/revoke", SampleRevocationTests.DEMO, "token=" + token)
			.statusCode()).isEqualTo(200);

		assertThat(get("/api/read", token).statusCode()).isEqualTo(401);
		assertThat(get("/api/read", sibling).statusCode()).isEqualTo(200);
		assertThat(get("/api/read", withoutJti).statusCode()).isEqualTo(200);
	}

	/** A token in the seed's layout, signed by Nimbus with the sample's secret. */
	private static String nimbus(String clientId, String subject, Instant issuedAt, String jti, boolean typ)
			throws Exception {
		JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.HS256);
		if (typ) {
			header.type(JOSEObjectType.JWT);
		}
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().audience(clientId)
			.issuer(SampleApplicationTests.ISSUER)
			.expirationTime(Date.from(issuedAt.plusSeconds(3600)))
			.issueTime(Date.from(issuedAt))
			.claim("scp", List.of("read", "profile"))
			.subject(subject);
		if (jti != null) {
			claims.jwtID(jti);
		}
		SignedJWT jwt = new SignedJWT(header.build(), claims.build());
		jwt.sign(new MACSigner(SampleApplicationTests.SECRET.getBytes(StandardCharsets.UTF_8)));
		return jwt.serialize();
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
