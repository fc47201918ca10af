package dev.joat;

import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class VerificationKeyTests {

	@Test
	void ofWhenRsaKeyIsShorterThan2048BitsThenRefused() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> VerificationKey.of(SignatureAlgorithm.RS256, rsa(1024)))
			.withMessageContaining("at least 2048 bits");
	}

	@Test
	void ofWhenEcKeyIsOnAnotherCurveThenRefused() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> VerificationKey.of(SignatureAlgorithm.ES256, ec("secp384r1")))
			.withMessageContaining("P-256");
	}

	@Test
	void ofWhenKeyTypeDoesNotSuitAlgorithmThenRefused() throws Exception {
		assertThatIllegalArgumentException().isThrownBy(() -> VerificationKey.of(SignatureAlgorithm.EdDSA, ec("secp256r1")))
			.withMessageContaining("OKP");
		assertThatIllegalArgumentException().isThrownBy(() -> VerificationKey.of(SignatureAlgorithm.RS256, ed25519()))
			.withMessageContaining("RSA");
	}

	@Test
	void thumbprintWhenRfc7638ExampleKeyThenMatchesTheRfc() throws Exception {
		// RFC 7638 §3.1: the example RSA key and its thumbprint.
		String n = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
		java.math.BigInteger modulus = new java.math.BigInteger(1, java.util.Base64.getUrlDecoder().decode(n));
		PublicKey key = java.security.KeyFactory.getInstance("RSA")
			.generatePublic(new java.security.spec.RSAPublicKeySpec(modulus, java.math.BigInteger.valueOf(65537)));
		assertThat(VerificationKey.of(SignatureAlgorithm.RS256, key).thumbprint())
			.isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
	}

	@Test
	void keysWhenTwoKeysShareAKeyIdThenRefused() throws Exception {
		VerificationKey first = VerificationKey.of(SignatureAlgorithm.ES256, ec("secp256r1")).withKeyId("k");
		VerificationKey second = VerificationKey.of(SignatureAlgorithm.EdDSA, ed25519()).withKeyId("k");
		assertThatIllegalArgumentException().isThrownBy(() -> KeySet.of(first, second)).withMessageContaining("distinct");
		KeySet set = KeySet.of(first, second.withKeyId("other"));
		assertThat(set.find("k")).isSameAs(first);
		assertThat(set.withAlgorithm(SignatureAlgorithm.EdDSA)).hasSize(1);
		assertThat(set.keys("anything")).isSameAs(set);
	}

	private static PublicKey rsa(int bits) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(bits);
		return generator.generateKeyPair().getPublic();
	}

	private static PublicKey ec(String curve) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec(curve));
		return generator.generateKeyPair().getPublic();
	}

	private static PublicKey ed25519() throws Exception {
		return KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPublic();
	}

}
