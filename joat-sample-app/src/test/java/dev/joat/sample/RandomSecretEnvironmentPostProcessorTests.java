package dev.joat.sample;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class RandomSecretEnvironmentPostProcessorTests {

	private final RandomSecretEnvironmentPostProcessor processor = new RandomSecretEnvironmentPostProcessor(new DeferredLogs());

	@Test
	void postProcessEnvironmentWhenNoSecretThenRandom32BytesEachRun() {
		MockEnvironment first = new MockEnvironment();
		MockEnvironment second = new MockEnvironment();
		this.processor.postProcessEnvironment(first, new SpringApplication());
		this.processor.postProcessEnvironment(second, new SpringApplication());
		byte[] secret = Base64.getDecoder().decode(first.getProperty("joat.secret-base64"));
		assertThat(secret).hasSize(32);
		assertThat(second.getProperty("joat.secret-base64")).isNotEqualTo(first.getProperty("joat.secret-base64"));
	}

	@Test
	void postProcessEnvironmentWhenSecretConfiguredThenUntouched() {
		MockEnvironment environment = new MockEnvironment().withProperty("joat.secret", "configured-secret-of-32-bytes!!!");
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("joat.secret-base64")).isNull();
		assertThat(environment.getPropertySources().contains(RandomSecretEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
			.isFalse();
	}

}
