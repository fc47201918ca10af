package dev.joat.sample;

import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample as an issuer that signs with a private key (issue 27), over real HTTP on its own
 * ports: Spring Security's stock {@code NimbusJwtDecoder}, given the issuer URL alone
 * ({@link JwtDecoders#fromIssuerLocation(String)}, and {@code NimbusJwtDecoder.withIssuerLocation}
 * with the issuer validator, as Boot builds its decoder for {@code issuer-uri}), finds
 * the RFC 8414 document, checks its {@code issuer}, fetches {@code jwks_uri} and verifies the
 * sample's ES256 and RS256 tokens; EdDSA tokens are verified with the JDK's Ed25519 from the
 * published JWK (Nimbus would need Google Tink for Ed25519, which the project does not add). The
 * JWK Set, {@code /actuator/joat} and the logs never show key material.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleAsymmetricIssuerTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "k");

	private static final String GENERATED_WARNING = "No joat.sample.signing-key is configured";

	@TempDir
	Path directory;

	@Test
	void stockSpringDecoderWhenGivenOnlyTheIssuerUrlOfTheEs256ExampleThenVerifiesTheSamplesTokens(CapturedOutput output)
			throws Exception {
		KeyPair keyPair = AsymmetricSample.p256();
		Path pem = AsymmetricSample.pem(this.directory, keyPair, true, true);
		String thumbprint = SigningKey.of(SignatureAlgorithm.ES256, keyPair).thumbprint();
		int port = AsymmetricSample.freePort();
		String issuer = AsymmetricSample.issuer(port);
		try (ConfigurableApplicationContext sample = AsymmetricSample.start(port,
				"--spring.config.additional-location=classpath:asymmetric-issuer-example.yml",
				"--JOAT_SIGNING_KEY=file:" + pem)) {
			String token = SampleForms.accessToken(port, SampleRevocationTests.DEMO);

			JwtDecoder stock = JwtDecoders.fromIssuerLocation(issuer);
			Jwt jwt = stock.decode(token);

			assertThat(jwt.getHeaders()).containsEntry("alg", "ES256").containsEntry("kid", thumbprint);
			assertThat(jwt.getIssuer()).hasToString(issuer);
			assertThat(jwt.getClaimAsStringList("scp")).containsExactly("read", "profile");
			NimbusJwtDecoder asBootBuildsIt = NimbusJwtDecoder.withIssuerLocation(issuer).build();
			asBootBuildsIt.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
			assertThat(asBootBuildsIt.decode(token).getClaims()).isEqualTo(jwt.getClaims());
			assertThat(AsymmetricSample.get(port, "/api/read", token).statusCode()).isEqualTo(200);
			assertThat(metadata(port)).containsEntry("jwks_uri", issuer + "/oauth2/jwks");
			assertPublicOnly(jwkSet(port));
			String joat = managementGet(sample, "/actuator/joat");
			assertThat(joat).contains("\"kid\":\"" + thumbprint + "\"")
				.contains("\"keySource\":\"application-key-source\"")
				.contains("\"algorithms\":[\"ES256\"]");
		}
		ECPrivateKey privateKey = (ECPrivateKey) keyPair.getPrivate();
		assertThat(output).doesNotContain(AsymmetricSample.base64(privateKey.getEncoded()).substring(0, 40))
			.doesNotContain(base64Url(unsigned(privateKey.getS(), 32)))
			.doesNotContain("PRIVATE KEY")
			.doesNotContain(GENERATED_WARNING)
			.doesNotContain("No JOAT_SECRET is configured")
			.contains("keys from application-key-source: [" + thumbprint + " ES256]");
	}

	@Test
	void sampleWhenRs256WithoutKeyThenGeneratedKeyWarnedOncePublishedPublicOnlyAndStockDecoderVerifies(
			CapturedOutput output) throws Exception {
		int port = AsymmetricSample.freePort();
		String issuer = AsymmetricSample.issuer(port);
		try (ConfigurableApplicationContext sample = AsymmetricSample.start(port,
				"--joat.sample.signing-algorithm=RS256")) {
			String token = SampleForms.accessToken(port, SampleRevocationTests.DEMO);

			Jwt jwt = JwtDecoders.fromIssuerLocation(issuer).decode(token);

			HttpResponse<String> jwks = AsymmetricSample.get(port, "/oauth2/jwks", null);
			assertThat(jwks.statusCode()).isEqualTo(200);
			assertThat(jwks.headers().firstValue("Content-Type")).hasValue("application/jwk-set+json");
			assertThat(jwks.headers().firstValue("Cache-Control")).hasValue("max-age=300, public");
			JsonNode key = JSON.readTree(jwks.body()).get("keys").get(0);
			assertThat(key.get("kty").asString()).isEqualTo("RSA");
			assertThat(key.get("alg").asString()).isEqualTo("RS256");
			assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", key.get("kid").asString());
			assertPublicOnly(jwks.body());
			String joat = managementGet(sample, "/actuator/joat");
			assertThat(joat).contains("\"kid\":\"" + key.get("kid").asString() + "\"")
				.contains("\"keySource\":\"application-key-source\"")
				.contains("\"algorithms\":[\"RS256\"]");
			for (String member : PRIVATE_MEMBERS) {
				assertThat(joat).doesNotContain("\"" + member + "\":");
			}
			assertThat(AsymmetricSample.get(port, "/api/read", token).statusCode()).isEqualTo(200);
			assertThat(SampleForms.post(port, "/oauth2/revoke", SampleRevocationTests.DEMO, "token=" + token)
				.statusCode()).isEqualTo(200);
			assertThat(AsymmetricSample.get(port, "/api/read", token).statusCode()).isEqualTo(401);
		}
		assertThat(occurrences(output.getAll(), GENERATED_WARNING)).isOne();
		assertThat(output).doesNotContain("No JOAT_SECRET is configured").doesNotContain("PRIVATE KEY");
	}

	@Test
	void sampleWhenEdDsaThenTokensVerifyWithTheJdkAgainstThePublishedJwkAndHmacTokensAreRefused(CapturedOutput output)
			throws Exception {
		int port = AsymmetricSample.freePort();
		try (ConfigurableApplicationContext sample = AsymmetricSample.start(port,
				"--joat.sample.signing-algorithm=EdDSA")) {
			String token = SampleForms.accessToken(port, SampleRevocationTests.DEMO);
			String jwkSet = jwkSet(port);
			assertPublicOnly(jwkSet);
			JsonNode key = JSON.readTree(jwkSet).get("keys").get(0);
			assertThat(key.get("kty").asString()).isEqualTo("OKP");
			assertThat(key.get("crv").asString()).isEqualTo("Ed25519");

			String[] parts = token.split("\\.");
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initVerify(ed25519PublicKey(key.get("x").asString()));
			ed25519.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));

			assertThat(ed25519.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
			assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))
				.contains("\"alg\":\"EdDSA\"")
				.contains("\"kid\":\"" + key.get("kid").asString() + "\"");
			assertThat(AsymmetricSample.get(port, "/api/read", token).statusCode()).isEqualTo(200);
			long now = System.currentTimeMillis() / 1000;
			String hmac = SignedTokens.hs256(Map.of("iss", AsymmetricSample.issuer(port), "aud", "demo-client", "iat",
					now, "exp", now + 600, "scp", List.of("read")));
			assertThat(AsymmetricSample.get(port, "/api/read", hmac).statusCode()).isEqualTo(401);
		}
		assertThat(occurrences(output.getAll(), GENERATED_WARNING)).isOne();
	}

	/** Fails on any private or symmetric member in any key of the set. */
	static void assertPublicOnly(String jwkSet) {
		JsonNode keys = JSON.readTree(jwkSet).get("keys");
		assertThat(keys.isArray()).isTrue();
		assertThat(keys.size()).isPositive();
		for (JsonNode key : keys) {
			List<String> names = new ArrayList<>(key.propertyNames());
			assertThat(names).as(key.toString()).doesNotContainAnyElementsOf(PRIVATE_MEMBERS);
		}
	}

	private static String jwkSet(int port) throws Exception {
		HttpResponse<String> response = AsymmetricSample.get(port, "/oauth2/jwks", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static Map<String, Object> metadata(int port) throws Exception {
		return SampleForms.json(AsymmetricSample.get(port, "/.well-known/oauth-authorization-server", null));
	}

	private static String managementGet(ConfigurableApplicationContext sample, String path) throws Exception {
		int managementPort = sample.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
		HttpResponse<String> response = AsymmetricSample.get(managementPort, path, null);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static PublicKey ed25519PublicKey(String x) throws Exception {
		byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
		byte[] raw = Base64.getUrlDecoder().decode(x);
		byte[] encoded = new byte[prefix.length + raw.length];
		System.arraycopy(prefix, 0, encoded, 0, prefix.length);
		System.arraycopy(raw, 0, encoded, prefix.length, raw.length);
		return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
	}

	private static byte[] unsigned(BigInteger value, int length) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[length];
		int copy = Math.min(bytes.length, length);
		System.arraycopy(bytes, bytes.length - copy, fixed, length - copy, copy);
		return fixed;
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static int occurrences(String text, String part) {
		int count = 0;
		for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
			count++;
		}
		return count;
	}

}
