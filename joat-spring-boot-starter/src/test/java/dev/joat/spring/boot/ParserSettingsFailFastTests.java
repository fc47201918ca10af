package dev.joat.spring.boot;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A wrong parser setting stops start-up naming that setting, not a neighbour.
 */
class ParserSettingsFailFastTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
		.withPropertyValues("joat.issuer=https://issuer.example", "joat.secret=" + JoatAutoConfigurationTests.SECRET);

	@Test
	void startupWhenMaxTokenLengthNotPositiveThenFailsNamingMaxTokenLength() {
		this.runner.withPropertyValues("joat.max-token-length=0").run((context) -> {
			JoatConfigurationException ex = configurationFailure(context.getStartupFailure());
			assertThat(ex.getProperty()).isEqualTo("joat.max-token-length");
			assertThat(ex.getMessage()).isEqualTo("joat.max-token-length must be positive; it is 0");
			assertThat(ex.getAction()).isEqualTo("Set joat.max-token-length to a positive number of characters, e.g. 8192.");
		});
	}

	@Test
	void startupWhenClockSkewNegativeThenFailsNamingClockSkewOnly() {
		this.runner.withPropertyValues("joat.clock-skew=-1s").run((context) -> {
			JoatConfigurationException ex = configurationFailure(context.getStartupFailure());
			assertThat(ex.getProperty()).isEqualTo("joat.clock-skew");
			assertThat(ex.getAction()).isEqualTo("Set joat.clock-skew to a duration between 0s and 1d; 60s is the default.");
		});
	}

	private static JoatConfigurationException configurationFailure(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof JoatConfigurationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a JoatConfigurationException in the causes of %s", failure)
			.isInstanceOf(JoatConfigurationException.class);
		return (JoatConfigurationException) cause;
	}

}
