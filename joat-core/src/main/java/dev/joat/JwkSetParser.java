package dev.joat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A strict parser of JWK Sets (RFC 7517 §5) into a {@link KeySet} of public verification keys:
 * RSA (RFC 7518 §6.3), EC on P-256, P-384 and P-521 (RFC 7518 §6.2) and Ed25519 (RFC 8037).
 *
 * <pre>{@code
 * JwkSetParser parser = JwkSetParser.builder().algorithms(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256).build();
 * JwkSetParser.Result result = parser.parse(body);
 * KeySet keys = result.keys();          // the usable keys
 * List<String> skipped = result.skipped(); // why the others were left out, safe to log
 * }</pre>
 *
 * <p><b>The document</b> is refused with a {@link JwkSetException} when it is larger than
 * {@linkplain Builder#maxSize(int) the maximum size} (256 KiB by default), is not strict UTF-8 JSON
 * (the token parser's reader: duplicate member names refused), has no {@code keys} array, or holds
 * more than {@linkplain Builder#maxKeys(int) the maximum number of keys} (100 by default).
 *
 * <p><b>A key</b> that cannot be used is skipped, never guessed at, and {@link Result#skipped()}
 * says why, quoting its {@code kid} as a short printable prefix and never key material:
 * <ul>
 * <li>a key with a private member ({@code d}, {@code p}, {@code q}, {@code dp}, {@code dq},
 * {@code qi}, {@code oth}, {@code k}) or of type {@code oct}: a symmetric key from a JWK Set
 * would allow HMAC tokens forged with public data (algorithm confusion, RFC 8725 §2.1), and a
 * published private key would let anyone sign. The other keys of the set stay usable;</li>
 * <li>{@code use} other than {@code sig}, or {@code key_ops} without {@code verify} (or with a
 * duplicate, RFC 7517 §4.3);</li>
 * <li>an {@code alg} that is not one of the {@linkplain Builder#algorithms accepted algorithms},
 * or does not fit the key's type and curve;</li>
 * <li>a key without {@code alg} for whose type no accepted algorithm fits. When several fit (RS256
 * and PS256 both accepted, say), the key is bound to the first accepted one in the configured
 * order: RFC 8725 §3.1 binds a key to one algorithm, and the order is the caller's to set;</li>
 * <li>members of the wrong JSON type or encoding: RSA {@code n} and {@code e} as Base64urlUInt,
 * EC {@code x} and {@code y} of exactly the curve's coordinate length, Ed25519 {@code x} of
 * exactly 32 bytes. A leading zero octet in {@code n} or {@code e} is accepted although RFC 7518
 * §2 asks for the minimum number of octets: it denotes the same number unambiguously, and issuers
 * that encode Java's {@code BigInteger} directly emit it;</li>
 * <li>an RSA key under 2,048 or over 16,384 bits, an exponent that is even, below 3 or longer than
 * 64 bits; an EC point not on its curve; the other checks of {@link VerificationKey};</li>
 * <li>a second key with a {@code kid} already taken by an earlier usable key: RFC 7517 §4.5 allows
 * equal {@code kid}s for alternative keys of different types, but a {@link KeySet} selects by
 * {@code kid}, so the first usable one wins, deterministically.</li>
 * </ul>
 * A key without {@code kid} gets its RFC 7638 thumbprint as key id, so that a token whose
 * {@code kid} is the thumbprint (as some issuers do) selects it. Members this parser does not use
 * ({@code x5c}, {@code x5t}, {@code x5t#S256}, {@code x5u}, anything unknown) are ignored, as RFC 7517
 * §4 asks; the key members are authoritative and no certificate is checked.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JwkSetParser {

	/** The default {@linkplain Builder#maxSize(int) maximum size} of a document: 256 KiB. */
	public static final int DEFAULT_MAX_SIZE = 256 * 1024;

	/** The default {@linkplain Builder#maxKeys(int) maximum number of keys}: 100. */
	public static final int DEFAULT_MAX_KEYS = 100;

	private static final String READER_PREFIX = "Malformed token: the ";

	private final List<SignatureAlgorithm> algorithms;

	private final int maxSize;

	private final int maxKeys;

	private JwkSetParser(Builder builder) {
		this.algorithms = List.copyOf(builder.algorithms);
		this.maxSize = builder.maxSize;
		this.maxKeys = builder.maxKeys;
	}

	/**
	 * A builder with the defaults: RS256 only, at most 256 KiB and 100 keys.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The accepted algorithms, in the configured order.
	 * @return the algorithms, read-only
	 */
	public List<SignatureAlgorithm> algorithms() {
		return this.algorithms;
	}

	/**
	 * The largest document accepted, in bytes.
	 * @return the maximum size
	 */
	public int maxSize() {
		return this.maxSize;
	}

	/**
	 * The most keys a document may hold, usable or not.
	 * @return the maximum number of keys
	 */
	public int maxKeys() {
		return this.maxKeys;
	}

	/**
	 * Parses a JWK Set.
	 * @param json the document's bytes, UTF-8
	 * @return the usable keys, and why the others were skipped
	 * @throws JwkSetException when the document is not a JWK Set within the bounds
	 */
	public Result parse(byte[] json) {
		Objects.requireNonNull(json, "json cannot be null");
		if (json.length > this.maxSize) {
			throw new JwkSetException("The JWK Set has " + json.length + " bytes, more than the " + this.maxSize
					+ " allowed");
		}
		Map<String, Object> document;
		try {
			document = StrictJsonReader.readObject(json, "document");
		}
		catch (InvalidTokenException ex) {
			String message = String.valueOf(ex.getMessage());
			throw new JwkSetException(
					"Not a JWK Set: the " + (message.startsWith(READER_PREFIX) ? message.substring(READER_PREFIX.length()) : message));
		}
		if (!(document.get("keys") instanceof List<?> elements)) {
			throw new JwkSetException("Not a JWK Set: " + (document.containsKey("keys") ? "\"keys\" is not an array"
					: "it has no \"keys\" member"));
		}
		if (elements.size() > this.maxKeys) {
			throw new JwkSetException("The JWK Set has " + elements.size() + " keys, more than the " + this.maxKeys
					+ " allowed");
		}
		List<VerificationKey> keys = new ArrayList<>(elements.size());
		List<String> skipped = new ArrayList<>();
		Set<String> keyIds = new HashSet<>();
		for (int i = 0; i < elements.size(); i++) {
			Object element = elements.get(i);
			if (!(element instanceof Map<?, ?> members)) {
				skipped.add("key " + i + ": is not a JSON object");
				continue;
			}
			String label = label(i, members.get("kid"));
			try {
				VerificationKey key = JwkDecoder.decode(members, this.algorithms);
				String keyId = key.keyId();
				if (keyId == null) {
					keyId = key.thumbprint();
					key = key.withKeyId(keyId);
				}
				if (!keyIds.add(keyId)) {
					skipped.add(label + ": the kid " + Printable.prefix(keyId) + " is taken by an earlier key");
					continue;
				}
				keys.add(key);
			}
			catch (JwkDecoder.UnusableKeyException | IllegalArgumentException ex) {
				skipped.add(label + ": " + ex.getMessage());
			}
		}
		return new Result(KeySet.of(keys), List.copyOf(skipped));
	}

	private static String label(int index, Object keyId) {
		return "key " + index + ((keyId instanceof String kid) ? " (kid " + Printable.prefix(kid) + ")" : "");
	}

	/**
	 * What a JWK Set held.
	 * @param keys the usable keys, each with a key id (its own, or its thumbprint)
	 * @param skipped one short reason per key left out, in document order, such as
	 * {@code key 2 (kid "enc-1"): use is "enc", not "sig"}; public data only, safe to log
	 */
	public record Result(KeySet keys, List<String> skipped) {

		/**
		 * Creates a result.
		 * @param keys the usable keys
		 * @param skipped why the others were left out
		 */
		public Result {
			Objects.requireNonNull(keys, "keys cannot be null");
			skipped = List.copyOf(skipped);
		}

	}

	/**
	 * Configures a {@link JwkSetParser}. Not thread-safe; the parser it builds is.
	 */
	public static final class Builder {

		private List<SignatureAlgorithm> algorithms = List.of(SignatureAlgorithm.RS256);

		private int maxSize = DEFAULT_MAX_SIZE;

		private int maxKeys = DEFAULT_MAX_KEYS;

		private Builder() {
		}

		/**
		 * The algorithms keys may be bound to, in order of preference for keys without {@code alg}
		 * (Boot's {@code jws-algorithms}); RS256 only by default.
		 * @param algorithms one or more distinct algorithms
		 * @return this builder
		 */
		public Builder algorithms(SignatureAlgorithm... algorithms) {
			Objects.requireNonNull(algorithms, "algorithms cannot be null");
			return algorithms(Arrays.asList(algorithms));
		}

		/**
		 * The algorithms keys may be bound to, in order of preference for keys without {@code alg}.
		 * @param algorithms one or more distinct algorithms
		 * @return this builder
		 */
		public Builder algorithms(List<SignatureAlgorithm> algorithms) {
			Objects.requireNonNull(algorithms, "algorithms cannot be null");
			if (algorithms.isEmpty()) {
				throw new IllegalArgumentException("algorithms cannot be empty");
			}
			if (new LinkedHashSet<>(algorithms).size() != algorithms.size()) {
				throw new IllegalArgumentException("algorithms must be distinct");
			}
			this.algorithms = List.copyOf(algorithms);
			return this;
		}

		/**
		 * The largest document accepted, in bytes; 256 KiB by default.
		 * @param maxSize a positive number of bytes
		 * @return this builder
		 */
		public Builder maxSize(int maxSize) {
			if (maxSize <= 0) {
				throw new IllegalArgumentException("maxSize must be positive");
			}
			this.maxSize = maxSize;
			return this;
		}

		/**
		 * The most keys a document may hold, usable or not; 100 by default. A document with more is
		 * refused whole rather than cut, so that which keys are kept never depends on their order.
		 * @param maxKeys a positive number
		 * @return this builder
		 */
		public Builder maxKeys(int maxKeys) {
			if (maxKeys <= 0) {
				throw new IllegalArgumentException("maxKeys must be positive");
			}
			this.maxKeys = maxKeys;
			return this;
		}

		/**
		 * Builds the parser.
		 * @return a parser with this configuration
		 */
		public JwkSetParser build() {
			return new JwkSetParser(this);
		}

	}

}
