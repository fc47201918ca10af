package dev.joat;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.joat.InvalidTokenException.Reason;

/**
 * Several secrets by key id ({@code kid}), for rotating the signing secret without downtime.
 *
 * <pre>{@code
 * SecretRing ring = SecretRing.builder()
 *     .secret("2026-01", HmacAlgorithm.HS256, oldSecret)
 *     .secret("2026-07", HmacAlgorithm.HS256, newSecret)
 *     .signingKeyId("2026-07")
 *     .build();
 * TokenGenerator generator = TokenGenerator.builder("My OAuth2 Provider", ring).build(); // signs with 2026-07
 * TokenParser parser = TokenParser.builder(ring).build();                              // accepts both
 * }</pre>
 *
 * <p>As a {@link SecretResolver}, the ring picks the secret named by the token header's
 * {@code kid}, which it treats as opaque data: a key in a map, never a path or a query. A token
 * whose {@code kid} names no secret of the ring is refused as
 * {@link InvalidTokenException.Reason#UNKNOWN_KEY}; one whose {@code alg} is not the algorithm
 * its secret is bound to, as {@link InvalidTokenException.Reason#UNSUPPORTED_ALGORITHM}. Tokens
 * without a {@code kid} (all of PyJOAT's) are refused too, unless a
 * {@linkplain Builder#defaultKeyId(String) default key} is named for them.
 *
 * <p>Rotation: add the new secret; then make it the signing key; remove the old secret once the
 * longest token lifetime has passed since the switch. Immutable and thread-safe.
 */
public final class SecretRing implements SecretResolver {

	private final Map<String, Entry> secrets;

	private final String signingKeyId;

	private final String defaultKeyId;

	private SecretRing(Builder builder) {
		this.secrets = Collections.unmodifiableMap(new LinkedHashMap<>(builder.secrets));
		this.signingKeyId = builder.signingKeyId;
		this.defaultKeyId = builder.defaultKeyId;
	}

	/**
	 * Starts an empty ring.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The key id the generator writes and signs with.
	 * @return the signing key id
	 */
	public String signingKeyId() {
		return this.signingKeyId;
	}

	/**
	 * The algorithm the signing secret is bound to.
	 * @return the signing algorithm
	 */
	HmacAlgorithm signingAlgorithm() {
		return this.secrets.get(this.signingKeyId).algorithm();
	}

	/**
	 * The key ids of the ring, in the order their secrets were added: what operators may see of
	 * it (the secrets themselves are never exposed).
	 * @return the key ids, read-only
	 */
	public Set<String> keyIds() {
		return this.secrets.keySet();
	}

	/**
	 * The algorithm the secret of {@code keyId} is bound to.
	 * @param keyId a key id of the ring
	 * @return the algorithm
	 * @throws IllegalArgumentException when the ring holds no such key id
	 */
	public HmacAlgorithm algorithm(String keyId) {
		Entry entry = this.secrets.get(keyId);
		if (entry == null) {
			throw new IllegalArgumentException("keyId is not in the ring");
		}
		return entry.algorithm();
	}

	/**
	 * The algorithms the ring's secrets are bound to: what a parser of this ring must allow.
	 * @return the algorithms, in the order their first secret was added
	 */
	HmacAlgorithm[] algorithms() {
		return this.secrets.values().stream().map(Entry::algorithm).distinct().toArray(HmacAlgorithm[]::new);
	}

	@Override
	public byte[] resolveSecret(Map<String, Object> header, Map<String, Object> claims) {
		Object kid = header.get("kid");
		String keyId = (kid instanceof String) ? (String) kid : this.defaultKeyId;
		if (keyId == null) {
			throw new InvalidTokenException(Reason.UNKNOWN_KEY, "Unknown key: the token names no \"kid\"");
		}
		Entry entry = this.secrets.get(keyId);
		if (entry == null) {
			throw new InvalidTokenException(Reason.UNKNOWN_KEY, "Unknown key: the token's \"kid\" names no key of this server");
		}
		if (!entry.algorithm().jwsName().equals(header.get("alg"))) {
			throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM,
					"Unsupported algorithm: the token's key is bound to " + entry.algorithm().jwsName());
		}
		return entry.secret().clone();
	}

	@Override
	public String toString() {
		return "SecretRing[keyIds=" + this.secrets.keySet() + ", signingKeyId=" + this.signingKeyId + "]";
	}

	private record Entry(HmacAlgorithm algorithm, byte[] secret) {
	}

	/** Builds a {@link SecretRing}. Not thread-safe. */
	public static final class Builder {

		private final Map<String, Entry> secrets = new LinkedHashMap<>();

		private String signingKeyId;

		private String defaultKeyId;

		private Builder() {
		}

		/**
		 * Adds a secret under {@code keyId}, bound to {@code algorithm}.
		 * @param keyId the {@code kid}; unique in the ring
		 * @param algorithm the only algorithm tokens of this key may use
		 * @param secret at least {@link HmacAlgorithm#minimumSecretLength()} bytes; copied
		 * @return this builder
		 */
		public Builder secret(String keyId, HmacAlgorithm algorithm, byte[] secret) {
			if (keyId == null || keyId.isEmpty()) {
				throw new IllegalArgumentException("keyId cannot be null or empty");
			}
			Objects.requireNonNull(algorithm, "algorithm cannot be null");
			Objects.requireNonNull(secret, "secret cannot be null");
			if (secret.length < algorithm.minimumSecretLength()) {
				throw new IllegalArgumentException("secret of key \"" + keyId + "\" is shorter than the "
						+ algorithm.minimumSecretLength() + " bytes RFC 7518 §3.2 requires for " + algorithm.jwsName());
			}
			if (this.secrets.containsKey(keyId)) {
				throw new IllegalArgumentException("keyId \"" + keyId + "\" is already in the ring");
			}
			this.secrets.put(keyId, new Entry(algorithm, secret.clone()));
			return this;
		}

		/**
		 * The key the generator signs with; by default the one added first.
		 * @param keyId a key id of the ring
		 * @return this builder
		 */
		public Builder signingKeyId(String keyId) {
			this.signingKeyId = keyId;
			return this;
		}

		/**
		 * The key that verifies tokens without a {@code kid}, such as PyJOAT's; by default such
		 * tokens are refused.
		 * @param keyId a key id of the ring
		 * @return this builder
		 */
		public Builder defaultKeyId(String keyId) {
			this.defaultKeyId = keyId;
			return this;
		}

		/**
		 * Builds the ring.
		 * @return an immutable, thread-safe ring
		 * @throws IllegalArgumentException when the ring is empty or names a key it does not hold
		 */
		public SecretRing build() {
			if (this.secrets.isEmpty()) {
				throw new IllegalArgumentException("a SecretRing needs at least one secret");
			}
			if (this.signingKeyId == null) {
				this.signingKeyId = this.secrets.keySet().iterator().next();
			}
			if (!this.secrets.containsKey(this.signingKeyId)) {
				throw new IllegalArgumentException("signingKeyId \"" + this.signingKeyId + "\" is not in the ring");
			}
			if (this.defaultKeyId != null && !this.secrets.containsKey(this.defaultKeyId)) {
				throw new IllegalArgumentException("defaultKeyId \"" + this.defaultKeyId + "\" is not in the ring");
			}
			return new SecretRing(this);
		}

	}

}
