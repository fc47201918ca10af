package dev.joat.interop.issuer;

import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

/**
 * The issuer's signing key, one at a time, which a test replaces to rotate: the issuer then signs
 * with, and publishes, only the new key.
 */
public final class RotatingKeys {

	private volatile JWKSet current = new JWKSet(newKey());

	/**
	 * The key set the issuer signs with and publishes now.
	 * @return the current set, with one private RSA key
	 */
	public JWKSet current() {
		return this.current;
	}

	/**
	 * The key id of the current key.
	 * @return the {@code kid}
	 */
	public String currentKeyId() {
		return this.current.getKeys().get(0).getKeyID();
	}

	/**
	 * Replaces the key by a new one with a new key id.
	 * @return the new key id
	 */
	public String rotate() {
		this.current = new JWKSet(newKey());
		return currentKeyId();
	}

	private static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
