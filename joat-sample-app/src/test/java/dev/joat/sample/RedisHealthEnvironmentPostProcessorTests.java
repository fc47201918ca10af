package dev.joat.sample;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RedisHealthEnvironmentPostProcessorTests {

	private final RedisHealthEnvironmentPostProcessor processor = new RedisHealthEnvironmentPostProcessor();

	@Test
	void postProcessEnvironmentWhenStoreInMemoryThenRedisHealthOff() {
		MockEnvironment environment = new MockEnvironment().withProperty("joat.revocation.store", "in-memory");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.health.redis.enabled")).isEqualTo("false");
	}

	@Test
	void postProcessEnvironmentWhenStoreNotSetThenRedisHealthOff() {
		MockEnvironment environment = new MockEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.health.redis.enabled")).isEqualTo("false");
	}

	@Test
	void postProcessEnvironmentWhenStoreRedisThenRedisHealthOn() {
		MockEnvironment environment = new MockEnvironment().withProperty("joat.revocation.store", "redis");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.health.redis.enabled")).isEqualTo("true");
	}

	@Test
	void postProcessEnvironmentWhenStoreRedisSpelledAsTheStarterAlsoAcceptsThenRedisHealthOn() {
		MockEnvironment environment = new MockEnvironment().withProperty("joat.revocation.store", "REDIS");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.health.redis.enabled")).isEqualTo("true");
	}

	@Test
	void postProcessEnvironmentWhenUserSetRedisHealthThenUntouched() {
		MockEnvironment environment = new MockEnvironment().withProperty("joat.revocation.store", "in-memory")
			.withProperty("management.health.redis.enabled", "true");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("management.health.redis.enabled")).isEqualTo("true");
		assertThat(environment.getPropertySources().contains(RedisHealthEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

}
