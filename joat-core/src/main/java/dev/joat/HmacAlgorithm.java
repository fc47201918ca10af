package dev.joat;

import org.jspecify.annotations.Nullable;

/**
 * The HMAC algorithms of RFC 7518 §3.2 that joat signs and verifies with.
 *
 * <p>Each algorithm names its JCA {@code Mac} algorithm and the minimum secret length RFC 7518
 * §3.2 requires: a key at least as long as the hash output. Asymmetric algorithms and
 * {@code none} are deliberately absent: joat never accepts them.
 */
public enum HmacAlgorithm {

	/** HMAC using SHA-256; secrets of at least 32 bytes. */
	HS256("HmacSHA256", 32),

	/** HMAC using SHA-384; secrets of at least 48 bytes. */
	HS384("HmacSHA384", 48),

	/** HMAC using SHA-512; secrets of at least 64 bytes. */
	HS512("HmacSHA512", 64);

	private final String jcaName;

	private final int minimumSecretLength;

	HmacAlgorithm(String jcaName, int minimumSecretLength) {
		this.jcaName = jcaName;
		this.minimumSecretLength = minimumSecretLength;
	}

	/**
	 * The JWS {@code alg} header value, e.g. {@code "HS256"}.
	 * @return the algorithm's JWS name
	 */
	public String jwsName() {
		return name();
	}

	/**
	 * The JCA {@link javax.crypto.Mac} algorithm name, e.g. {@code "HmacSHA256"}.
	 * @return the JCA algorithm name
	 */
	public String jcaName() {
		return this.jcaName;
	}

	/**
	 * The minimum secret length in bytes (the hash output size, RFC 7518 §3.2).
	 * @return the minimum number of secret bytes
	 */
	public int minimumSecretLength() {
		return this.minimumSecretLength;
	}

	/**
	 * The algorithm whose JWS name is exactly {@code jwsName} (case-sensitive, as RFC 7515 §4.1.1
	 * requires), or {@code null} when there is none.
	 * @param jwsName a JWS {@code alg} value
	 * @return the matching algorithm, or {@code null}
	 */
	public static @Nullable HmacAlgorithm fromJwsName(String jwsName) {
		if (jwsName == null) {
			return null;
		}
		switch (jwsName) {
			case "HS256":
				return HS256;
			case "HS384":
				return HS384;
			case "HS512":
				return HS512;
			default:
				return null;
		}
	}

}
