package dev.joat;

/**
 * The claim layout a {@link TokenGenerator} issues. {@link TokenParser} reads both.
 */
public enum TokenProfile {

	/**
	 * PyJOAT's layout, the default: {@code typ: JWT}; {@code aud} is the client id, {@code scp} the
	 * scope as a JSON array; a {@code jti} always (random, 128 bits, unless given: PyJOAT wrote it only
	 * when given, and its parser accepts it either way).
	 */
	PYJOAT,

	/**
	 * The JWT access-token profile of RFC 9068: {@code typ: at+jwt}; {@code aud} is the resource
	 * server (the generator's configured audience), {@code client_id} the client, {@code scope} a
	 * space-delimited string, and a {@code jti} always (random, 128 bits, unless given).
	 */
	RFC_9068

}
