package dev.joat.spring.boot.actuate;

import dev.joat.SecretResolver;
import dev.joat.spring.boot.JoatAutoConfiguration;
import dev.joat.spring.boot.JoatConfigurationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JoatEndpointAutoConfiguration} (off unless exposed, as every endpoint) and the start-up
 * line that summarises the effective configuration without a secret, in servlet and reactive
 * applications.
 */
@ExtendWith(OutputCaptureExtension.class)
class JoatEndpointAutoConfigurationTests {

	private static final String SECRET = "a-secret-of-at-least-thirty-two-bytes";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class, JoatEndpointAutoConfiguration.class))
		.withPropertyValues("joat.issuer=https://issuer.example", "joat.secret=" + SECRET);

	@Test
	void joatEndpointWhenNotExposedThenAbsent() {
		this.runner.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JoatEndpoint.class));
	}

	@Test
	void joatEndpointWhenExposedThenReportsSingleSecretWithoutKid() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=joat").run((context) -> {
			JoatConfigurationReport report = context.getBean(JoatEndpoint.class).configuration();
			assertThat(report.keySource()).isEqualTo("joat.secret");
			assertThat(report.keys()).containsExactly(new JoatConfigurationReport.Key(null, "HS256", true));
			assertThat(report.toString()).doesNotContain(SECRET);
		});
	}

	@Test
	void joatEndpointWhenReactiveAndExposedThenReportsTheRing() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class, JoatEndpointAutoConfiguration.class))
			.withPropertyValues("joat.issuer=https://issuer.example", "joat.secrets[0].kid=2026-01",
					"joat.secrets[0].secret=" + SECRET, "joat.secrets[1].kid=2026-07",
					"joat.secrets[1].secret=" + SECRET + "-2", "management.endpoints.web.exposure.include=joat")
			.run((context) -> assertThat(context.getBean(JoatEndpoint.class).configuration().keys()).containsExactly(
					new JoatConfigurationReport.Key("2026-01", "HS256", true),
					new JoatConfigurationReport.Key("2026-07", "HS256", false)));
	}

	@Test
	void joatEndpointWhenExposedButDisabledThenAbsent() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=joat", "management.endpoint.joat.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(JoatEndpoint.class));
	}

	@Test
	void joatEndpointWhenActuatorAbsentThenAbsent() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=joat")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JoatEndpoint.class));
	}

	@Test
	void joatEndpointWhenApplicationResolverThenNoKeysListed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=joat")
			.withBean(SecretResolver.class, () -> (header, claims) -> SECRET.getBytes())
			.run((context) -> {
				JoatConfigurationReport report = context.getBean(JoatEndpoint.class).configuration();
				assertThat(report.keySource()).isEqualTo("application");
				assertThat(report.keys()).isEmpty();
			});
	}

	@Test
	void startupWhenServletThenOneInfoLineSummarisesConfigurationWithoutSecret(CapturedOutput output) {
		this.runner.withPropertyValues("joat.audiences=https://api.example").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).containsOnlyOnce("joat: issuer=");
			assertThat(output.getOut().lines().filter((line) -> line.contains("joat: issuer=")))
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.contains("INFO")
				.contains("joat: issuer=https://issuer.example, algorithms=[HS256],"
					+ " profile=pyjoat, token-lifetime=PT1H, clock-skew=PT1M, audiences=[https://api.example],"
					+ " max-token-length=8192, require-at-jwt=false, keys from joat.secret: [(no kid) HS256 signing]");
			assertThat(output).doesNotContain(SECRET);
		});
	}

	@Test
	void startupWhenReactiveRingThenInfoLineListsKidsAndSigningKey(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner().withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
			.withPropertyValues("joat.issuer=https://issuer.example", "joat.secrets[0].kid=2026-01",
					"joat.secrets[0].secret=" + SECRET, "joat.secrets[1].kid=2026-07",
					"joat.secrets[1].secret=" + SECRET + "-2", "joat.signing-kid=2026-07")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("keys from joat.secrets: [2026-01 HS256, 2026-07 HS256 signing]")
					.doesNotContain(SECRET);
			});
	}

	@Test
	void startupWhenConfigurationFailsThenNoSummaryLine(CapturedOutput output) {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
			.withPropertyValues("joat.issuer=https://issuer.example", "joat.secret=short")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(output).doesNotContain("joat: issuer=");
			});
	}

}
