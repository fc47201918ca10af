package dev.joat.revocation.redis.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the Redis revocation store ({@code joat.revocation.redis.*}), used when
 * {@code joat.revocation.store=redis}. How stale a node's replica may become before it fails
 * closed is {@code joat.revocation.max-staleness}, shared with every replicated store; the Redis
 * connection itself is Spring Boot's ({@code spring.data.redis.*}).
 */
@ConfigurationProperties("joat.revocation.redis")
public class RedisRevocationProperties {

	/** Prefix of every revocation key in Redis; share it between all nodes of one deployment. */
	private String keyPrefix = "joat:revocation:";

	/** Pub/sub channel on which revocations are announced to every node. */
	private String channel = "joat:revocation:changes";

	/** How often each node confirms its replica is fresh (one ping through its subscription); below max-staleness. */
	private Duration heartbeatInterval = Duration.ofSeconds(2);

	/** How often each node reloads the whole deny-list (SCAN) even when no change seems missed. */
	private Duration resyncInterval = Duration.ofMinutes(5);

	/** COUNT hint of each SCAN call when loading the deny-list. */
	private int scanCount = 1000;

	/**
	 * How long each of joat's own Redis commands (a revocation, a heartbeat, each wait of the
	 * reload's SCAN) may take before it fails; spring.data.redis.timeout, if shorter, still applies.
	 */
	private Duration commandTimeout = Duration.ofSeconds(2);

	/**
	 * The key prefix.
	 * @return the prefix, {@code joat:revocation:} by default
	 */
	public String getKeyPrefix() {
		return this.keyPrefix;
	}

	/**
	 * Sets the key prefix.
	 * @param keyPrefix a non-empty prefix
	 */
	public void setKeyPrefix(String keyPrefix) {
		this.keyPrefix = keyPrefix;
	}

	/**
	 * The change channel.
	 * @return the channel, {@code joat:revocation:changes} by default
	 */
	public String getChannel() {
		return this.channel;
	}

	/**
	 * Sets the change channel.
	 * @param channel a non-empty channel name
	 */
	public void setChannel(String channel) {
		this.channel = channel;
	}

	/**
	 * The heartbeat interval.
	 * @return the interval, 2 seconds by default
	 */
	public Duration getHeartbeatInterval() {
		return this.heartbeatInterval;
	}

	/**
	 * Sets the heartbeat interval.
	 * @param heartbeatInterval a positive duration shorter than {@code joat.revocation.max-staleness}
	 */
	public void setHeartbeatInterval(Duration heartbeatInterval) {
		this.heartbeatInterval = heartbeatInterval;
	}

	/**
	 * The full-resynchronization interval.
	 * @return the interval, 5 minutes by default
	 */
	public Duration getResyncInterval() {
		return this.resyncInterval;
	}

	/**
	 * Sets the full-resynchronization interval.
	 * @param resyncInterval a duration no shorter than the heartbeat interval
	 */
	public void setResyncInterval(Duration resyncInterval) {
		this.resyncInterval = resyncInterval;
	}

	/**
	 * The bound of each of joat's own Redis commands. Applied per command: Spring Boot's
	 * {@code spring.data.redis.timeout} (60 s by Lettuce's default when unset) keeps bounding every
	 * command of the connection, joat's too, so the shorter of the two applies to joat's, and the
	 * application's other Redis calls keep Boot's.
	 * @return the timeout, 2 seconds by default
	 */
	public Duration getCommandTimeout() {
		return this.commandTimeout;
	}

	/**
	 * Sets the bound of each of joat's own Redis commands.
	 * @param commandTimeout a positive duration
	 */
	public void setCommandTimeout(Duration commandTimeout) {
		this.commandTimeout = commandTimeout;
	}

	/**
	 * The {@code SCAN COUNT} hint.
	 * @return the hint, 1000 by default
	 */
	public int getScanCount() {
		return this.scanCount;
	}

	/**
	 * Sets the {@code SCAN COUNT} hint.
	 * @param scanCount between 1 and 100000
	 */
	public void setScanCount(int scanCount) {
		this.scanCount = scanCount;
	}

}
