package dev.joat;

/**
 * Told the outcome of every verification of a {@link TokenParser}, for metrics: the hook the Spring
 * Boot starter binds to Micrometer, while joat-core stays free of any metrics library.
 *
 * <p>Every value passed is bounded and none is chosen by the client: the {@code keyId} is a key id
 * of the parser's {@link SecretRing} (the ring's own string), {@link #UNKNOWN_KEY_ID} when the
 * token names a {@code kid} the ring does not hold (or the parser's resolver is not a ring), or
 * {@link #NO_KEY_ID} when the token names none or was refused before its header was read. For a
 * parser {@link TokenParser#withKeys(KeySource) with public keys}, it is the key id of the
 * {@link VerificationKey} chosen for the token (the key set's own string; {@link #NO_KEY_ID} for a
 * key without one), and before a key is chosen, or when several were tried, one of the two
 * constants as above. The token, its claims and the client's identity are never passed.
 *
 * <p>Implementations are called on the verifying thread, once per verification, after the outcome
 * is known: they must be thread-safe and fast, and should not throw (what they throw reaches the
 * caller of the parser). Both methods do nothing by default. A parser without a listener calls
 * nothing.
 */
public interface TokenVerificationListener {

	/** The key id passed when the token names a {@code kid} the parser's ring does not hold. */
	String UNKNOWN_KEY_ID = "unknown";

	/** The key id passed when the token names no {@code kid}, or was refused before its header was read. */
	String NO_KEY_ID = "none";

	/**
	 * A token passed every check of the parser.
	 * @param keyId the ring's key id that verified it, {@link #UNKNOWN_KEY_ID} or {@link #NO_KEY_ID}
	 */
	default void tokenAccepted(String keyId) {
	}

	/**
	 * A token was refused.
	 * @param reason the rule it broke
	 * @param keyId the ring's key id it names, {@link #UNKNOWN_KEY_ID} or {@link #NO_KEY_ID}
	 */
	default void tokenRefused(InvalidTokenException.Reason reason, String keyId) {
	}

}
