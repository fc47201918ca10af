package dev.joat;

import org.jspecify.annotations.Nullable;

/**
 * Where the public keys that verify asymmetric tokens come from: a fixed {@link KeySet}, or a
 * source that keeps an issuer's JWK Set fresh in the background (the Spring starter's JWK Set
 * client).
 *
 * <p>The {@link TokenParser} calls it for every asymmetric token, on the request path, with the
 * token's unverified {@code kid}. Implementations must therefore:
 * <ul>
 * <li>answer from memory: never do network or disk I/O on the calling thread;</li>
 * <li>never block longer than a bound they document (for example while a refresh provoked by an
 * unknown {@code kid} completes);</li>
 * <li>treat {@code keyId} as untrusted data: at most a map key, and at most one refresh per interval
 * however many unknown key ids arrive;</li>
 * <li>be thread-safe: one source serves every thread.</li>
 * </ul>
 */
@FunctionalInterface
public interface KeySource {

	/**
	 * Returns the keys to verify a token with. The parser then selects by {@code kid} and
	 * algorithm from the returned set; a {@code kid} it does not hold refuses the token
	 * ({@link InvalidTokenException.Reason#UNKNOWN_KEY}) unless the set has keys without a key id
	 * for the token's algorithm (see {@link TokenParser#MAX_KEYS_WITHOUT_KEY_ID}).
	 * @param keyId the token's {@code kid} as sent, unverified, or {@code null} when it has none
	 * @return the current keys, never {@code null}
	 * @throws KeysUnavailableException when no keys are fresh enough to verify with
	 */
	KeySet keys(@Nullable String keyId);

}
