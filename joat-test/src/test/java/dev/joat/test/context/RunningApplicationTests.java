package dev.joat.test.context;

import java.util.Objects;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.SecretResolver;
import dev.joat.SignatureAlgorithm;
import dev.joat.spring.security.DelegatingKeySource;
import dev.joat.test.JoatTestTokens;
import dev.joat.spring.boot.JoatConfigurationException;
import dev.joat.spring.security.JwkSetKeySource;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * joat-test's test-only secret never reaches a running application: with joat-test on the class
 * path, an application started by {@code SpringApplication} (not by the TestContext framework)
 * and configured with no secret still fails to start, as the starter says it must; and its
 * test-only key never reaches one in keys mode, from Spring Boot's properties or from the
 * application's own {@code KeySource} bean: the key source stays the application's own.
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

	@Test
	void runWhenJoatTestOnTheClassPathAndApplicationKeySetThenNeitherTestKeyNorTestSecret() {
		SpringApplication application = new SpringApplication(ApplicationWithKeySet.class);
		application.setWebApplicationType(WebApplicationType.NONE);

		try (ConfigurableApplicationContext context = application.run("--joat.issuer=https://issuer.example.test",
				"--spring.main.banner-mode=off")) {
			KeySource keySource = context.getBean(KeySource.class);
			assertThat(keySource).isSameAs(ApplicationWithKeySet.KEYS).isNotInstanceOf(DelegatingKeySource.class);
			assertThat(context.getBeanNamesForType(TestKey.class)).isEmpty();
			assertThat(context.getBeanNamesForType(SecretResolver.class)).isEmpty();
			assertThat(context.getEnvironment().getProperty("joat.secret-base64")).isNull();
			assertThat(context.getEnvironment().getPropertySources().contains(TestSecretContextCustomizer.PROPERTY_SOURCE_NAME))
				.isFalse();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ApplicationWithKeySet {

		static final KeySet KEYS = KeySet.of(Objects.requireNonNull(
				JoatTestTokens.withNewKey("https://issuer.example.test", SignatureAlgorithm.ES256, "app-key-1")
					.verificationKey()));

		@Bean
		KeySet applicationKeys() {
			return KEYS;
		}

	}

}
