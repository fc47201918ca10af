package dev.joat.revocation.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.RevocationList;
import dev.joat.revocation.RevocationReplica;
import dev.joat.revocation.RevocationStore;
import org.apache.commons.logging.LogFactory;

import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Revocation shared by many resource servers through one Redis: the {@link #list() read side}
 * (a local replica, so a check is a local look-up) and the {@link #store() write side} of one
 * node, wired together. The auto-configuration builds one from {@code joat.revocation.*}; without
 * Spring Boot:
 *
 * <pre>{@code
 * RedisRevocation revocation = RedisRevocation.builder(connectionFactory).maxStaleness(Duration.ofSeconds(30)).build();
 * revocation.start();
 * TokenParser parser = TokenParser.builder(secrets).revocationList(revocation.list()).build();
 * revocation.store().revokeToken(credentials.tokenId(), credentials.expiresAt());
 * // at shutdown
 * revocation.close();
 * }</pre>
 *
 * <p>Thread-safe once built; {@link #start()} and {@link #close()} once each.
 */
public final class RedisRevocation implements AutoCloseable {

	private final InMemoryRevocationStore local;

	private final RevocationReplica replica;

	private final RedisRevocationStore store;

	private final RedisRevocationReplicator replicator;

	private final RevocationRestorer restorer;

	private RedisRevocation(Builder builder) {
		this.local = builder.local.build();
		RevocationReplica.Builder replica = RevocationReplica.builder(this.local)
			.maxStaleness(builder.maxStaleness)
			.clock(builder.clock)
			.listener(builder.stalenessListener);
		if (builder.failOpen) {
			replica.failOpen();
		}
		this.replica = replica.build();
		RedisCommands redis = new RedisCommands(builder.connectionFactory, builder.commandTimeout);
		RevocationKeys keys = new RevocationKeys(builder.keyPrefix);
		Consumer<String> warnings = (builder.warnings != null) ? builder.warnings : rateLimitedWarnings();
		// Its own rate limit: an outage's warnings must not hide the loss of data that may come with it.
		Consumer<String> lossWarnings = (builder.warnings != null) ? builder.warnings : rateLimitedWarnings();
		this.store = new RedisRevocationStore(redis, keys, builder.channel, this.local, builder.clock);
		this.restorer = new RevocationRestorer(redis, keys, builder.clock, lossWarnings);
		this.replicator = new RedisRevocationReplicator(builder.connectionFactory, redis, keys, this.restorer, this.local,
				this.replica, new RedisRevocationSettings(builder.channel, builder.heartbeatInterval,
						builder.resyncInterval, builder.scanCount),
				builder.clock, warnings);
	}

	/**
	 * Starts configuring the revocation of one node.
	 * @param connectionFactory the connection to the Redis shared by every node
	 * @return a builder with the defaults described on its methods
	 */
	public static Builder builder(RedisConnectionFactory connectionFactory) {
		return new Builder(connectionFactory);
	}

	/**
	 * The read side, for {@code TokenParser.Builder#revocationList}: answers from the local replica,
	 * and fails closed (or open, as configured) once the replica is stale.
	 * @return the replica
	 */
	public RevocationReplica list() {
		return this.replica;
	}

	/**
	 * The write side: records revocations in Redis and announces them to every node.
	 * @return the store
	 */
	public RevocationStore store() {
		return this.store;
	}

	/**
	 * How many times this node found that Redis had lost live revocations it holds (a restart
	 * without persistence, {@code FLUSHALL}, eviction) and wrote them back; each time is also a WARN
	 * line (at most one a minute). The auto-configuration publishes it as the counter
	 * {@code joat.revocation.restores}.
	 * @return the count since this node started
	 */
	public long restoreCount() {
		return this.restorer.restoreCount();
	}

	/**
	 * Subscribes to changes, loads the list and starts keeping it fresh. Returns without waiting for
	 * the first load: until it succeeds the list is not fresh (and fails closed by default).
	 */
	public void start() {
		this.replicator.start();
	}

	/** Stops following Redis. The list then goes stale after the configured bound. */
	@Override
	public void close() {
		this.replicator.close();
	}

	private static Consumer<String> rateLimitedWarnings() {
		return new RateLimitedLog(LogFactory.getLog(RedisRevocationReplicator.class), Duration.ofMinutes(1),
				Clock.systemUTC())::warn;
	}

	/**
	 * Configures a {@link RedisRevocation}. Not thread-safe; what it builds is.
	 */
	public static final class Builder {

		/** The default of {@link #commandTimeout(Duration)}. */
		public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

		private final RedisConnectionFactory connectionFactory;

		private String keyPrefix = "joat:revocation:";

		private String channel = "joat:revocation:changes";

		private Duration heartbeatInterval = Duration.ofSeconds(2);

		private Duration resyncInterval = Duration.ofMinutes(5);

		private int scanCount = 1000;

		private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;

		private Duration maxStaleness = RevocationReplica.Builder.DEFAULT_MAX_STALENESS;

		private boolean failOpen;

		/** The local replica's settings (bound and clock): their rules live in one place. */
		private final InMemoryRevocationStore.Builder local = InMemoryRevocationStore.builder();

		private Clock clock = Clock.systemUTC();

		private RevocationReplica.StalenessListener stalenessListener = (staleness) -> {
		};

		/** {@code null}: WARN lines, rate-limited (see {@link #warnings(Consumer)}). */
		private Consumer<String> warnings;

		private Builder(RedisConnectionFactory connectionFactory) {
			this.connectionFactory = Objects.requireNonNull(connectionFactory, "connectionFactory cannot be null");
		}

		/**
		 * The prefix of every revocation key; {@code joat:revocation:} by default. All nodes of a
		 * deployment share it.
		 * @param keyPrefix a non-empty prefix
		 * @return this builder
		 */
		public Builder keyPrefix(String keyPrefix) {
			this.keyPrefix = requireText(keyPrefix, "keyPrefix");
			return this;
		}

		/**
		 * The pub/sub channel of change messages; {@code joat:revocation:changes} by default.
		 * @param channel a non-empty channel name
		 * @return this builder
		 */
		public Builder channel(String channel) {
			this.channel = requireText(channel, "channel");
			return this;
		}

		/**
		 * How often freshness is confirmed (one ping through the subscription); 2 seconds by
		 * default. Must be shorter than {@link #maxStaleness(Duration) maxStaleness}.
		 * @param heartbeatInterval a positive duration
		 * @return this builder
		 */
		public Builder heartbeatInterval(Duration heartbeatInterval) {
			this.heartbeatInterval = requirePositive(heartbeatInterval, "heartbeatInterval");
			return this;
		}

		/**
		 * How often the whole list is reloaded even when no change seems missed; 5 minutes by
		 * default. This bounds how late a change whose message was lost (and no disconnection
		 * showed it) is applied.
		 * @param resyncInterval a positive duration, no shorter than the heartbeat interval
		 * @return this builder
		 */
		public Builder resyncInterval(Duration resyncInterval) {
			this.resyncInterval = requirePositive(resyncInterval, "resyncInterval");
			return this;
		}

		/**
		 * The {@code COUNT} hint of each {@code SCAN} call; 1000 by default.
		 * @param scanCount between 1 and 100000
		 * @return this builder
		 */
		public Builder scanCount(int scanCount) {
			if (scanCount < 1 || scanCount > 100_000) {
				throw new IllegalArgumentException("scanCount must be between 1 and 100000");
			}
			this.scanCount = scanCount;
			return this;
		}

		/**
		 * How long each of this node's own Redis commands may take (a revocation, a heartbeat, a
		 * write-back) before it fails; 2 seconds by default. Applied per command, so the
		 * connection's own timeout ({@code spring.data.redis.timeout}, which Lettuce otherwise sets
		 * to 60 s) still bounds them too and the shorter wins, while the application's other Redis
		 * calls keep the connection's. Needs a reactive connection factory (Lettuce's); with another
		 * only the connection's timeout applies. The reload's {@code SCAN} fails when Redis answers
		 * no key, and does not end, within it (on a Cluster, only the connection's timeout bounds
		 * it); the replica then keeps what it holds and goes stale as for any other failure.
		 * @param commandTimeout a positive duration
		 * @return this builder
		 */
		public Builder commandTimeout(Duration commandTimeout) {
			this.commandTimeout = requirePositive(commandTimeout, "commandTimeout");
			return this;
		}

		/**
		 * How long the replica may go without a confirmation before it is stale; 30 seconds by
		 * default.
		 * @param maxStaleness a positive duration
		 * @return this builder
		 */
		public Builder maxStaleness(Duration maxStaleness) {
			this.maxStaleness = requirePositive(maxStaleness, "maxStaleness");
			return this;
		}

		/**
		 * Whether a stale replica answers anyway (fail open) instead of refusing to answer (fail
		 * closed, the default).
		 * @param failOpen {@code true} to fail open
		 * @return this builder
		 */
		public Builder failOpen(boolean failOpen) {
			this.failOpen = failOpen;
			return this;
		}

		/**
		 * The most live entries the local replica holds;
		 * {@value InMemoryRevocationStore.Builder#DEFAULT_MAX_ENTRIES} by default. A replica that
		 * cannot hold every entry of Redis is never confirmed fresh.
		 * @param maxEntries a positive bound
		 * @return this builder
		 */
		public Builder maxEntries(int maxEntries) {
			this.local.maxEntries(maxEntries);
			return this;
		}

		/**
		 * The clock of expiries and staleness; {@link Clock#systemUTC()} by default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.local.clock(clock);
			this.clock = clock;
			return this;
		}

		/**
		 * Told each time a stale replica configured to fail open answers anyway; none by default.
		 * @param listener the listener, fast and thread-safe
		 * @return this builder
		 */
		public Builder stalenessListener(RevocationReplica.StalenessListener listener) {
			this.stalenessListener = Objects.requireNonNull(listener, "listener cannot be null");
			return this;
		}

		/**
		 * Where background faults (Redis unreachable, a failed load, data Redis lost and this node
		 * wrote back) are reported; by default WARN lines, each kind at most once a minute, with a
		 * count.
		 * @param warnings the sink, thread-safe
		 * @return this builder
		 */
		public Builder warnings(Consumer<String> warnings) {
			this.warnings = Objects.requireNonNull(warnings, "warnings cannot be null");
			return this;
		}

		/**
		 * Builds the node's revocation, not started.
		 * @return the revocation
		 * @throws IllegalArgumentException when the heartbeat interval is not shorter than the
		 * staleness bound, or the resync interval is shorter than the heartbeat interval
		 */
		public RedisRevocation build() {
			if (this.heartbeatInterval.compareTo(this.maxStaleness) >= 0) {
				throw new IllegalArgumentException("heartbeatInterval (" + this.heartbeatInterval
						+ ") must be shorter than maxStaleness (" + this.maxStaleness + ")");
			}
			if (this.resyncInterval.compareTo(this.heartbeatInterval) < 0) {
				throw new IllegalArgumentException("resyncInterval (" + this.resyncInterval
						+ ") cannot be shorter than heartbeatInterval (" + this.heartbeatInterval + ")");
			}
			return new RedisRevocation(this);
		}

		private static String requireText(String value, String name) {
			if (value == null || value.isEmpty()) {
				throw new IllegalArgumentException(name + " cannot be null or empty");
			}
			return value;
		}

		private static Duration requirePositive(Duration value, String name) {
			Objects.requireNonNull(value, name + " cannot be null");
			if (value.isNegative() || value.isZero()) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return value;
		}

	}

}
