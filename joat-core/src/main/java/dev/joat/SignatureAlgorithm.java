package dev.joat;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;

import org.jspecify.annotations.Nullable;

/**
 * The asymmetric JWS algorithms of RFC 7518 §3.3–3.5 and RFC 8037 that joat verifies with public
 * keys, using only the JDK's own providers.
 *
 * <p>Each algorithm names the key type it needs ({@code kty} of RFC 7517), and for ECDSA and EdDSA
 * the curve. A {@link VerificationKey} is bound to exactly one algorithm (RFC 8725 §3.1): a token
 * whose {@code alg} is not its key's algorithm is refused. HMAC algorithms are
 * {@link HmacAlgorithm}s and never take a public key; {@code none} is absent on purpose.
 */
public enum SignatureAlgorithm {

	/** RSASSA-PKCS1-v1_5 using SHA-256; RSA keys of at least 2,048 bits. */
	RS256("RSA", null, 0),

	/** RSASSA-PKCS1-v1_5 using SHA-384; RSA keys of at least 2,048 bits. */
	RS384("RSA", null, 0),

	/** RSASSA-PKCS1-v1_5 using SHA-512; RSA keys of at least 2,048 bits. */
	RS512("RSA", null, 0),

	/** RSASSA-PSS using SHA-256 and MGF1 with SHA-256; RSA keys of at least 2,048 bits. */
	PS256("RSA", null, 0),

	/** RSASSA-PSS using SHA-384 and MGF1 with SHA-384; RSA keys of at least 2,048 bits. */
	PS384("RSA", null, 0),

	/** RSASSA-PSS using SHA-512 and MGF1 with SHA-512; RSA keys of at least 2,048 bits. */
	PS512("RSA", null, 0),

	/** ECDSA using P-256 and SHA-256; signatures of exactly 64 bytes ({@code r || s}). */
	ES256("EC", "P-256", 64),

	/** ECDSA using P-384 and SHA-384; signatures of exactly 96 bytes ({@code r || s}). */
	ES384("EC", "P-384", 96),

	/** ECDSA using P-521 and SHA-512; signatures of exactly 132 bytes ({@code r || s}). */
	ES512("EC", "P-521", 132),

	/** EdDSA (RFC 8037) with Ed25519 keys; signatures of exactly 64 bytes. */
	EdDSA("OKP", "Ed25519", 64);

	/** The smallest RSA modulus accepted, in bits (RFC 7518 §3.3, RFC 8725 §3.5). */
	public static final int MINIMUM_RSA_KEY_SIZE = 2048;

	private final String keyType;

	private final @Nullable String curve;

	private final int signatureLength;

	SignatureAlgorithm(String keyType, @Nullable String curve, int signatureLength) {
		this.keyType = keyType;
		this.curve = curve;
		this.signatureLength = signatureLength;
	}

	/**
	 * The JWS {@code alg} header value, e.g. {@code "ES256"}.
	 * @return the algorithm's JWS name
	 */
	public String jwsName() {
		return name();
	}

	/**
	 * The JWK key type this algorithm needs: {@code "RSA"}, {@code "EC"} or {@code "OKP"}.
	 * @return the RFC 7517 {@code kty}
	 */
	public String keyType() {
		return this.keyType;
	}

	/**
	 * The JWK curve this algorithm needs ({@code "P-256"}, {@code "P-384"}, {@code "P-521"},
	 * {@code "Ed25519"}), or {@code null} for RSA.
	 * @return the RFC 7518 / RFC 8037 {@code crv}, or {@code null}
	 */
	public @Nullable String curve() {
		return this.curve;
	}

	/**
	 * The exact signature length in bytes for ECDSA and EdDSA, or {@code 0} for RSA, whose
	 * signature is as long as the key's modulus.
	 * @return the fixed signature length, or 0
	 */
	public int signatureLength() {
		return this.signatureLength;
	}

	/**
	 * The algorithm whose JWS name is exactly {@code jwsName} (case-sensitive, RFC 7515 §4.1.1), or
	 * {@code null} when there is none.
	 * @param jwsName a JWS {@code alg} value
	 * @return the matching algorithm, or {@code null}
	 */
	public static @Nullable SignatureAlgorithm fromJwsName(@Nullable String jwsName) {
		if (jwsName == null) {
			return null;
		}
		for (SignatureAlgorithm algorithm : values()) {
			if (algorithm.name().equals(jwsName)) {
				return algorithm;
			}
		}
		return null;
	}

	/**
	 * A new, unkeyed JDK {@link Signature} that computes this algorithm as JWS defines it: the one
	 * place that maps an algorithm to the JDK, for signing and verifying alike. ECDSA in
	 * {@code P1363} format (the raw {@code r || s} of RFC 7518 §3.4, not DER); RSASSA-PSS with
	 * RFC 7518 §3.5's parameters (MGF1 with the same hash, a salt as long as the hash).
	 */
	Signature newSignature() throws GeneralSecurityException {
		return switch (this) {
			case RS256 -> Signature.getInstance("SHA256withRSA");
			case RS384 -> Signature.getInstance("SHA384withRSA");
			case RS512 -> Signature.getInstance("SHA512withRSA");
			case PS256 -> pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
			case PS384 -> pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
			case PS512 -> pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
			case ES256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
			case ES384 -> Signature.getInstance("SHA384withECDSAinP1363Format");
			case ES512 -> Signature.getInstance("SHA512withECDSAinP1363Format");
			case EdDSA -> Signature.getInstance("Ed25519");
		};
	}

	private static Signature pss(String hash, MGF1ParameterSpec mgf1, int saltLength) throws GeneralSecurityException {
		Signature signature = Signature.getInstance("RSASSA-PSS");
		signature.setParameter(new PSSParameterSpec(hash, "MGF1", mgf1, saltLength, PSSParameterSpec.TRAILER_FIELD_BC));
		return signature;
	}

}
