package dev.joat.test.context;

import dev.joat.KeySource;
import dev.joat.spring.boot.JoatConfigurationException;
import dev.joat.spring.security.JwkSetKeySource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * joat-test's test-only secret never reaches a running application: with joat-test on the class
 * path, an application started by {@code SpringApplication} (not by the TestContext framework)
 * and configured with no secret still fails to start, as the starter says it must; and its
 * test-only key never reaches one in keys mode: the key source stays the application's own.
 */
class RunningApplicationTests {

	@Test
	void runWhenJoatTestOnTheClassPathAndNoSecretThenStartupStillFails() {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> application.run("--joat.issuer=https://issuer.example.test",
					"--spring.main.banner-mode=off"))
			.havingRootCause()
			.isInstanceOf(JoatConfigurationException.class)
			.withMessageContaining("no secret is configured");
	}

	@Test
	void runWhenJoatTestOnTheClassPathAndKeysModeThenKeySourceIsNotWrapped() {
		SpringApplication application = new SpringApplication(Application.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		try (ConfigurableApplicationContext context = application.run(
				"--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks",
				"--spring.security.oauth2.resourceserver.jwt.jws-algorithms=ES256",
				"--joat.issuer=https://issuer.example.test", "--spring.main.banner-mode=off")) {
			assertThat(context.getBean(KeySource.class)).isInstanceOf(JwkSetKeySource.class);
			assertThat(context.getBeanNamesForType(TestKey.class)).isEmpty();
			assertThat(context.getEnvironment().getPropertySources().contains(TestSecretContextCustomizer.PROPERTY_SOURCE_NAME))
				.isFalse();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
