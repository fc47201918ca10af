package dev.joat.sample;

import java.util.Map;

import dev.joat.spring.boot.JoatProperties;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Lets Spring Boot's Redis health indicator follow the revocation store: the sample carries the
 * Redis client for {@code joat.revocation.store=redis}, and Boot would otherwise check a Redis
 * that the default in-process store never uses, so that {@code /actuator/health} went DOWN on a
 * machine without Redis. Unless {@code management.health.redis.enabled} is set, it is
 * {@code true} exactly when {@code joat.revocation.store} is {@code redis}; a value the user set
 * is left as it is.
 */
class RedisHealthEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "joatSampleRedisHealth";

	static final String REDIS_HEALTH = "management.health.redis.enabled";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.containsProperty(REDIS_HEALTH)) {
			return;
		}
		// The starter's one rule (the one behind @ConditionalOnRevocationStore): every spelling counts.
		boolean redis = JoatProperties.Revocation.Store.bind(environment) == JoatProperties.Revocation.Store.REDIS;
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of(REDIS_HEALTH, Boolean.toString(redis))));
	}

}
