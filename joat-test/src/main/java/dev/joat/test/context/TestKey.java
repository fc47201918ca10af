package dev.joat.test.context;

import java.security.KeyPair;

import dev.joat.SignatureAlgorithm;
import dev.joat.VerificationKey;

/**
 * The key pair of one test context of an application that verifies with public keys: registered
 * as a singleton by {@link TestSecretContextCustomizer}, read by {@link ApplicationTestTokens}.
 *
 * @param algorithm the algorithm it signs with, the first the application accepts
 * @param keyPair the key pair
 * @param verificationKey the public half, with key id {@code joat-test-<thumbprint prefix>}
 */
record TestKey(SignatureAlgorithm algorithm, KeyPair keyPair, VerificationKey verificationKey) {

	/** The bean name of the test key. */
	static final String BEAN_NAME = "joatTestKey";

	static TestKey generate(SignatureAlgorithm algorithm) {
		KeyPair keyPair = dev.joat.test.JoatTestTokens.generateKeyPair(algorithm);
		VerificationKey key = VerificationKey.of(algorithm, keyPair.getPublic());
		return new TestKey(algorithm, keyPair, key.withKeyId("joat-test-" + key.thumbprint().substring(0, 8)));
	}

	String keyId() {
		return java.util.Objects.requireNonNull(this.verificationKey.keyId());
	}

	@Override
	public String toString() {
		return "TestKey[" + this.verificationKey + "]";
	}

}
