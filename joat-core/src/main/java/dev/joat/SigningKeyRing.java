package dev.joat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * An issuer's private keys by key id, one of them signing at a time: key rotation without
 * downtime, in the shape of {@link SecretRing}, for asymmetric keys.
 *
 * <p>Each key is in one {@link State}:
 * <ul>
 * <li>{@link State#NEXT}: published, not yet signing. Resource servers fetch the JWK Set on their
 * own schedule, so a key is published <em>before</em> it signs: add it as next, and promote it once
 * the resource servers' JWK Set caches have had time to refresh (Spring Security's
 * {@code NimbusJwtDecoder} keeps a set for five minutes).</li>
 * <li>{@link State#CURRENT}: signing and published; exactly one.</li>
 * <li>{@link State#RETIRED}: no longer signing, published until an instant, then dropped. That
 * instant is when the last token it signed has expired: the last issue plus the longest token
 * lifetime plus the clock skew resource servers allow.</li>
 * </ul>
 *
 * <pre>{@code
 * SigningKeyRing ring = SigningKeyRing.of(SigningKey.fromPem(ES256, pem2026).withKeyId("2026"));
 * ring = ring.withNext(SigningKey.generate(ES256).withKeyId("2027"));   // published, not signing
 * // … once JWK Set caches have refreshed:
 * Instant now = clock.instant();
 * ring = ring.promote("2027", now.plus(tokenLifetime).plus(clockSkew)); // "2026" retired, still published
 * generator = TokenGenerator.builder(issuer, ring).build();             // signs with "2027"
 * String jwks = ring.publishedKeys(clock.instant()).toJwkSetJson();     // GET /oauth2/jwks
 * }</pre>
 *
 * <p>A ring is an immutable value: each change returns a new ring, which the application swaps in
 * (for example in an {@code AtomicReference}), together with a generator built from it. Every key
 * needs a key id, distinct within the ring, so that a resource server can pick the key a token
 * names. {@link #toString()} shows algorithms, key ids and public thumbprints only. Thread-safe.
 */
public final class SigningKeyRing {

	/** Where a key stands in the rotation. */
	public enum State {

		/** Published, not signing yet. */
		NEXT,

		/** Signing, and published. */
		CURRENT,

		/** No longer signing; published until its {@linkplain SigningKeyRing#retiredUntil(String) instant}. */
		RETIRED

	}

	private final Map<String, Entry> entries;

	private final String currentKeyId;

	private SigningKeyRing(Map<String, Entry> entries) {
		String current = null;
		for (Map.Entry<String, Entry> entry : entries.entrySet()) {
			if (entry.getValue().state() == State.CURRENT) {
				if (current != null) {
					throw new IllegalArgumentException("A SigningKeyRing has exactly one current key, not "
							+ Printable.prefix(current) + " and " + Printable.prefix(entry.getKey()));
				}
				current = entry.getKey();
			}
		}
		if (current == null) {
			throw new IllegalArgumentException("A SigningKeyRing needs a current key, the one that signs");
		}
		this.entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
		this.currentKeyId = current;
	}

	/**
	 * A ring of one key, which signs.
	 * @param current the signing key, with a key id
	 * @return the ring
	 * @throws IllegalArgumentException when the key has no key id
	 */
	public static SigningKeyRing of(SigningKey current) {
		return builder().current(current).build();
	}

	/**
	 * Starts an empty ring, for keys that come from configuration with their states.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The key that signs: the current one.
	 * @return the current key
	 */
	public SigningKey signingKey() {
		return this.entries.get(this.currentKeyId).key();
	}

	/**
	 * The key id of the current key.
	 * @return the signing key id
	 */
	public String signingKeyId() {
		return this.currentKeyId;
	}

	/**
	 * The key ids of the ring, in the order the keys were added, whatever their state.
	 * @return the key ids, read-only
	 */
	public Set<String> keyIds() {
		return this.entries.keySet();
	}

	/**
	 * The state of the key {@code keyId}.
	 * @param keyId a key id of the ring
	 * @return its state
	 * @throws IllegalArgumentException when the ring holds no such key id
	 */
	public State state(String keyId) {
		return entry(keyId).state();
	}

	/**
	 * Until when the retired key {@code keyId} is published, or {@code null} for a key that is not
	 * retired.
	 * @param keyId a key id of the ring
	 * @return the instant, or {@code null}
	 * @throws IllegalArgumentException when the ring holds no such key id
	 */
	public @Nullable Instant retiredUntil(String keyId) {
		return entry(keyId).retiredUntil();
	}

	/**
	 * The public keys to publish at {@code now}, for the issuer's JWK Set: the next keys, the
	 * current key, and the retired keys whose instant has not passed ({@code now} up to and
	 * including it). Private keys are never part of the answer.
	 * @param now the current time
	 * @return the public keys, in the order the keys were added
	 */
	public KeySet publishedKeys(Instant now) {
		Objects.requireNonNull(now, "now cannot be null");
		List<VerificationKey> published = new ArrayList<>(this.entries.size());
		for (Entry entry : this.entries.values()) {
			if (entry.isPublishedAt(now)) {
				published.add(entry.key().verificationKey());
			}
		}
		return KeySet.of(published);
	}

	/**
	 * This ring with {@code next} added as a next key: published from now on, not signing.
	 * @param next a key with a key id not in the ring
	 * @return the new ring
	 * @throws IllegalArgumentException when the key has no key id, or the ring holds its key id
	 */
	public SigningKeyRing withNext(SigningKey next) {
		Map<String, Entry> entries = new LinkedHashMap<>(this.entries);
		put(entries, next, State.NEXT, null);
		return new SigningKeyRing(entries);
	}

	/**
	 * This ring with the next key {@code keyId} signing, and the current key retired until
	 * {@code retiredUntil}. Only a next key can be promoted, so that every key is published before
	 * it signs.
	 * @param keyId the key id of a next key
	 * @param retiredUntil until when the key that signed so far stays published: the time of its
	 * last token plus the longest token lifetime plus the resource servers' clock skew
	 * @return the new ring
	 * @throws IllegalArgumentException when {@code keyId} is not a next key of the ring
	 */
	public SigningKeyRing promote(String keyId, Instant retiredUntil) {
		Objects.requireNonNull(retiredUntil, "retiredUntil cannot be null");
		Entry promoted = entry(keyId);
		if (promoted.state() != State.NEXT) {
			throw new IllegalArgumentException("Only a next key can be promoted, so that it is published before it"
					+ " signs; " + Printable.prefix(keyId) + " is " + promoted.state());
		}
		Map<String, Entry> entries = new LinkedHashMap<>(this.entries);
		Entry current = entries.get(this.currentKeyId);
		entries.put(this.currentKeyId, new Entry(current.key(), State.RETIRED, retiredUntil));
		entries.put(keyId, new Entry(promoted.key(), State.CURRENT, null));
		return new SigningKeyRing(entries);
	}

	/**
	 * This ring without the retired keys whose instant has passed at {@code now}: what the ring
	 * publishes does not change, only what it holds.
	 * @param now the current time
	 * @return the new ring, or this ring when nothing was dropped
	 */
	public SigningKeyRing withoutExpired(Instant now) {
		Objects.requireNonNull(now, "now cannot be null");
		Map<String, Entry> entries = new LinkedHashMap<>(this.entries);
		entries.values().removeIf((entry) -> !entry.isPublishedAt(now));
		return (entries.size() == this.entries.size()) ? this : new SigningKeyRing(entries);
	}

	private Entry entry(String keyId) {
		Objects.requireNonNull(keyId, "keyId cannot be null");
		Entry entry = this.entries.get(keyId);
		if (entry == null) {
			throw new IllegalArgumentException("keyId " + Printable.prefix(keyId) + " is not in the ring");
		}
		return entry;
	}

	private static void put(Map<String, Entry> entries, SigningKey key, State state, @Nullable Instant retiredUntil) {
		Objects.requireNonNull(key, "key cannot be null");
		String keyId = key.keyId();
		if (keyId == null) {
			throw new IllegalArgumentException("A key of a SigningKeyRing needs a key id, so that resource servers"
					+ " can pick it: set one with SigningKey.withKeyId (" + key + ")");
		}
		if (entries.containsKey(keyId)) {
			throw new IllegalArgumentException("keyId " + Printable.prefix(keyId) + " is already in the ring");
		}
		entries.put(keyId, new Entry(key, state, retiredUntil));
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder("SigningKeyRing[");
		boolean first = true;
		for (Entry entry : this.entries.values()) {
			text.append(first ? "" : ", ").append(entry.state()).append('=').append(entry.key());
			if (entry.retiredUntil() != null) {
				text.append(" until ").append(entry.retiredUntil());
			}
			first = false;
		}
		return text.append(']').toString();
	}

	private record Entry(SigningKey key, State state, @Nullable Instant retiredUntil) {

		boolean isPublishedAt(Instant now) {
			return this.retiredUntil == null || !now.isAfter(this.retiredUntil);
		}

	}

	/**
	 * Builds a {@link SigningKeyRing} from keys and their states, as configuration lists them. Not
	 * thread-safe.
	 */
	public static final class Builder {

		private final Map<String, Entry> entries = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Adds the key that signs; a ring has exactly one.
		 * @param key a key with a key id not yet in the ring
		 * @return this builder
		 */
		public Builder current(SigningKey key) {
			put(this.entries, key, State.CURRENT, null);
			return this;
		}

		/**
		 * Adds a key that is published but does not sign yet.
		 * @param key a key with a key id not yet in the ring
		 * @return this builder
		 */
		public Builder next(SigningKey key) {
			put(this.entries, key, State.NEXT, null);
			return this;
		}

		/**
		 * Adds a key that no longer signs, published until {@code until}.
		 * @param key a key with a key id not yet in the ring
		 * @param until when the last token it signed has expired, clock skew included
		 * @return this builder
		 */
		public Builder retired(SigningKey key, Instant until) {
			Objects.requireNonNull(until, "until cannot be null");
			put(this.entries, key, State.RETIRED, until);
			return this;
		}

		/**
		 * Builds the ring.
		 * @return an immutable, thread-safe ring
		 * @throws IllegalArgumentException when the ring has no current key, or more than one
		 */
		public SigningKeyRing build() {
			return new SigningKeyRing(this.entries);
		}

	}

}
