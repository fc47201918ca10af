package dev.joat.spring.boot;

import java.util.List;

import dev.joat.InvalidTokenException;
import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code joat.issuer} is required whenever the starter builds a parser: a secret alone would
 * accept tokens of any issuer. {@code joat.accept-any-issuer=true} is the explicit, logged escape.
 */
@ExtendWith(OutputCaptureExtension.class)
class IssuerConfigurationTests {

	private static final String WARNING = "joat.accept-any-issuer=true: bearer tokens from any issuer are accepted, their"
			+ " \"iss\" is not checked. Set joat.issuer instead to accept only your provider's tokens.";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
		.withPropertyValues("joat.secret=" + JoatAutoConfigurationTests.SECRET);

	@Test
	void autoConfigurationWhenNoIssuerThenFailsNamingIssuerAndTheEscape() {
		this.runner.run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo("joat.issuer");
			assertThat(ex.getMessage()).isEqualTo("joat.issuer is not set");
			assertThat(ex.getAction()).isEqualTo("Set joat.issuer to the issuer (\"iss\") of the tokens this application"
					+ " accepts, e.g. https://auth.example.com. Only if tokens from any issuer signed with your secret may"
					+ " pass (PyJOAT never checked \"iss\"), set joat.accept-any-issuer=true instead.");
			assertThat(new JoatConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
				.isEqualTo("joat is misconfigured: joat.issuer is not set");
		});
	}

	@Test
	void autoConfigurationWhenBlankIssuerThenFails() {
		this.runner.withPropertyValues("joat.issuer= ").run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo("joat.issuer");
			assertThat(ex.getMessage()).isEqualTo("joat.issuer is blank");
		});
	}

	@Test
	void autoConfigurationWhenIssuerAndAcceptAnyIssuerThenFailsAsContradictory() {
		this.runner.withPropertyValues("joat.issuer=https://issuer.example", "joat.accept-any-issuer=true")
			.run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).isEqualTo("joat.accept-any-issuer");
				assertThat(ex.getMessage()).isEqualTo("joat.accept-any-issuer=true contradicts joat.issuer");
				assertThat(ex.getAction()).isEqualTo("Remove joat.accept-any-issuer to accept only tokens whose \"iss\" is"
						+ " joat.issuer (the safe choice), or remove joat.issuer to accept tokens from any issuer.");
			});
	}

	@Test
	void autoConfigurationWhenIssuerThenTokensOfOtherIssuersRefused() {
		this.runner.withPropertyValues("joat.issuer=https://issuer.example").run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			assertThat(decoder.decode(token("https://issuer.example")).getIssuer()).hasToString("https://issuer.example");
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token("https://other.example")))
				.withMessage("Wrong issuer: the token's 'iss' is not accepted")
				.withCauseInstanceOf(InvalidTokenException.class);
		});
	}

	@Test
	void autoConfigurationWhenAcceptAnyIssuerThenAnyIssuerAcceptedAndOneWarningLogged(CapturedOutput output) {
		this.runner.withPropertyValues("joat.accept-any-issuer=true").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(TokenGenerator.class);
			TokenParser parser = context.getBean(TokenParser.class);
			assertThat(parser.parseToken(token("https://issuer.example")).provider()).isEqualTo("https://issuer.example");
			assertThat(parser.parseToken(token("https://other.example")).provider()).isEqualTo("https://other.example");
			context.getBean(JwtDecoder.class).decode(token("https://other.example"));
		});
		List<String> warnings = output.getAll().lines().filter((line) -> line.contains("accept-any-issuer")).toList();
		assertThat(warnings).singleElement().asString().contains("WARN").endsWith(WARNING);
	}

	@Test
	void autoConfigurationWhenIssuerThenNoWarningLogged(CapturedOutput output) {
		this.runner.withPropertyValues("joat.issuer=https://issuer.example")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getAll()).doesNotContain("accept-any-issuer");
	}

	private static String token(String issuer) {
		return TokenGenerator.builder(issuer, SecretResolver.of(JoatAutoConfigurationTests.SECRET))
			.build()
			.issueToken("abcd", List.of("read"));
	}

}
