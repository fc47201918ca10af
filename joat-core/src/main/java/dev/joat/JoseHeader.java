package dev.joat;

import java.util.Map;
import java.util.Set;

import dev.joat.InvalidTokenException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * A token's JOSE header, read and checked against what joat accepts (RFC 7515 §4, RFC 8725).
 * Exactly one of {@code algorithm} and {@code signatureAlgorithm} is set: a parser reads headers
 * either for its secrets or for its public keys, never for both.
 *
 * @param fields every header parameter, read-only
 * @param algorithm the HMAC {@code alg}, already checked against the allow-list, or {@code null}
 * @param signatureAlgorithm the asymmetric {@code alg}, already checked against the allow-list, or
 * {@code null}
 * @param type the {@code typ} as written, or {@code null}
 */
record JoseHeader(Map<String, Object> fields, @Nullable HmacAlgorithm algorithm,
		@Nullable SignatureAlgorithm signatureAlgorithm, @Nullable String type) {

	/** A header of an HMAC token. */
	JoseHeader(Map<String, Object> fields, HmacAlgorithm algorithm, @Nullable String type) {
		this(fields, algorithm, null, type);
	}

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
	static JoseHeader read(byte[] json, Set<HmacAlgorithm> allowed, @Nullable TokenType requiredType) {
		Map<String, Object> fields = StrictJsonReader.readObject(json, "header");
		String alg = algOf(fields);
		HmacAlgorithm algorithm = HmacAlgorithm.fromJwsName(alg);
		if (algorithm == null || !allowed.contains(algorithm)) {
			throw unsupported(alg, allowed);
		}
		return new JoseHeader(fields, algorithm, null, checkedType(fields, requiredType));
	}

	/**
	 * As {@link #read(byte[], Set, TokenType)}, for a parser that verifies with public keys: the
	 * {@code alg} must be an asymmetric algorithm in {@code allowed}, so an HMAC {@code alg} (whose
	 * "secret" could be the public key itself) is refused here, before any key is looked at.
	 */
	static JoseHeader readSigned(byte[] json, Set<SignatureAlgorithm> allowed, @Nullable TokenType requiredType) {
		Map<String, Object> fields = StrictJsonReader.readObject(json, "header");
		String alg = algOf(fields);
		SignatureAlgorithm algorithm = SignatureAlgorithm.fromJwsName(alg);
		if (algorithm == null || !allowed.contains(algorithm)) {
			throw unsupported(alg, allowed);
		}
		return new JoseHeader(fields, null, algorithm, checkedType(fields, requiredType));
	}

	private static String algOf(Map<String, Object> fields) {
		Object alg = fields.get("alg");
		if (!(alg instanceof String)) {
			throw new InvalidTokenException(Reason.MALFORMED, "Malformed token: the header has no \"alg\" string");
		}
		return (String) alg;
	}

	private static InvalidTokenException unsupported(String alg, Set<?> allowed) {
		return new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM,
				"Unsupported algorithm " + Printable.prefix(alg) + "; accepted: " + allowed);
	}

	/** Checks {@code crit}, {@code kid} and {@code typ}; the {@code typ} as written, or {@code null}. */
	private static @Nullable String checkedType(Map<String, Object> fields, @Nullable TokenType requiredType) {
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
			return null;
		}
		TokenType type = (typ instanceof String) ? TokenType.fromHeaderValue((String) typ) : null;
		if (requiredType != null && type != requiredType) {
			throw new InvalidTokenException(Reason.WRONG_TYPE,
					"Wrong token type: \"typ\" must be " + requiredType.headerValue());
		}
		if (type == null) {
			throw new InvalidTokenException(Reason.WRONG_TYPE, "Wrong token type: \"typ\" must be JWT or at+jwt");
		}
		return (String) typ;
	}

	/** The {@code kid}, or {@code null}. */
	@Nullable String keyId() {
		return (String) this.fields.get("kid");
	}

}
