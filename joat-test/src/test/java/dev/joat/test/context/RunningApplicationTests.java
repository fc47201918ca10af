package dev.joat.test.context;

import dev.joat.spring.boot.JoatConfigurationException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * joat-test's test-only secret never reaches a running application: with joat-test on the class
 * path, an application started by {@code SpringApplication} (not by the TestContext framework)
 * and configured with no secret still fails to start, as the starter says it must.
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

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
