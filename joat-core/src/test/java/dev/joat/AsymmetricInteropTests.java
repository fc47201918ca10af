package dev.joat;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens joat signs with private keys verify in other JOSE implementations: Nimbus JOSE+JWT (what
 * Spring Security's {@code NimbusJwtDecoder} runs on) and jjwt, each given only the public key.
 */
class AsymmetricInteropTests {

	@ParameterizedTest
	@EnumSource(value = SignatureAlgorithm.class, names = { "ES256", "ES384", "ES512", "RS256", "PS256", "PS512" })
	void issueTokenWhenVerifiedByNimbusThenSignatureAndClaimsAccepted(SignatureAlgorithm algorithm) throws Exception {
		SigningKey key = TestSigningKeys.key(algorithm);
		String token = TokenGenerator.builder(TestTokens.PROVIDER, key).build()
			.issueToken(TokenRequest.builder("abcd", List.of("read")).userId("1234").build());

		SignedJWT jwt = SignedJWT.parse(token);

		assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo(algorithm.jwsName());
		assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.keyId());
		assertThat(jwt.verify(nimbusVerifier(key.verificationKey()))).isTrue();
		assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo("1234");
		SignedJWT tampered = SignedJWT.parse(token.substring(0, token.indexOf('.') + 1)
				+ SignedJWT.parse(TokenGenerator.builder(TestTokens.PROVIDER, key).build().issueToken("other", List.of()))
					.getPayload().toBase64URL()
				+ token.substring(token.lastIndexOf('.')));
		assertThat(tampered.verify(nimbusVerifier(key.verificationKey()))).isFalse();
	}

	@ParameterizedTest
	@EnumSource(value = SignatureAlgorithm.class, names = { "ES256", "ES384", "ES512", "EdDSA", "RS256", "PS256", "PS512" })
	void issueTokenWhenVerifiedByJjwtThenSignatureAndClaimsAccepted(SignatureAlgorithm algorithm) {
		SigningKey key = TestSigningKeys.key(algorithm);
		String token = TokenGenerator.builder(TestTokens.PROVIDER, key).build()
			.issueToken(TokenRequest.builder("abcd", List.of("read")).userId("1234").build());

		Jws<Claims> jws = Jwts.parser().verifyWith(key.verificationKey().publicKey()).build().parseSignedClaims(token);

		assertThat(jws.getHeader().getAlgorithm()).isEqualTo(algorithm.jwsName());
		assertThat(jws.getHeader().getKeyId()).isEqualTo(key.keyId());
		assertThat(jws.getPayload().getSubject()).isEqualTo("1234");
		assertThat(jws.getPayload().getIssuer()).isEqualTo(TestTokens.PROVIDER);
	}

	/**
	 * Nimbus's verifier for an RSA or EC key. Nimbus verifies Ed25519 only through Google Tink, a
	 * library this build does not take on: jjwt (below) and node's {@code jose} cover EdDSA.
	 */
	static JWSVerifier nimbusVerifier(VerificationKey key) throws Exception {
		return switch (key.algorithm().keyType()) {
			case "RSA" -> new RSASSAVerifier((RSAPublicKey) key.publicKey());
			case "EC" -> new ECDSAVerifier((ECPublicKey) key.publicKey());
			default -> throw new IllegalArgumentException("Nimbus verifies " + key.algorithm() + " only with Tink");
		};
	}

}
