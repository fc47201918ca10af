package dev.joat.revocation.redis;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.Revocation;
import dev.joat.revocation.RevocationStore;
import dev.joat.revocation.RevocationUnavailableException;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The write side of Redis revocation: each revocation is one Redis key whose TTL is the remaining
 * lifetime of the tokens it revokes (so Redis never holds more than the live deny-list), written
 * together with a change message on the channel that every node's
 * {@link RedisRevocationReplicator} follows. Key and message go in one server-side script, so a
 * revocation is either stored and announced or not recorded at all; the script touches a single
 * key, which keeps it valid on Redis Cluster.
 *
 * <p>A revocation recorded in Redis is applied to this node's local replica at once (a node sees
 * its own revocations without waiting for the message), and within the replicator's bound on every
 * other node. A revocation whose tokens have all expired is a no-op.
 *
 * <p>Thread-safe. Every method makes one Redis round trip, bounded by the command timeout
 * ({@code joat.revocation.redis.command-timeout}); none is on the verification path.
 */
public final class RedisRevocationStore implements RevocationStore {

	/** SET key with its TTL in milliseconds, then PUBLISH the key on the channel: one atomic step. */
	private static final RedisScript<Long> REVOKE = RedisScript.of(
			"redis.call('SET', KEYS[1], '1', 'PX', ARGV[1]) return redis.call('PUBLISH', ARGV[2], KEYS[1])", Long.class);

	private static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private final RedisCommands redis;

	private final RevocationKeys keys;

	private final String channel;

	private final InMemoryRevocationStore local;

	private final Clock clock;

	RedisRevocationStore(RedisCommands redis, RevocationKeys keys, String channel, InMemoryRevocationStore local,
			Clock clock) {
		this.redis = Objects.requireNonNull(redis, "redis cannot be null");
		this.keys = Objects.requireNonNull(keys, "keys cannot be null");
		this.channel = Objects.requireNonNull(channel, "channel cannot be null");
		this.local = Objects.requireNonNull(local, "local cannot be null");
		this.clock = Objects.requireNonNull(clock, "clock cannot be null");
	}

	/**
	 * Records one revocation in Redis, announces it to every node, and applies it here.
	 * @param revocation the entry
	 * @throws IllegalArgumentException when its id is not well-formed Unicode (an unpaired
	 * surrogate would not survive the trip through Redis as UTF-8)
	 * @throws RevocationUnavailableException when Redis did not confirm the write within the command
	 * timeout; nothing was recorded, and the caller should report the failure rather than assume the
	 * token is revoked
	 */
	@Override
	public void revoke(Revocation revocation) {
		Objects.requireNonNull(revocation, "revocation cannot be null");
		requireWellFormed(revocation);
		long ttlMillis = revocation.expiresAt().toEpochMilli() - this.clock.millis();
		if (ttlMillis <= 0) {
			return;
		}
		try {
			this.redis.execute(REVOKE, this.keys.key(revocation), Long.toString(ttlMillis), this.channel);
		}
		catch (DataAccessException ex) {
			throw new RevocationUnavailableException("Revocation not recorded: Redis did not confirm the write ("
					+ ex.getClass().getSimpleName() + ")", RETRY_AFTER, ex);
		}
		this.local.revoke(revocation);
	}

	private static void requireWellFormed(Revocation revocation) {
		String id = revocation.key();
		for (int i = 0; i < id.length(); i++) {
			char c = id.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < id.length() && Character.isLowSurrogate(id.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new IllegalArgumentException(switch (revocation.kind()) {
					case TOKEN -> "tokenId";
					case CLIENT -> "clientId";
					case SUBJECT -> "subject";
					case CLIENT_SUBJECT -> "clientId or subject";
				} + " cannot contain an unpaired surrogate");
			}
		}
	}

}
