package dev.joat;

import java.util.Map;
import java.util.Set;

import dev.joat.InvalidTokenException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * A token's JOSE header, read and checked against what joat accepts (RFC 7515 §4, RFC 8725).
 *
 * @param fields every header parameter, read-only
 * @param algorithm the {@code alg}, already checked against the allow-list
 * @param type the {@code typ} as written, or {@code null}
 */
record JoseHeader(Map<String, Object> fields, HmacAlgorithm algorithm, @Nullable String type) {

	/**
	 * Reads and checks a decoded header: a JSON object without duplicate names, a string {@code alg}
	 * in {@code allowed}, no {@code crit} (joat understands no extensions, RFC 7515 §4.1.11), a
	 * {@code typ} of {@code JWT} or {@code at+jwt} when present, and a string {@code kid} when
	 * present. {@code jku}, {@code x5u}, {@code jwk} and {@code x5c} are left as data: joat never
	 * fetches or trusts a key named by the token.
	 */
	static JoseHeader read(byte[] json, Set<HmacAlgorithm> allowed) {
		return read(json, allowed, null);
	}

	/**
	 * As {@link #read(byte[], Set)}, and when {@code requiredType} is not {@code null}, {@code typ}
	 * must be present and name that type.
	 */
	static JoseHeader read(byte[] json, Set<HmacAlgorithm> allowed, TokenType requiredType) {
		Map<String, Object> fields = StrictJsonReader.readObject(json, "header");
		Object alg = fields.get("alg");
		if (!(alg instanceof String)) {
			throw new InvalidTokenException(Reason.MALFORMED, "Malformed token: the header has no \"alg\" string");
		}
		HmacAlgorithm algorithm = HmacAlgorithm.fromJwsName((String) alg);
		if (algorithm == null || !allowed.contains(algorithm)) {
			throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM,
					"Unsupported algorithm " + Printable.prefix((String) alg) + "; accepted: " + allowed);
		}
		if (fields.containsKey("crit")) {
			throw new InvalidTokenException(Reason.UNSUPPORTED_HEADER,
					"Unsupported header: \"crit\" names extensions this server does not understand");
		}
		Object kid = fields.get("kid");
		if (fields.containsKey("kid") && !(kid instanceof String)) {
			throw new InvalidTokenException(Reason.MALFORMED, "Malformed token: the header's \"kid\" is not a string");
		}
		Object typ = fields.get("typ");
		if (!fields.containsKey("typ") && requiredType == null) {
			return new JoseHeader(fields, algorithm, null);
		}
		TokenType type = (typ instanceof String) ? TokenType.fromHeaderValue((String) typ) : null;
		if (requiredType != null && type != requiredType) {
			throw new InvalidTokenException(Reason.WRONG_TYPE,
					"Wrong token type: \"typ\" must be " + requiredType.headerValue());
		}
		if (type == null) {
			throw new InvalidTokenException(Reason.WRONG_TYPE, "Wrong token type: \"typ\" must be JWT or at+jwt");
		}
		return new JoseHeader(fields, algorithm, (String) typ);
	}

	/** The {@code kid}, or {@code null}. */
	String keyId() {
		return (String) this.fields.get("kid");
	}

}
