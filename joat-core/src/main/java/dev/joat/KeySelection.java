package dev.joat;

import java.util.ArrayList;
import java.util.List;

import dev.joat.InvalidTokenException.Reason;

/**
 * Which public keys of a {@link KeySet} may verify a token (RFC 7515 §4.1.4, RFC 8725 §3.1): only
 * keys of the set, never one the token names or carries ({@code jwk}, {@code jku}, {@code x5u},
 * {@code x5c} are never read), and only a key bound to the token's {@code alg}.
 */
final class KeySelection {

	private KeySelection() {
	}

	/**
	 * The keys to try, in order, for a token whose header passed the checks:
	 * <ul>
	 * <li>with a {@code kid} the set holds, that key, refused ({@code UNSUPPORTED_ALGORITHM}) when
	 * it is bound to another algorithm than the token's;</li>
	 * <li>with a {@code kid} the set does not hold, its keys without a key id for the token's
	 * algorithm (configured public keys, as Spring's {@code public-key-location} gives them, are
	 * used whatever {@code kid} the issuer writes);</li>
	 * <li>without {@code kid}, every key of the token's algorithm;</li>
	 * </ul>
	 * in the last two cases at most {@value TokenParser#MAX_KEYS_WITHOUT_KEY_ID}, and at least one
	 * ({@code UNKNOWN_KEY} otherwise).
	 */
	static List<VerificationKey> select(KeySet keys, JoseHeader header) {
		SignatureAlgorithm algorithm = header.signatureAlgorithm();
		String keyId = header.keyId();
		List<VerificationKey> candidates = keys.withAlgorithm(algorithm);
		if (keyId != null) {
			VerificationKey key = keys.find(keyId);
			if (key != null) {
				if (key.algorithm() != algorithm) {
					throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM, "Unsupported algorithm: the key named by \"kid\" verifies "
							+ key.algorithm().jwsName() + " only, not " + algorithm.jwsName());
				}
				return List.of(key);
			}
			candidates = withoutKeyId(candidates);
			if (candidates.isEmpty()) {
				throw new InvalidTokenException(Reason.UNKNOWN_KEY, "Unknown key: \"kid\" names no key of this server");
			}
		}
		if (candidates.isEmpty()) {
			throw new InvalidTokenException(Reason.UNKNOWN_KEY,
					"Unknown key: this server has no key for " + algorithm.jwsName());
		}
		if (candidates.size() > TokenParser.MAX_KEYS_WITHOUT_KEY_ID) {
			throw new InvalidTokenException(Reason.UNKNOWN_KEY, "Unknown key: the token has no \"kid\" and this server has "
					+ "more than " + TokenParser.MAX_KEYS_WITHOUT_KEY_ID + " keys for " + algorithm.jwsName());
		}
		return candidates;
	}

	private static List<VerificationKey> withoutKeyId(List<VerificationKey> keys) {
		List<VerificationKey> withoutKeyId = new ArrayList<>(keys.size());
		for (VerificationKey key : keys) {
			if (key.keyId() == null) {
				withoutKeyId.add(key);
			}
		}
		return withoutKeyId;
	}

	/**
	 * The key id a listener is told once {@code candidates} are chosen: the one key's own key id,
	 * or a constant of {@link TokenVerificationListener}; never the token's string.
	 */
	static String listenerKeyId(List<VerificationKey> candidates, JoseHeader header) {
		if (candidates.size() == 1) {
			return listenerKeyId(candidates.get(0));
		}
		return (header.keyId() == null) ? TokenVerificationListener.NO_KEY_ID : TokenVerificationListener.UNKNOWN_KEY_ID;
	}

	/** The key's own key id, or {@link TokenVerificationListener#NO_KEY_ID} for a key without one. */
	static String listenerKeyId(VerificationKey key) {
		String keyId = key.keyId();
		return (keyId != null) ? keyId : TokenVerificationListener.NO_KEY_ID;
	}

}
