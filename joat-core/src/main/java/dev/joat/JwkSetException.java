package dev.joat;

/**
 * Thrown when a document is not a usable JWK Set at all (RFC 7517 §5): it is larger than allowed,
 * not strict JSON, has no {@code keys} array, or holds more keys than allowed. A set that parses but
 * whose keys cannot be used is not refused: {@link JwkSetParser.Result#skipped()} says why each was
 * left out.
 *
 * <p>The message is specific and safe to log: it quotes remote data only as a short printable
 * prefix and never holds key material.
 */
public class JwkSetException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what is wrong with the document, safe to log
	 */
	public JwkSetException(String message) {
		super(message);
	}

}
