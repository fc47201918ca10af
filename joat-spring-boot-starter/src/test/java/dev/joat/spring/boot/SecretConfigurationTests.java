package dev.joat.spring.boot;

import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A secret property that is blank or still holds an unresolved placeholder never becomes the HMAC
 * secret: startup fails naming the exact property, and the report never shows the value.
 */
class SecretConfigurationTests {

	private static final String MISSING = "JOAT_TEST_VARIABLE_THAT_IS_NEVER_SET_0123456789";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
		.withPropertyValues("joat.issuer=https://issuer.example");

	@Test
	void secretWhenUnresolvedPlaceholderLongEnoughForHs256ThenFailsNamingPropertyAndVariable() {
		// 54 characters: without the check the literal text would be a valid HS256 secret.
		this.runner.withPropertyValues("joat.secret=${" + MISSING + "}").run((context) -> {
			JoatConfigurationException ex = failure(context);
			assertThat(ex.getProperty()).isEqualTo("joat.secret");
			assertThat(ex.getMessage()).isEqualTo("joat.secret is the placeholder ${" + MISSING + "}, which did not resolve");
			assertThat(ex.getAction()).isEqualTo("Set " + MISSING + " (an environment variable or a property) to the"
					+ " secret, or set joat.secret itself. A secret containing '${' is always refused, so that a missing"
					+ " variable never becomes the secret.");
			FailureAnalysis analysis = new JoatConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("joat is misconfigured: joat.secret is the placeholder ${" + MISSING + "}, which did not resolve");
			assertThat(analysis.getAction()).isEqualTo(ex.getAction());
		});
	}

	@Test
	void secretWhenShortUnresolvedPlaceholderThenPlaceholderReportedNotLength() {
		this.runner.withPropertyValues("joat.secret=${JOAT_SECRET}")
			.run((context) -> assertThat(failure(context).getMessage())
				.isEqualTo("joat.secret is the placeholder ${JOAT_SECRET}, which did not resolve"));
	}

	@Test
	void secretBase64WhenUnresolvedPlaceholderThenFailsNamingProperty() {
		this.runner.withPropertyValues("joat.secret-base64=${" + MISSING + "}").run((context) -> {
			JoatConfigurationException ex = failure(context);
			assertThat(ex.getProperty()).isEqualTo("joat.secret-base64");
			assertThat(ex.getMessage())
				.isEqualTo("joat.secret-base64 is the placeholder ${" + MISSING + "}, which did not resolve");
		});
	}

	@Test
	void secretsWhenSecondKeyHasUnresolvedPlaceholderThenFailsNamingItsIndex() {
		this.runner
			.withPropertyValues("joat.secrets[0].kid=a", "joat.secrets[0].secret=" + JoatAutoConfigurationTests.SECRET,
					"joat.secrets[1].kid=b", "joat.secrets[1].secret=${" + MISSING + "}")
			.run((context) -> {
				JoatConfigurationException ex = failure(context);
				assertThat(ex.getProperty()).isEqualTo("joat.secrets[1].secret");
				assertThat(ex.getMessage())
					.isEqualTo("joat.secrets[1].secret is the placeholder ${" + MISSING + "}, which did not resolve");
				assertThat(new JoatConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
					.isEqualTo("joat is misconfigured: joat.secrets[1].secret is the placeholder ${" + MISSING
							+ "}, which did not resolve");
			});
		// Spring falls back to the default, itself a placeholder that does not resolve: that one is named.
		this.runner.withPropertyValues("joat.secrets[0].kid=a", "joat.secrets[0].secret-base64=${" + MISSING + ":${"
				+ MISSING + "_TOO}}").run((context) -> {
					JoatConfigurationException ex = failure(context);
					assertThat(ex.getProperty()).isEqualTo("joat.secrets[0].secret-base64");
					assertThat(ex.getMessage()).isEqualTo("joat.secrets[0].secret-base64 is the placeholder ${" + MISSING
							+ "_TOO}, which did not resolve");
				});
	}

	@Test
	void secretWhenPlaceholderInsideOtherTextThenFailsWithoutShowingTheText() {
		String secret = "s3cr3t-material-that-must-not-leak-${" + MISSING + "}";
		this.runner.withPropertyValues("joat.secret=" + secret).run((context) -> {
			JoatConfigurationException ex = failure(context);
			assertThat(ex.getMessage()).isEqualTo("joat.secret contains '${', a placeholder that did not resolve");
			assertThat(ex.getMessage() + ex.getAction()).doesNotContain("s3cr3t", "must-not-leak");
			assertThat(ex.getAction()).isEqualTo("Define the variable the placeholder names (an environment variable or a"
					+ " property), or set joat.secret without '${'. If the secret really contains '${', give it"
					+ " base64-encoded as a secret-base64 property.");
		});
	}

	@Test
	void secretWhenResolvedPlaceholderThenStarts() {
		this.runner.withPropertyValues("joat.secret=${test.secret}", "test.secret=" + JoatAutoConfigurationTests.SECRET)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void secretWhenSecretReallyContainsDollarBraceThenBase64Accepted() {
		String secret = "0123456789abcdef${0123456789abcdef";
		this.runner.withPropertyValues("joat.secret-base64=" + Base64.getEncoder().encodeToString(secret.getBytes()))
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "\t  " })
	void secretWhenBlankThenFailsNamingProperty(String blank) {
		this.runner.withPropertyValues("joat.secret=" + blank).run((context) -> {
			JoatConfigurationException ex = failure(context);
			assertThat(ex.getProperty()).isEqualTo("joat.secret");
			assertThat(ex.getMessage()).isEqualTo("joat.secret is blank");
			assertThat(ex.getAction()).isEqualTo("Set joat.secret to a secret of at least 32 random bytes. If it is a"
					+ " placeholder such as ${JOAT_SECRET}, its variable is set but empty.");
		});
	}

	@Test
	void secretWhenPlaceholderResolvesToEmptyThenFailsAsBlank() {
		this.runner.withPropertyValues("joat.secrets[0].kid=a", "joat.secrets[0].secret=${test.secret:}")
			.run((context) -> {
				JoatConfigurationException ex = failure(context);
				assertThat(ex.getProperty()).isEqualTo("joat.secrets[0].secret");
				assertThat(ex.getMessage()).isEqualTo("joat.secrets[0].secret is blank");
			});
		this.runner.withPropertyValues("joat.secret-base64=${test.secret:  }")
			.run((context) -> assertThat(failure(context).getMessage()).isEqualTo("joat.secret-base64 is blank"));
	}

	static JoatConfigurationException failure(AssertableWebApplicationContext context) {
		assertThat(context).hasFailed();
		Throwable cause = context.getStartupFailure();
		while (cause != null && !(cause instanceof JoatConfigurationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a JoatConfigurationException in the causes of %s", context.getStartupFailure()).isNotNull();
		return (JoatConfigurationException) cause;
	}

}
