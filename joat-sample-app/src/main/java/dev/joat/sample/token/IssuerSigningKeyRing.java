package dev.joat.sample.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import dev.joat.KeySet;
import dev.joat.SigningKeyRing;

/**
 * The private keys the sample signs with in an asymmetric mode, as a core {@link SigningKeyRing}
 * (one signing key, next keys, retired keys), and where they came from. The ring does not change
 * while the sample runs: a rotation step is a configuration change and a restart
 * ({@link SigningKeyRingProperties}). Only what it publishes changes over time, as retired keys
 * pass their instant. Its {@link #toString()} shows states, algorithms, key ids and thumbprints
 * only: public data. Thread-safe.
 *
 * @param ring the keys, each with its {@code kid}
 * @param source where they came from: {@code joat.sample.signing-keys},
 * {@code joat.sample.signing-key.location}, {@code joat.sample.signing-key.keystore} or
 * {@code generated}
 */
record IssuerSigningKeyRing(SigningKeyRing ring, String source) {

	IssuerSigningKeyRing {
		Objects.requireNonNull(ring, "ring cannot be null");
		Objects.requireNonNull(source, "source cannot be null");
	}

	/**
	 * The ring of one signing key, {@code joat.sample.signing-key.*} or generated.
	 * @param key the key with its {@code kid}
	 * @return the ring
	 */
	static IssuerSigningKeyRing of(IssuerSigningKey key) {
		return new IssuerSigningKeyRing(SigningKeyRing.of(key.key()), key.source());
	}

	/**
	 * The public keys to publish at {@code now}: next, current, and retired until their instant.
	 * @param now the current time
	 * @return the keys
	 */
	KeySet publishedKeys(Instant now) {
		return this.ring.publishedKeys(now);
	}

	/**
	 * How long what {@link #publishedKeys(Instant)} answers at {@code now} stays the same: until the
	 * first retired key still published passes its instant, at most {@code limit}. A cache that keeps
	 * the JWK Set that long never serves a retired key after its instant by more than a second.
	 * @param now the current time
	 * @param limit the longest answer
	 * @return zero or positive, in whole seconds, at most {@code limit}
	 */
	Duration unchangedFor(Instant now, Duration limit) {
		Duration unchanged = limit;
		for (String keyId : this.ring.keyIds()) {
			Instant until = this.ring.retiredUntil(keyId);
			if (until != null && !now.isAfter(until)) {
				Duration left = Duration.between(now, until);
				unchanged = (left.compareTo(unchanged) < 0) ? left : unchanged;
			}
		}
		return Duration.ofSeconds(unchanged.toSeconds());
	}

	@Override
	public String toString() {
		return "IssuerSigningKeyRing[" + this.ring + ", source=" + this.source + "]";
	}

}
