package dev.joat;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SigningKeyTests {

	@ParameterizedTest
	@EnumSource(SignatureAlgorithm.class)
	void generateWhenAnyAlgorithmThenTokensVerifyWithItsPublicHalf(SignatureAlgorithm algorithm) {
		SigningKey key = TestSigningKeys.key(algorithm);
		String token = TokenGenerator.builder(TestTokens.PROVIDER, key).build().issueToken("abcd", List.of("read"));

		assertThat(key.algorithm()).isEqualTo(algorithm);
		assertThat(key.verificationKey().algorithm()).isEqualTo(algorithm);
		assertThat(TestSigningKeys.verifiesWithJdk(token, key.verificationKey())).isTrue();
		assertThat(TestSigningKeys.verifiesWithJdk(token,
				SigningKey.generate(algorithm).verificationKey())).isFalse();
	}

	@Test
	void ofWhenHalvesDoNotBelongTogetherThenRefused() throws Exception {
		KeyPair one = ec("secp256r1");
		KeyPair other = ec("secp256r1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKey.of(SignatureAlgorithm.ES256, one.getPrivate(), other.getPublic()))
			.withMessage("The private and public keys of this ES256 key do not belong together");
	}

	@Test
	void ofWhenPrivateKeyIsOnAnotherCurveThenRefused() throws Exception {
		KeyPair p256 = ec("secp256r1");
		KeyPair p384 = ec("secp384r1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKey.of(SignatureAlgorithm.ES256, p384.getPrivate(), p256.getPublic()))
			.withMessage("An EC key for ES256 must be on P-256; this private key is on another curve");
		assertThatIllegalArgumentException().isThrownBy(() -> SigningKey.of(SignatureAlgorithm.ES256, p384))
			.withMessageContaining("P-256");
	}

	@Test
	void ofWhenKeyTypeDoesNotSuitAlgorithmThenRefused() throws Exception {
		KeyPair ec = ec("secp256r1");
		KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		assertThatIllegalArgumentException().isThrownBy(() -> SigningKey.of(SignatureAlgorithm.RS256, ec))
			.withMessage("RS256 needs a RSA public key, not a EC key");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKey.of(SignatureAlgorithm.EdDSA, ec.getPrivate(), ed.getPublic()))
			.withMessage("EdDSA needs a OKP private key, not a EC key");
	}

	@Test
	void ofWhenRsaKeyIsShorterThan2048BitsThenRefused() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		KeyPair weak = generator.generateKeyPair();
		assertThatIllegalArgumentException().isThrownBy(() -> SigningKey.of(SignatureAlgorithm.PS256, weak))
			.withMessage("An RSA key for PS256 must have at least 2048 bits; this one has 1024");
	}

	@Test
	void ofWhenPrivateKeyIsMissingThenRefused() throws Exception {
		KeyPair pair = ec("secp256r1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKey.of(SignatureAlgorithm.ES256, null, pair.getPublic()))
			.withMessage("A signing key for ES256 needs its private key");
	}

	@Test
	void fromPemWhenPrivateAndPublicKeyBlocksThenTheKeyPair() throws Exception {
		KeyPair pair = ec("secp256r1");
		String pem = TestSigningKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded())
				+ TestSigningKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded());

		SigningKey key = SigningKey.fromPem(SignatureAlgorithm.ES256, pem);

		assertThat(key.thumbprint()).isEqualTo(VerificationKey.of(SignatureAlgorithm.ES256, pair.getPublic()).thumbprint());
		assertThat(key.keyId()).isNull();
	}

	@Test
	void fromPemWhenRsaPrivateKeyAloneThenPublicKeyDerivedFromItsCrtParameters() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		assertThat(pair.getPrivate()).isInstanceOf(RSAPrivateCrtKey.class);

		SigningKey key = SigningKey.fromPem(SignatureAlgorithm.RS256,
				TestSigningKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

		assertThat(key.verificationKey().publicKey()).isEqualTo(pair.getPublic());
	}

	@Test
	void fromPemWhenEd25519PrivateKeyAloneThenPublicKeyDerivedFromItsBytes() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

		SigningKey key = SigningKey.fromPem(SignatureAlgorithm.EdDSA,
				"key of the test run\n" + TestSigningKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

		assertThat(key.thumbprint()).isEqualTo(VerificationKey.of(SignatureAlgorithm.EdDSA, pair.getPublic()).thumbprint());
		assertThat(key.verificationKey().publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
	}

	@Test
	void fromPemWhenEcPrivateKeyAloneThenRefusedAskingForThePublicKeyBlock() throws Exception {
		KeyPair pair = ec("secp256r1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKey.fromPem(SignatureAlgorithm.ES256,
					TestSigningKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded())))
			.withMessage("The PEM text holds no PUBLIC KEY block, and the JDK cannot derive the public key of this EC"
					+ " private key: add the PUBLIC KEY block (openssl pkey -pubout)");
	}

	@Test
	void fromPemWhenOnlyAPublicKeyThenRefusedAsMissingItsPrivatePart() throws Exception {
		KeyPair pair = ec("secp256r1");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKey.fromPem(SignatureAlgorithm.ES256,
					TestSigningKeys.pem("PUBLIC KEY", pair.getPublic().getEncoded())))
			.withMessage("The PEM text holds no PRIVATE KEY block: a signing key for ES256 needs its private key"
					+ " (PKCS #8)");
	}

	@Test
	void fromPemWhenTraditionalRsaPrivateKeyThenRefusedWithTheConversionCommand() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKey.fromPem(SignatureAlgorithm.RS256,
					TestSigningKeys.pem("RSA PRIVATE KEY", new byte[] { 48, 0 })))
			.withMessage("The PEM block RSA PRIVATE KEY is not PKCS #8: convert it with openssl pkcs8 -topk8 -nocrypt");
	}

	@Test
	void fromPemWhenKeyTypeDoesNotSuitAlgorithmThenRefusedWithoutQuotingTheKey() throws Exception {
		KeyPair pair = KeyPairGenerator.getInstance("RSA").generateKeyPair();
		String pem = TestSigningKeys.pem("PRIVATE KEY", pair.getPrivate().getEncoded());
		assertThatIllegalArgumentException().isThrownBy(() -> SigningKey.fromPem(SignatureAlgorithm.ES256, pem))
			.withMessage("The PRIVATE KEY block is not a PKCS #8 EC private key, which ES256 needs (P-256)");
	}

	@Test
	void fromPemWhenBodyIsNotBase64ThenRefusedWithoutQuotingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKey.fromPem(SignatureAlgorithm.EdDSA,
					"-----BEGIN PRIVATE KEY-----\nsecret!material\n-----END PRIVATE KEY-----\n"))
			.withMessage("The PEM block PRIVATE KEY is not valid base64");
	}

	@Test
	void withKeyIdWhenSetThenVerificationKeyCarriesTheSameId() {
		SigningKey key = SigningKey.generate(SignatureAlgorithm.EdDSA).withKeyId("2026-12");
		assertThat(key.keyId()).isEqualTo("2026-12");
		assertThat(key.verificationKey().keyId()).isEqualTo("2026-12");
		assertThatIllegalArgumentException().isThrownBy(() -> key.withKeyId("")).withMessage("keyId cannot be null or empty");
	}

	@ParameterizedTest
	@EnumSource(value = SignatureAlgorithm.class, names = { "ES256", "EdDSA", "RS256" })
	void toStringWhenAnyKeyThenShowsOnlyAlgorithmKeyIdAndPublicThumbprint(SignatureAlgorithm algorithm) throws Exception {
		KeyPair pair = switch (algorithm) {
			case ES256 -> ec("secp256r1");
			case EdDSA -> KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			default -> KeyPairGenerator.getInstance("RSA").generateKeyPair();
		};
		SigningKey key = SigningKey.of(algorithm, pair).withKeyId("k1");

		assertThat(key).hasToString("SigningKey[" + algorithm + ", kid=\"k1\", thumbprint=" + key.thumbprint() + "]");
		assertThat(SigningKeyRing.of(key).toString()).doesNotContain(privateFragments(pair));
		assertThat(key.toString()).doesNotContain(privateFragments(pair));
	}

	/** Pieces of the private key's encoding, in the encodings a leak would use. */
	static String[] privateFragments(KeyPair pair) {
		byte[] encoded = pair.getPrivate().getEncoded();
		byte[] tail = java.util.Arrays.copyOfRange(encoded, encoded.length - 24, encoded.length);
		return new String[] { Base64.getEncoder().encodeToString(tail).substring(0, 24),
				Base64.getUrlEncoder().withoutPadding().encodeToString(tail).substring(0, 24),
				java.util.HexFormat.of().formatHex(tail), pair.getPrivate().toString() };
	}

	private static KeyPair ec(String curve) throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec(curve));
		return generator.generateKeyPair();
	}

}
