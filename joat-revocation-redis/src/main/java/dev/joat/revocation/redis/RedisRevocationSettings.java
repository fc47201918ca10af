package dev.joat.revocation.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How a node talks to Redis about revocations, checked once: the channel changes are announced on,
 * how often the replica's freshness is confirmed and how often it is fully resynchronized.
 *
 * @param channel the pub/sub channel of change messages (pings go to {@code <channel>:ping:<node>})
 * @param heartbeatInterval how often freshness is confirmed (a ping through the subscription)
 * @param resyncInterval how often the whole list is reloaded even when nothing looks missed
 * @param scanCount the {@code COUNT} hint of each {@code SCAN} call
 */
record RedisRevocationSettings(String channel, Duration heartbeatInterval, Duration resyncInterval, int scanCount) {

	RedisRevocationSettings {
		Objects.requireNonNull(channel, "channel cannot be null");
		Objects.requireNonNull(heartbeatInterval, "heartbeatInterval cannot be null");
		Objects.requireNonNull(resyncInterval, "resyncInterval cannot be null");
	}

}
