package dev.joat.revocation.redis.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.joat.revocation.RevocationList;
import dev.joat.revocation.RevocationReplica;
import dev.joat.revocation.RevocationStore;
import dev.joat.revocation.redis.RedisRevocation;
import dev.joat.spring.boot.JoatConfigurationException;
import dev.joat.spring.boot.JoatProperties;
import dev.joat.spring.boot.JoatPropertyChecks;
import dev.joat.spring.security.JoatRevocationMonitor;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * The beans of {@link RedisRevocationAutoConfiguration}, with the start-up checks of their settings;
 * the checks the starter also makes (positive durations, {@code joat.revocation.max-entries}) are
 * the starter's own, {@link JoatPropertyChecks}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JoatProperties.class)
class RedisRevocationConfiguration {

	/** The gauge of the replica's staleness. */
	static final String STALENESS_METER = "joat.revocation.staleness";

	/** The counter of the times Redis lost revocations that this node wrote back. */
	static final String RESTORES_METER = "joat.revocation.restores";

	@Bean(initMethod = "start", destroyMethod = "close")
	@ConditionalOnMissingBean
	RedisRevocation joatRedisRevocation(RedisConnectionFactory connectionFactory, JoatProperties joat,
			RedisRevocationProperties redis, ObjectProvider<JoatRevocationMonitor> monitor, ObjectProvider<Clock> clock) {
		JoatProperties.Revocation revocation = joat.getRevocation();
		Duration maxStaleness = JoatPropertyChecks.positive(revocation.getMaxStaleness(), "joat.revocation.max-staleness",
				"30s");
		Duration heartbeat = JoatPropertyChecks.positive(redis.getHeartbeatInterval(),
				"joat.revocation.redis.heartbeat-interval", "2s");
		Duration resync = JoatPropertyChecks.positive(redis.getResyncInterval(), "joat.revocation.redis.resync-interval",
				"5m");
		Duration commandTimeout = JoatPropertyChecks.positive(redis.getCommandTimeout(),
				"joat.revocation.redis.command-timeout", "2s");
		if (heartbeat.compareTo(maxStaleness) >= 0) {
			throw new JoatConfigurationException("joat.revocation.redis.heartbeat-interval",
					"joat.revocation.redis.heartbeat-interval (" + heartbeat + ") is not shorter than"
							+ " joat.revocation.max-staleness (" + maxStaleness + "): the replica would go stale between"
							+ " two confirmations",
					"Set joat.revocation.redis.heartbeat-interval well below joat.revocation.max-staleness, e.g. a"
							+ " tenth of it.");
		}
		if (resync.compareTo(heartbeat) < 0) {
			throw new JoatConfigurationException("joat.revocation.redis.resync-interval",
					"joat.revocation.redis.resync-interval (" + resync + ") is shorter than"
							+ " joat.revocation.redis.heartbeat-interval (" + heartbeat + ")",
					"Set joat.revocation.redis.resync-interval to at least the heartbeat interval, e.g. 5m.");
		}
		text(redis.getKeyPrefix(), "joat.revocation.redis.key-prefix", "joat:revocation:");
		text(redis.getChannel(), "joat.revocation.redis.channel", "joat:revocation:changes");
		if (redis.getScanCount() < 1 || redis.getScanCount() > 100_000) {
			throw new JoatConfigurationException("joat.revocation.redis.scan-count",
					"joat.revocation.redis.scan-count must be between 1 and 100000; it is " + redis.getScanCount(),
					"Set joat.revocation.redis.scan-count to e.g. 1000.");
		}
		int maxEntries = JoatPropertyChecks.positive(revocation.getMaxEntries(), "joat.revocation.max-entries",
				"entries", "100000");
		RedisRevocation.Builder builder = RedisRevocation.builder(connectionFactory)
			.keyPrefix(redis.getKeyPrefix())
			.channel(redis.getChannel())
			.heartbeatInterval(heartbeat)
			.resyncInterval(resync)
			.scanCount(redis.getScanCount())
			.commandTimeout(commandTimeout)
			.maxStaleness(maxStaleness)
			.failOpen(revocation.isFailOpen())
			.maxEntries(maxEntries)
			.clock(clock.getIfUnique(Clock::systemUTC));
		JoatRevocationMonitor listener = monitor.getIfUnique();
		if (listener != null) {
			builder.stalenessListener(listener);
		}
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean(RevocationList.class)
	RevocationReplica joatRevocationList(RedisRevocation revocation) {
		return revocation.list();
	}

	@Bean
	@ConditionalOnMissingBean(RevocationStore.class)
	RevocationStore joatRevocationStore(RedisRevocation revocation) {
		return revocation.store();
	}

	/**
	 * The gauge {@value #STALENESS_METER} (seconds since the replica was last confirmed fresh; NaN
	 * before the first load) and the counter {@value #RESTORES_METER}, bound to every registry by
	 * Spring Boot.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class RedisRevocationMetricsConfiguration {

		@Bean
		MeterBinder joatRevocationStalenessMeter(RedisRevocation revocation, ObjectProvider<Clock> clock) {
			Clock time = clock.getIfUnique(Clock::systemUTC);
			return (registry) -> Gauge.builder(STALENESS_METER, revocation.list(), (replica) -> {
				Instant confirmed = replica.confirmedFreshAt();
				return (confirmed != null) ? (time.millis() - confirmed.toEpochMilli()) / 1000.0 : Double.NaN;
			})
				.description("Seconds since the Redis revocation replica was last confirmed fresh; beyond"
						+ " joat.revocation.max-staleness tokens are refused with 503 (or checked anyway with fail-open)")
				.baseUnit("seconds")
				.register(registry);
		}

		@Bean
		MeterBinder joatRevocationRestoresMeter(RedisRevocation revocation) {
			return (registry) -> FunctionCounter.builder(RESTORES_METER, revocation, RedisRevocation::restoreCount)
				.description("Times this node found that Redis had lost live revocations (a restart without"
						+ " persistence, FLUSHALL, eviction) and wrote them back")
				.register(registry);
		}

	}

	private static void text(String value, String property, String example) {
		if (value == null || value.isBlank()) {
			throw new JoatConfigurationException(property, property + " must not be empty",
					"Set " + property + " to a non-empty value shared by every node, e.g. " + example + ".");
		}
	}

}
