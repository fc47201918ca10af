package dev.joat;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tokens signed by other JWT libraries verify in joat, for every algorithm each library signs with
 * the JDK's keys: Nimbus JOSE+JWT (RS256, PS256, ES256; its EdDSA needs Google Tink, which joat
 * does not bring in), jjwt (all ten) and auth0 java-jwt (RS256, ES256; it has no PS or EdDSA); and
 * node's {@code jose} (RS256, PS256, ES256/384/512, EdDSA), whose tokens and public keys were
 * minted once by {@code src/test/resources/interop/mint-jose.mjs} into {@code jose-tokens.json}
 * (the tests need no node). A token of each, altered in its payload, is refused.
 */
class InteropTests {

	private static final Instant NOW = TestTokens.NOW;

	private static final Instant EXPIRES = NOW.plusSeconds(3600);

	private static TokenParser parser(dev.joat.SignatureAlgorithm algorithm) {
		return TokenParser.withKeys(TestKeys.keySet())
			.signatureAlgorithms(algorithm)
			.issuer(TestTokens.PROVIDER)
			.audience("abcd")
			.clock(TestTokens.CLOCK)
			.build();
	}

	private static void assertVerifies(dev.joat.SignatureAlgorithm algorithm, String token) {
		assertVerifies(parser(algorithm), token);
	}

	private static void assertVerifies(TokenParser parser, String token) {
		Credentials credentials = parser.parseToken(token);
		assertThat(credentials.clientId()).isEqualTo("abcd");
		assertThat(credentials.userId()).isEqualTo("1234");
		assertThat(credentials.authorizedScope()).containsExactlyInAnyOrder("profile", "read");
		String[] parts = token.split("\\.");
		String altered = parts[0] + "." + TestTokens.b64(TestTokens.claims("\"x\":1")) + "." + parts[2];
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(altered))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.BAD_SIGNATURE));
	}

	@ParameterizedTest
	@EnumSource(value = dev.joat.SignatureAlgorithm.class, names = { "RS256", "RS384", "RS512", "PS256", "PS384", "PS512",
			"ES256", "ES384", "ES512" })
	void parseTokenWhenSignedByNimbusThenVerified(dev.joat.SignatureAlgorithm algorithm) throws JOSEException {
		KeyPair pair = TestKeys.pair(algorithm);
		JWSSigner signer = algorithm.keyType().equals("EC") ? new ECDSASigner((ECPrivateKey) pair.getPrivate())
				: new RSASSASigner(pair.getPrivate());
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(TestTokens.PROVIDER)
			.audience("abcd")
			.subject("1234")
			.issueTime(Date.from(NOW))
			.expirationTime(Date.from(EXPIRES))
			.claim("scp", List.of("profile", "read"))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.parse(algorithm.jwsName()))
			.keyID(TestKeys.keyId(algorithm))
			.build(), claims);
		jwt.sign(signer);
		assertVerifies(algorithm, jwt.serialize());
	}

	@ParameterizedTest
	@EnumSource(dev.joat.SignatureAlgorithm.class)
	void parseTokenWhenSignedByJjwtThenVerified(dev.joat.SignatureAlgorithm algorithm) {
		SignatureAlgorithm jjwtAlgorithm = (SignatureAlgorithm) Jwts.SIG.get().get(algorithm.jwsName());
		String token = Jwts.builder()
			.header()
			.keyId(TestKeys.keyId(algorithm))
			.and()
			.issuer(TestTokens.PROVIDER)
			.audience()
			.single("abcd")
			.subject("1234")
			.issuedAt(Date.from(NOW))
			.expiration(Date.from(EXPIRES))
			.claim("scp", List.of("profile", "read"))
			.signWith(TestKeys.pair(algorithm).getPrivate(), jjwtAlgorithm)
			.compact();
		assertVerifies(algorithm, token);
	}

	@ParameterizedTest
	@EnumSource(value = dev.joat.SignatureAlgorithm.class, names = { "RS256", "RS384", "RS512", "ES256", "ES384", "ES512" })
	void parseTokenWhenSignedByAuth0ThenVerified(dev.joat.SignatureAlgorithm algorithm) {
		KeyPair pair = TestKeys.pair(algorithm);
		Algorithm auth0 = switch (algorithm) {
			case RS256 -> Algorithm.RSA256(null, (RSAPrivateKey) pair.getPrivate());
			case RS384 -> Algorithm.RSA384(null, (RSAPrivateKey) pair.getPrivate());
			case RS512 -> Algorithm.RSA512(null, (RSAPrivateKey) pair.getPrivate());
			case ES256 -> Algorithm.ECDSA256(null, (ECPrivateKey) pair.getPrivate());
			case ES384 -> Algorithm.ECDSA384(null, (ECPrivateKey) pair.getPrivate());
			case ES512 -> Algorithm.ECDSA512(null, (ECPrivateKey) pair.getPrivate());
			default -> throw new IllegalArgumentException(algorithm.jwsName());
		};
		String token = JWT.create()
			.withKeyId(TestKeys.keyId(algorithm))
			.withIssuer(TestTokens.PROVIDER)
			.withAudience("abcd")
			.withSubject("1234")
			.withIssuedAt(NOW)
			.withExpiresAt(EXPIRES)
			.withClaim("scp", List.of("profile", "read"))
			.sign(auth0);
		assertVerifies(algorithm, token);
	}

	@ParameterizedTest
	@MethodSource("joseTokens")
	void parseTokenWhenSignedByNodeJoseThenVerified(JsonNode minted) throws GeneralSecurityException {
		dev.joat.SignatureAlgorithm algorithm = dev.joat.SignatureAlgorithm.fromJwsName(minted.get("alg").asString());
		String type = switch (algorithm.keyType()) {
			case "RSA" -> "RSA";
			case "EC" -> "EC";
			default -> "Ed25519";
		};
		String pem = minted.get("publicKey").asString().replaceAll("-----[A-Z ]+-----|\\s", "");
		VerificationKey key = VerificationKey.of(algorithm,
				KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem))))
			.withKeyId(minted.get("kid").asString());
		TokenParser parser = TokenParser.withKeys(KeySet.of(key))
			.issuer(TestTokens.PROVIDER)
			.audience("abcd")
			.clock(TestTokens.CLOCK)
			.build();
		assertVerifies(parser, minted.get("token").asString());
	}

	static List<Arguments> joseTokens() throws IOException {
		JsonNode root;
		try (InputStream in = InteropTests.class.getResourceAsStream("/interop/jose-tokens.json")) {
			root = JsonMapper.builder().build().readTree(in);
		}
		List<Arguments> tokens = new ArrayList<>();
		root.get("tokens").forEach((minted) -> tokens.add(Arguments.of(Named.of(minted.get("alg").asString(), minted))));
		assertThat(tokens).hasSize(6);
		return tokens;
	}

}
