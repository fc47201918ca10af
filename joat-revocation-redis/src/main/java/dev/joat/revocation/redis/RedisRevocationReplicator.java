package dev.joat.revocation.redis;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.Revocation;
import dev.joat.revocation.RevocationReplica;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.SubscriptionListener;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * Keeps this node's local replica of the Redis deny-list in step, and tells the
 * {@link RevocationReplica} how fresh it is. The verification path never waits for any of this: it
 * reads the local {@link InMemoryRevocationStore}.
 *
 * <p>How the replica is fed:
 * <ul>
 * <li><b>Changes</b> arrive on a Redis pub/sub channel (each message is the new entry's key, see
 * {@link RedisRevocationStore}) and are applied as they come, in order.</li>
 * <li><b>Resynchronization</b>: a full {@code SCAN} of the entries (never {@code KEYS}) merged into
 * the replica (a scan that waits longer than the command timeout for Redis fails, and the replica
 * keeps what it holds), at start-up, after every (re)subscription, after any failure, and every
 * {@code resyncInterval} regardless. Entries are only ever added (there is no un-revoke); the local
 * copy forgets each when it expires. Each resynchronization also writes back what Redis lost
 * ({@link RevocationRestorer}), and a heartbeat that finds Redis's canary key gone or changed
 * resynchronizes at once.</li>
 * <li><b>Freshness</b>: a successful resynchronization confirms the replica fresh as of its start.
 * Between resynchronizations, every {@code heartbeatInterval} the node publishes a ping on a
 * channel of its own, on the same subscription connection; when the ping comes back, every change
 * published before it has been applied (Redis delivers one connection's messages in order), so the
 * replica is confirmed fresh as of the ping's sending — provided no (re)subscription happened
 * since the last resynchronization began, which the subscription callbacks tell. A lost
 * connection therefore shows as pings that do not return (staleness grows), and a reconnection as
 * a subscription event (which triggers a resynchronization that picks up whatever was revoked
 * while the node was cut off).</li>
 * </ul>
 * Past {@code maxStaleness} without a confirmation, the {@link RevocationReplica} fails closed (or
 * open, as configured). Background failures are logged at WARN, rate-limited; the recovery at INFO.
 *
 * <p>Why pub/sub and not streams: every message is a self-contained entry and the resynchronization
 * (needed for the start-up load anyway) is the catch-up path, so a stream would only add a key that
 * grows and must be trimmed, and one more hot key on a Cluster; pub/sub costs Redis nothing at rest.
 *
 * <p>Thread-safe. Runs its work on one daemon thread; {@link #start()} and {@link #close()} once each.
 */
final class RedisRevocationReplicator implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(RedisRevocationReplicator.class);

	private static final int MAX_PENDING_PINGS = 16;

	private final RedisCommands redis;

	private final RevocationKeys keys;

	private final RevocationRestorer restorer;

	private final InMemoryRevocationStore local;

	private final RevocationReplica replica;

	private final RedisRevocationSettings settings;

	private final Clock clock;

	private final Consumer<String> warnings;

	private final String channel;

	private final String pingChannel;

	private final String nodeId = UUID.randomUUID().toString();

	private final RedisMessageListenerContainer container;

	private final ScheduledExecutorService executor;

	private final Listener listener = new Listener();

	/** Pings sent and not yet back: id to the subscription epoch and time it was sent under. */
	private final ConcurrentHashMap<Long, Ping> pendingPings = new ConcurrentHashMap<>();

	/** Guards the subscription state below. */
	private final Object lock = new Object();

	/** Bumped by every subscribe or unsubscribe notification: a change means messages may have been missed. */
	private long subscriptionEpoch;

	private final Set<String> subscribedChannels = new HashSet<>();

	/** The epoch under which the last successful resynchronization began, or -1 when none counts. */
	private long syncedEpoch = -1;

	private long lastResyncStartMillis = Long.MIN_VALUE;

	private volatile boolean resyncRequested = true;

	/** Set by {@link #close()}: failures from then on are the shutdown's, not worth a warning. */
	private volatile boolean closed;

	private boolean stale;

	private long nextPingId;

	RedisRevocationReplicator(RedisConnectionFactory connectionFactory, RedisCommands redis, RevocationKeys keys,
			RevocationRestorer restorer, InMemoryRevocationStore local, RevocationReplica replica,
			RedisRevocationSettings settings, Clock clock, Consumer<String> warnings) {
		this.redis = Objects.requireNonNull(redis, "redis cannot be null");
		this.keys = Objects.requireNonNull(keys, "keys cannot be null");
		this.restorer = Objects.requireNonNull(restorer, "restorer cannot be null");
		this.local = Objects.requireNonNull(local, "local cannot be null");
		this.replica = Objects.requireNonNull(replica, "replica cannot be null");
		this.settings = Objects.requireNonNull(settings, "settings cannot be null");
		this.clock = Objects.requireNonNull(clock, "clock cannot be null");
		this.warnings = Objects.requireNonNull(warnings, "warnings cannot be null");
		this.channel = settings.channel();
		this.pingChannel = settings.channel() + ":ping:" + this.nodeId;
		this.container = new RedisMessageListenerContainer();
		this.container.setConnectionFactory(Objects.requireNonNull(connectionFactory, "connectionFactory cannot be null"));
		// In order, on the connection's thread: a ping is handled after every change delivered before it.
		this.container.setTaskExecutor(new SyncTaskExecutor());
		this.container.setRecoveryInterval(settings.heartbeatInterval().toMillis());
		this.container.addMessageListener(this.listener, List.of(new ChannelTopic(this.channel), new ChannelTopic(this.pingChannel)));
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "joat-revocation-redis");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Starts the periodic work, whose first round subscribes and loads the list. Returns at once:
	 * Redis may be down when the application starts; the replica is then not fresh (and fails
	 * closed by default) until a later round succeeds.
	 */
	public void start() {
		this.container.afterPropertiesSet();
		this.executor.execute(this::tick);
		long period = this.settings.heartbeatInterval().toMillis();
		this.executor.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
	}

	/** Stops the periodic work and unsubscribes. The local replica keeps its entries. */
	@Override
	public void close() {
		this.closed = true;
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		try {
			this.container.stop();
			this.container.destroy();
		}
		catch (Exception ex) {
			logger.debug("Could not stop the revocation subscription cleanly", ex);
		}
	}

	/** One round of the periodic work: forget expired entries, then resynchronize or ping. */
	private void tick() {
		try {
			noteStaleness();
			this.local.removeExpired();
			subscribeUnlessSubscribed();
			boolean synced;
			long sinceResync;
			synchronized (this.lock) {
				synced = this.syncedEpoch == this.subscriptionEpoch && isSubscribed();
				sinceResync = (this.lastResyncStartMillis == Long.MIN_VALUE) ? Long.MAX_VALUE
						: this.clock.millis() - this.lastResyncStartMillis;
			}
			if (this.resyncRequested || !synced || sinceResync >= this.settings.resyncInterval().toMillis()) {
				resync();
			}
			else {
				heartbeat();
			}
		}
		catch (RuntimeException ex) {
			// Never let the scheduled task die: the next tick tries again.
			warn("Revocation replica: unexpected failure of the Redis replication task ("
					+ ex.getClass().getName() + ")");
			logger.debug("Revocation replication task failed", ex);
		}
	}

	/**
	 * Starts the subscription container, again if an earlier start failed (Redis down when the
	 * application started). Once started, the container and Lettuce re-subscribe by themselves.
	 */
	private void subscribeUnlessSubscribed() {
		if (this.container.isRunning()) {
			return;
		}
		try {
			this.container.start();
		}
		catch (RuntimeException ex) {
			this.container.stop();
			warn("Revocation replica not subscribed to Redis (" + ex.getClass().getName() + "); retrying every "
					+ this.settings.heartbeatInterval().toMillis() + " ms");
			logger.debug("Revocation subscription failed", ex);
		}
	}

	private boolean isSubscribed() {
		return this.subscribedChannels.contains(this.channel) && this.subscribedChannels.contains(this.pingChannel);
	}

	private void warn(String message) {
		if (!this.closed) {
			this.warnings.accept(message);
		}
	}

	private void resync() {
		long startMillis = this.clock.millis();
		long epoch;
		boolean subscribed;
		synchronized (this.lock) {
			epoch = this.subscriptionEpoch;
			subscribed = isSubscribed();
			this.resyncRequested = false;
		}
		List<Revocation> entries;
		try {
			// Taken before the SCAN begins: each of these was in Redis before it, so the SCAN must return it.
			List<Revocation> held = this.local.entries();
			entries = scan();
			for (Revocation entry : entries) {
				this.local.revoke(entry);
			}
			this.restorer.compare(held, entries, startMillis);
		}
		catch (RuntimeException ex) {
			synchronized (this.lock) {
				this.syncedEpoch = -1;
			}
			this.resyncRequested = true;
			warn("Revocation replica not refreshed: loading the deny-list from Redis failed ("
					+ ex.getClass().getName() + "); last confirmed fresh at " + this.replica.confirmedFreshAt()
					+ ", retrying every " + this.settings.heartbeatInterval().toMillis() + " ms");
			logger.debug("Revocation resynchronization failed", ex);
			return;
		}
		synchronized (this.lock) {
			this.syncedEpoch = subscribed ? epoch : -1;
			this.lastResyncStartMillis = startMillis;
		}
		confirmFresh(startMillis);
		if (logger.isDebugEnabled()) {
			logger.debug("Revocation replica resynchronized: " + entries.size() + " entries in Redis, "
					+ this.local.entryCount() + " held locally");
		}
	}

	private List<Revocation> scan() {
		ScanOptions options = ScanOptions.scanOptions().match(this.keys.scanPattern()).count(this.settings.scanCount()).build();
		List<Revocation> entries = new ArrayList<>();
		this.redis.scan(options, (key) -> {
			Revocation entry = this.keys.parse(key);
			if (entry != null) {
				entries.add(entry);
			}
		});
		return entries;
	}

	/** Reloads at once when the canary shows that Redis lost data, otherwise sends a ping. */
	private void heartbeat() {
		boolean unchanged;
		try {
			unchanged = this.restorer.canaryUnchanged();
		}
		catch (RuntimeException ex) {
			warn("Revocation replica not confirmed fresh: Redis unreachable (" + ex.getClass().getName()
					+ "); last confirmed fresh at " + this.replica.confirmedFreshAt());
			logger.debug("Revocation heartbeat failed", ex);
			return;
		}
		if (unchanged) {
			ping();
		}
		else {
			resync();
		}
	}

	private void ping() {
		long sentAt = this.clock.millis();
		long id;
		synchronized (this.lock) {
			id = ++this.nextPingId;
			this.pendingPings.put(id, new Ping(this.subscriptionEpoch, sentAt));
		}
		// Pings that never came back (a lost connection) are dropped: only recent ones can still help.
		long oldest = id - MAX_PENDING_PINGS;
		this.pendingPings.keySet().removeIf((pending) -> pending <= oldest);
		try {
			this.redis.publish(this.pingChannel, Long.toString(id));
		}
		catch (RuntimeException ex) {
			this.pendingPings.remove(id);
			warn("Revocation replica not confirmed fresh: Redis unreachable (" + ex.getClass().getName()
					+ "); last confirmed fresh at " + this.replica.confirmedFreshAt());
			logger.debug("Revocation heartbeat failed", ex);
		}
	}

	private void pingReturned(String body) {
		long id;
		try {
			id = Long.parseLong(body);
		}
		catch (NumberFormatException ex) {
			return;
		}
		Ping ping = this.pendingPings.remove(id);
		if (ping == null) {
			return;
		}
		boolean unbroken;
		synchronized (this.lock) {
			unbroken = ping.epoch == this.subscriptionEpoch && this.syncedEpoch == this.subscriptionEpoch;
		}
		if (unbroken) {
			confirmFresh(ping.sentAtMillis);
		}
	}

	private void changeReceived(String key) {
		Revocation entry = this.keys.parse(key);
		if (entry == null) {
			logger.debug("Ignored a message on the revocation channel that is not a revocation entry");
			return;
		}
		try {
			this.local.revoke(entry);
		}
		catch (RuntimeException ex) {
			// Not applied (the local store is full): freshness cannot be confirmed until a resync applies it.
			synchronized (this.lock) {
				this.syncedEpoch = -1;
			}
			this.resyncRequested = true;
			warn("Revocation replica could not apply a revocation (" + ex.getMessage() + ")");
		}
	}

	private void confirmFresh(long asOfMillis) {
		boolean first = this.replica.confirmedFreshAt() == null;
		this.replica.confirmFresh(Instant.ofEpochMilli(asOfMillis));
		boolean recovered;
		synchronized (this.lock) {
			recovered = this.stale;
			this.stale = false;
		}
		if (first && logger.isInfoEnabled()) {
			logger.info("Revocation replica loaded from Redis (" + this.local.entryCount() + " entries)");
		}
		else if (recovered && logger.isInfoEnabled()) {
			logger.info("Revocation replica confirmed fresh again from Redis (" + this.local.entryCount() + " entries)");
		}
	}

	/** Notes that a replica loaded once went stale, so that its recovery is logged. */
	private void noteStaleness() {
		if (this.replica.confirmedFreshAt() != null && !this.replica.isFresh()) {
			synchronized (this.lock) {
				this.stale = true;
			}
		}
	}

	private void subscriptionChanged(String channelName, boolean subscribed) {
		synchronized (this.lock) {
			this.subscriptionEpoch++;
			if (subscribed) {
				this.subscribedChannels.add(channelName);
			}
			else {
				this.subscribedChannels.remove(channelName);
			}
		}
		this.resyncRequested = true;
		if (subscribed && !this.closed) {
			// Messages may have been missed before this (re)subscription: catch up now, not at the next tick.
			try {
				this.executor.execute(this::tick);
			}
			catch (RejectedExecutionException ex) {
				// closed meanwhile
			}
		}
	}

	private record Ping(long epoch, long sentAtMillis) {
	}

	private final class Listener implements MessageListener, SubscriptionListener {

		@Override
		public void onMessage(Message message, byte[] pattern) {
			String channelName = new String(message.getChannel(), StandardCharsets.UTF_8);
			String body = new String(message.getBody(), StandardCharsets.UTF_8);
			if (channelName.equals(RedisRevocationReplicator.this.pingChannel)) {
				pingReturned(body);
			}
			else {
				changeReceived(body);
			}
		}

		@Override
		public void onChannelSubscribed(byte[] channel, long count) {
			subscriptionChanged(new String(channel, StandardCharsets.UTF_8), true);
		}

		@Override
		public void onChannelUnsubscribed(byte[] channel, long count) {
			subscriptionChanged(new String(channel, StandardCharsets.UTF_8), false);
		}

	}

}
