package dev.joat.spring.boot;

import java.time.Clock;
import java.time.Instant;

import dev.joat.MutableClock;
import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.RevocationReplica;
import dev.joat.spring.security.JoatRevocationMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A replicated revocation list as a Redis-backed module wires it, minus Redis: a local
 * {@link InMemoryRevocationStore} behind a {@link RevocationReplica} configured from
 * {@code joat.revocation.*} and reporting to the starter's {@link JoatRevocationMonitor}, on a clock
 * the test moves. The test confirms freshness itself, as the module's synchronization would.
 */
@Configuration(proxyBeanMethods = false)
class StaleReplicaConfiguration {

	@Bean
	MutableClock clock() {
		return new MutableClock(Instant.now());
	}

	@Bean
	InMemoryRevocationStore localReplica(Clock clock) {
		return InMemoryRevocationStore.builder().clock(clock).build();
	}

	@Bean
	@Primary
	RevocationReplica revocationReplica(InMemoryRevocationStore localReplica, JoatProperties properties,
			JoatRevocationMonitor monitor, Clock clock) {
		RevocationReplica.Builder replica = RevocationReplica.builder(localReplica)
			.maxStaleness(properties.getRevocation().getMaxStaleness())
			.listener(monitor)
			.clock(clock);
		if (properties.getRevocation().isFailOpen()) {
			replica.failOpen();
		}
		return replica.build();
	}

	@Bean
	MeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
