package dev.joat.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A {@link RevocationList} that mirrors a shared store locally and answers only while it can be
 * trusted: the policy of a replicated revocation list, kept apart from how the replica is fed.
 *
 * <p>The component that keeps the replica in step with the shared store (a Redis subscription and
 * periodic resynchronization, for example) writes to the local list it wraps and calls
 * {@link #confirmFresh(Instant)} each time it knows the local list held everything the shared store
 * held at that instant. While the last confirmation is no older than
 * {@link Builder#maxStaleness(Duration) maxStaleness}, {@link #isRevoked} answers from the local
 * list. Beyond it, and before the first confirmation, the replica fails closed by default: it throws
 * {@link RevocationUnavailableException} (a resource server answers {@code 503} with
 * {@code Retry-After}), because a revocation it has not seen may exist. Configured to
 * {@link Builder#failOpen() fail open}, it answers from the local list anyway and tells its
 * {@link StalenessListener}.
 *
 * <p>Thread-safe. On the fresh path {@link #isRevoked} adds one clock read and one volatile read to
 * the local list's look-up, and allocates nothing.
 */
public final class RevocationReplica implements RevocationList {

	private final RevocationList local;

	private final long maxStalenessMillis;

	private final boolean failOpen;

	private final Duration retryAfter;

	private final Clock clock;

	private final StalenessListener listener;

	/** Epoch millis of the latest confirmation; {@link Long#MIN_VALUE} before the first. */
	private volatile long confirmedFreshAtMillis = Long.MIN_VALUE;

	private RevocationReplica(Builder builder) {
		this.local = builder.local;
		this.maxStalenessMillis = builder.maxStaleness.toMillis();
		this.failOpen = builder.failOpen;
		this.retryAfter = builder.retryAfter;
		this.clock = builder.clock;
		this.listener = builder.listener;
	}

	/**
	 * Starts a replica answering from {@code local}, typically an {@link InMemoryRevocationStore}
	 * the feeding component writes to.
	 * @param local the local copy of the shared list
	 * @return a builder with the defaults described on its methods
	 */
	public static Builder builder(RevocationList local) {
		return new Builder(local);
	}

	/**
	 * Records that the local list held everything the shared store held at {@code asOf}. A
	 * confirmation older than the latest is ignored, and one later than this replica's clock counts
	 * as made now: a clock running ahead must not stretch the staleness bound.
	 * @param asOf when the shared store was in the state the local list now reflects (for a
	 * resynchronization, when the read of the shared store began)
	 */
	public void confirmFresh(Instant asOf) {
		Objects.requireNonNull(asOf, "asOf cannot be null");
		long millis = Math.min(asOf.toEpochMilli(), this.clock.millis());
		synchronized (this) {
			if (millis > this.confirmedFreshAtMillis) {
				this.confirmedFreshAtMillis = millis;
			}
		}
	}

	/**
	 * When the replica was last confirmed fresh.
	 * @return the latest confirmation, or {@code null} before the first
	 */
	public @Nullable Instant confirmedFreshAt() {
		long millis = this.confirmedFreshAtMillis;
		return (millis == Long.MIN_VALUE) ? null : Instant.ofEpochMilli(millis);
	}

	/**
	 * Whether the last confirmation is within {@code maxStaleness} of the clock's time.
	 * @return {@code true} when {@link #isRevoked} answers from the local list without reservation
	 */
	public boolean isFresh() {
		return staleness(this.clock.millis()) <= this.maxStalenessMillis;
	}

	/**
	 * Whether this replica answers when stale instead of failing.
	 * @return {@code true} when configured to fail open
	 */
	public boolean failsOpen() {
		return this.failOpen;
	}

	/**
	 * Answers from the local list while fresh; when stale, fails closed or, configured so, answers
	 * anyway and tells the listener.
	 * @throws RevocationUnavailableException when stale (or never confirmed) and failing closed
	 */
	@Override
	public boolean isRevoked(String tokenId, String clientId, String subject, long issuedAtEpochSecond) {
		long staleness = staleness(this.clock.millis());
		if (staleness > this.maxStalenessMillis) {
			staleAnswer(staleness);
		}
		return this.local.isRevoked(tokenId, clientId, subject, issuedAtEpochSecond);
	}

	@Override
	public int entryCount() {
		return this.local.entryCount();
	}

	private long staleness(long nowMillis) {
		long confirmed = this.confirmedFreshAtMillis;
		return (confirmed == Long.MIN_VALUE) ? Long.MAX_VALUE : nowMillis - confirmed;
	}

	private void staleAnswer(long stalenessMillis) {
		Duration staleness = (stalenessMillis == Long.MAX_VALUE) ? null : Duration.ofMillis(stalenessMillis);
		if (this.failOpen) {
			this.listener.staleListUsed(staleness);
			return;
		}
		throw new RevocationUnavailableException((staleness != null)
				? "Revocation list unavailable: last confirmed fresh " + staleness.toMillis() + " ms ago, beyond the "
						+ this.maxStalenessMillis + " ms allowed"
				: "Revocation list unavailable: not loaded yet", this.retryAfter);
	}

	/**
	 * Told each time a stale replica configured to fail open answers anyway, for a metric and a
	 * (rate-limited) log line. Called on the verifying thread: implementations must be thread-safe
	 * and fast.
	 */
	@FunctionalInterface
	public interface StalenessListener {

		/**
		 * A token was checked against a stale list and the answer used.
		 * @param staleness how long since the last confirmation, or {@code null} when there was none
		 */
		void staleListUsed(@Nullable Duration staleness);

	}

	/**
	 * Configures a {@link RevocationReplica}. Not thread-safe; the replica it builds is.
	 */
	public static final class Builder {

		/** The default bound on staleness. */
		public static final Duration DEFAULT_MAX_STALENESS = Duration.ofSeconds(30);

		/** The default {@code Retry-After} hint when failing closed. */
		public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(5);

		private final RevocationList local;

		private Duration maxStaleness = DEFAULT_MAX_STALENESS;

		private boolean failOpen;

		private Duration retryAfter = DEFAULT_RETRY_AFTER;

		private Clock clock = Clock.systemUTC();

		private StalenessListener listener = (staleness) -> {
		};

		private Builder(RevocationList local) {
			this.local = Objects.requireNonNull(local, "local cannot be null");
		}

		/**
		 * How old the last confirmation may be before the replica is stale; 30 seconds by default.
		 * @param maxStaleness a positive duration
		 * @return this builder
		 */
		public Builder maxStaleness(Duration maxStaleness) {
			Objects.requireNonNull(maxStaleness, "maxStaleness cannot be null");
			if (maxStaleness.isNegative() || maxStaleness.isZero()) {
				throw new IllegalArgumentException("maxStaleness must be positive");
			}
			this.maxStaleness = maxStaleness;
			return this;
		}

		/**
		 * Answers from the stale local list rather than failing: availability over the guarantee
		 * that a revocation is honoured within {@code maxStaleness}. Off by default.
		 * @return this builder
		 */
		public Builder failOpen() {
			this.failOpen = true;
			return this;
		}

		/**
		 * The {@code Retry-After} hint when failing closed; 5 seconds by default.
		 * @param retryAfter a positive duration
		 * @return this builder
		 */
		public Builder retryAfter(Duration retryAfter) {
			Objects.requireNonNull(retryAfter, "retryAfter cannot be null");
			if (retryAfter.isNegative() || retryAfter.isZero()) {
				throw new IllegalArgumentException("retryAfter must be positive");
			}
			this.retryAfter = retryAfter;
			return this;
		}

		/**
		 * The clock staleness is measured with; {@link Clock#systemUTC()} by default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock cannot be null");
			return this;
		}

		/**
		 * Told when a stale replica configured to fail open answers anyway; none by default.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(StalenessListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener cannot be null");
			return this;
		}

		/**
		 * Builds the replica, never confirmed fresh yet.
		 * @return a thread-safe replica
		 */
		public RevocationReplica build() {
			return new RevocationReplica(this);
		}

	}

}
