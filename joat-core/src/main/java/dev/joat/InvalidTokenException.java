package dev.joat;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by {@link TokenParser#parseToken(String)} for every token it refuses.
 *
 * <p>The {@linkplain #getReason() reason} says which rule the token broke; the
 * {@linkplain #getMessage() message} is safe to show a client: it never contains a secret, never
 * echoes the token and quotes at most a short prefix of any input. When the refusal came from a
 * failing {@link SecretResolver}, the failure (the resolver's exception, or what was wrong with its
 * answer) is kept as the {@linkplain #getCause() cause} for server-side logs only; its message is
 * not copied into this one.
 */
public class InvalidTokenException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Why a token was refused, one value per validation step of the parser. */
	public enum Reason {

		/** Not a compact JWS: wrong segment count, non-canonical base64url, or not a JSON object. */
		MALFORMED,

		/** Longer than the parser's maximum token length. */
		TOO_LARGE,

		/**
		 * The header's {@code alg} is not in the parser's allow-list (or is {@code none}), or is not
		 * the one algorithm that the key or secret named by {@code kid} is bound to (RFC 8725 §3.1:
		 * an RS256 token against an ES256 key, say). A parser verifies either with secrets or with
		 * public keys, never both, so an HMAC {@code alg} never reaches a public key.
		 */
		UNSUPPORTED_ALGORITHM,

		/** The header carries something joat does not understand, such as {@code crit}. */
		UNSUPPORTED_HEADER,

		/** The header's {@code typ} is not an accepted token type. */
		WRONG_TYPE,

		/**
		 * The header's {@code kid} names no secret this server holds (see {@link SecretRing}), or no
		 * public key of the parser's {@link KeySource}; or, for a token without {@code kid}, the
		 * source holds no key of its algorithm, or more than
		 * {@value TokenParser#MAX_KEYS_WITHOUT_KEY_ID} (see there). A key the token names or carries
		 * itself ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) is never used.
		 */
		UNKNOWN_KEY,

		/**
		 * The {@link SecretResolver} gave no usable secret for this token. Without a
		 * {@linkplain #getCause() cause}, it answered no secret ({@code null} or empty): any client
		 * can provoke that by naming a client or key the server does not know. With a cause, the
		 * resolver failed (it threw, or answered a secret too short for the algorithm): a
		 * server-side fault rather than a fault of the token.
		 */
		SECRET_UNAVAILABLE,

		/** The signature does not match the header and payload under the resolved secret or public key. */
		BAD_SIGNATURE,

		/**
		 * An asymmetric signature is not in the only form its algorithm allows, so it is refused
		 * before any verification (RFC 7518 §3.3–3.5, RFC 8037, RFC 8725 §3.4): an ECDSA signature
		 * that is not raw {@code r || s} of exactly twice the curve's length (64, 96 or 132 bytes;
		 * a DER encoding never is), or whose {@code r} or {@code s} is 0 or not below the curve's
		 * order n ("psychic signatures", CVE-2022-21449, refused on every JDK); an EdDSA signature
		 * that is not exactly 64 bytes; an RSA signature not exactly as long as the key's modulus.
		 * Only a forger or a broken signer sends one.
		 */
		MALFORMED_SIGNATURE,

		/** The {@code exp} claim, plus the clock skew, is in the past. */
		EXPIRED,

		/** The {@code nbf} or {@code iat} claim is in the future beyond the clock skew. */
		NOT_YET_VALID,

		/** The {@code iss} claim is not one of the accepted issuers. */
		WRONG_ISSUER,

		/** The {@code aud} claim names none of the accepted audiences. */
		WRONG_AUDIENCE,

		/** A required claim is absent. */
		MISSING_CLAIM,

		/** A claim has the wrong type or an impossible value. */
		INVALID_CLAIM,

		/**
		 * The token is otherwise valid but has been revoked: the parser's {@link dev.joat.revocation.RevocationList}
		 * holds its {@code jti}, or a cut-off for its client or subject after its {@code iat}.
		 */
		REVOKED

	}

	private final Reason reason;

	/**
	 * Creates an exception for a refused token.
	 * @param reason why the token was refused
	 * @param message a client-safe description
	 */
	public InvalidTokenException(Reason reason, String message) {
		this(reason, message, null);
	}

	/**
	 * Creates an exception for a refused token, keeping the failure that caused it.
	 * @param reason why the token was refused
	 * @param message a client-safe description
	 * @param cause the underlying failure, for server-side logs; may be {@code null}
	 */
	public InvalidTokenException(Reason reason, String message, @Nullable Throwable cause) {
		super(Objects.requireNonNull(message, "message cannot be null"), cause);
		this.reason = Objects.requireNonNull(reason, "reason cannot be null");
	}

	/**
	 * Why the token was refused.
	 * @return the reason, never {@code null}
	 */
	public Reason getReason() {
		return this.reason;
	}

}
