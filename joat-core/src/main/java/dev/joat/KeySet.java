package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An immutable set of {@link VerificationKey}s, each bound to one algorithm, with distinct key ids:
 * a fixed set of public keys, or one snapshot of an issuer's JWK Set.
 *
 * <p>A set is its own {@link KeySource}: it answers every call with itself, from memory.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class KeySet implements KeySource {

	private static final KeySet EMPTY = new KeySet(List.of());

	private final List<VerificationKey> keys;

	private final Map<String, VerificationKey> byKeyId;

	private final Map<SignatureAlgorithm, List<VerificationKey>> byAlgorithm;

	private KeySet(List<VerificationKey> keys) {
		this.keys = List.copyOf(keys);
		Map<String, VerificationKey> keyIds = new HashMap<>();
		Map<SignatureAlgorithm, List<VerificationKey>> algorithms = new EnumMap<>(SignatureAlgorithm.class);
		for (VerificationKey key : this.keys) {
			String keyId = key.keyId();
			if (keyId != null && keyIds.putIfAbsent(keyId, key) != null) {
				throw new IllegalArgumentException("Two keys have the key id " + Printable.prefix(keyId)
						+ "; key ids must be distinct within a set");
			}
			algorithms.computeIfAbsent(key.algorithm(), (algorithm) -> new ArrayList<>()).add(key);
		}
		this.byKeyId = Map.copyOf(keyIds);
		Map<SignatureAlgorithm, List<VerificationKey>> frozen = new EnumMap<>(SignatureAlgorithm.class);
		algorithms.forEach((algorithm, list) -> frozen.put(algorithm, List.copyOf(list)));
		this.byAlgorithm = Collections.unmodifiableMap(frozen);
	}

	/**
	 * The set of {@code keys}.
	 * @param keys keys with distinct key ids (keys without one may be several)
	 * @return the set
	 * @throws IllegalArgumentException when two keys share a key id
	 */
	public static KeySet of(VerificationKey... keys) {
		Objects.requireNonNull(keys, "keys cannot be null");
		return of(List.of(keys));
	}

	/**
	 * The set of {@code keys}.
	 * @param keys keys with distinct key ids (keys without one may be several)
	 * @return the set
	 * @throws IllegalArgumentException when two keys share a key id
	 */
	public static KeySet of(List<VerificationKey> keys) {
		Objects.requireNonNull(keys, "keys cannot be null");
		return keys.isEmpty() ? EMPTY : new KeySet(keys);
	}

	/**
	 * The empty set: it verifies nothing.
	 * @return the empty set
	 */
	public static KeySet empty() {
		return EMPTY;
	}

	/**
	 * Every key, in the order given.
	 * @return the keys, read-only
	 */
	public List<VerificationKey> keys() {
		return this.keys;
	}

	/**
	 * The key whose key id is {@code keyId}, whatever its algorithm, or {@code null}.
	 * @param keyId a key id, unverified data from a token is fine
	 * @return the key, or {@code null}
	 */
	public @Nullable VerificationKey find(String keyId) {
		return this.byKeyId.get(keyId);
	}

	/**
	 * The keys bound to {@code algorithm}, in the order given.
	 * @param algorithm an algorithm
	 * @return the keys, read-only, possibly empty
	 */
	public List<VerificationKey> withAlgorithm(SignatureAlgorithm algorithm) {
		return this.byAlgorithm.getOrDefault(algorithm, List.of());
	}

	/**
	 * The algorithms this set's keys are bound to.
	 * @return the algorithms, read-only
	 */
	public Set<SignatureAlgorithm> algorithms() {
		return this.byAlgorithm.isEmpty() ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(this.byAlgorithm.keySet()));
	}

	/**
	 * The number of keys.
	 * @return the size
	 */
	public int size() {
		return this.keys.size();
	}

	/**
	 * This set as an RFC 7517 §5 JWK Set, {@code {"keys":[…]}}, each key written by
	 * {@link VerificationKey#toJwk()} with its public members only: the body of an issuer's
	 * {@code jwks_uri}.
	 * @return the compact JSON object
	 */
	public String toJwkSetJson() {
		List<Object> jwks = new ArrayList<>(this.keys.size());
		for (VerificationKey key : this.keys) {
			jwks.add(key.jwk());
		}
		return new String(JsonObjectWriter.writeJson(Map.of("keys", jwks)), StandardCharsets.UTF_8);
	}

	/** Answers with this set, from memory. */
	@Override
	public KeySet keys(@Nullable String keyId) {
		return this;
	}

	@Override
	public String toString() {
		return "KeySet" + this.keys;
	}

}
