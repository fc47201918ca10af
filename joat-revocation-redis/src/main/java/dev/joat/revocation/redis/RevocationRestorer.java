package dev.joat.revocation.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import dev.joat.revocation.Revocation;

/**
 * Notices that Redis lost revocations this node holds, and writes them back. A Redis restarted
 * without persistence, flushed ({@code FLUSHALL}) or evicting keys forgets revocations that the
 * running nodes still apply, and a node started afterwards would load the shorter list and accept
 * tokens the others refuse. Each node therefore compares, at every reload, the live entries it held
 * before the reload's {@code SCAN} began with what the scan returned (by kind and id): an entry
 * held before and not returned was in Redis throughout and is gone, unless it was about to expire
 * ({@value #MARGIN_SECONDS} s of margin, for clocks that differ). Such entries are written back
 * (each its key with its remaining lifetime), a WARN line says so (rate-limited, without any id),
 * and {@link #restoreCount()} counts the event.
 *
 * <p>Most losses come with a reconnection, which reloads at once. A {@code FLUSHALL} does not: a
 * canary key ({@code <prefix>canary}, holding a random generation) shows it. Each heartbeat reads
 * it; when it is gone or another node has replaced it, the node reloads (and so compares) at once.
 * After writing entries back, a node sets a new generation, so that every other node, a node
 * started in between included, reloads and picks them up within a heartbeat.
 *
 * <p>Not thread-safe: the replicator's one thread calls it. {@link #restoreCount()} may be read
 * from any thread.
 */
final class RevocationRestorer {

	/** Entries expiring within this much of the reload are not expected in Redis any more. */
	static final long MARGIN_SECONDS = 5;

	private static final Duration MARGIN = Duration.ofSeconds(MARGIN_SECONDS);

	private final RedisCommands redis;

	private final RevocationKeys keys;

	private final String canaryKey;

	private final Clock clock;

	private final Consumer<String> warnings;

	private final AtomicLong restores = new AtomicLong();

	/** The canary's value as of the last comparison, or {@code null} before the first. */
	private String generation;

	RevocationRestorer(RedisCommands redis, RevocationKeys keys, Clock clock, Consumer<String> warnings) {
		this.redis = Objects.requireNonNull(redis, "redis cannot be null");
		this.keys = Objects.requireNonNull(keys, "keys cannot be null");
		this.canaryKey = keys.canaryKey();
		this.clock = Objects.requireNonNull(clock, "clock cannot be null");
		this.warnings = Objects.requireNonNull(warnings, "warnings cannot be null");
	}

	/**
	 * Whether Redis still holds the canary as this node last saw it (one {@code GET}).
	 * @return {@code false} when it is gone or changed: reload and compare now
	 */
	boolean canaryUnchanged() {
		return this.generation != null && this.generation.equals(this.redis.get(this.canaryKey));
	}

	/**
	 * Compares what this node held before a reload with what the reload found in Redis, writes back
	 * what Redis lost, and records the canary.
	 * @param held the live entries held before the reload's {@code SCAN} began
	 * @param found the entries the {@code SCAN} returned
	 * @param scanStartMillis when the {@code SCAN} began
	 * @throws org.springframework.dao.DataAccessException when Redis failed; the next reload tries again
	 */
	void compare(List<Revocation> held, List<Revocation> found, long scanStartMillis) {
		Set<String> inRedis = new HashSet<>(found.size() * 2);
		for (Revocation entry : found) {
			inRedis.add(id(entry));
		}
		long expectedAfter = scanStartMillis + MARGIN.toMillis();
		List<Revocation> lost = new ArrayList<>();
		for (Revocation entry : held) {
			if (entry.expiresAt().toEpochMilli() > expectedAfter && !inRedis.contains(id(entry))) {
				lost.add(entry);
			}
		}
		if (lost.isEmpty()) {
			this.redis.setIfAbsent(this.canaryKey, UUID.randomUUID().toString());
			this.generation = this.redis.get(this.canaryKey);
			return;
		}
		for (Revocation entry : lost) {
			long ttlMillis = entry.expiresAt().toEpochMilli() - this.clock.millis();
			if (ttlMillis > 0) {
				this.redis.set(this.keys.key(entry), "1", Duration.ofMillis(ttlMillis));
			}
		}
		String next = UUID.randomUUID().toString();
		this.redis.set(this.canaryKey, next);
		this.generation = next;
		this.restores.incrementAndGet();
		this.warnings.accept("Redis lost " + lost.size() + " of the " + held.size() + " live revocations this node"
				+ " holds (restarted without persistence, flushed or evicting keys); this node wrote them back. A node"
				+ " that loaded the list from Redis in between may have accepted the tokens they revoke: run Redis with"
				+ " persistence and maxmemory-policy noeviction");
	}

	/**
	 * How many times this node found that Redis had lost revocations and wrote them back.
	 * @return the count since start
	 */
	long restoreCount() {
		return this.restores.get();
	}

	private static String id(Revocation entry) {
		return entry.kind().name() + ':' + entry.key();
	}

}
