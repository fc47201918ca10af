package dev.joat;

import java.util.Map;

/**
 * A {@link SecretResolver} holding one fixed secret. Its {@code toString} never shows the secret.
 */
final class FixedSecret implements SecretResolver {

	private final byte[] secret;

	FixedSecret(byte[] secret) {
		this.secret = secret;
	}

	@Override
	public byte[] resolveSecret(Map<String, Object> header, Map<String, Object> claims) {
		return this.secret.clone();
	}

	/** The secret itself, for the parser, which never modifies it. */
	byte[] secret() {
		return this.secret;
	}

	@Override
	public String toString() {
		return "FixedSecret[" + this.secret.length + " bytes]";
	}

}
