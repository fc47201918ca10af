package dev.joat.spring.boot;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A real application that fails to start on a {@code joat.*} property: the failure analysis names
 * the property and where it was set (file and line, or the variable and its property source), and
 * never its value.
 */
@ExtendWith(OutputCaptureExtension.class)
class JoatConfigurationFailureOriginTests {

	private static final String YAML_SECRET = "too-short-secret-4711";

	private static final String ENVIRONMENT_SECRET = "not*base64*secret-0815";

	@Test
	void analyzeWhenPropertySetInYamlThenNamesFileAndLineButNotValue(CapturedOutput output) {
		Failure failure = start(new SpringApplicationBuilder(TestResourceServerApplication.class)
			.properties("spring.config.name=joat-failure-origin"));
		FailureAnalysis analysis = new JoatConfigurationFailureAnalyzer(failure.environment()).analyze(failure.exception());
		assertThat(analysis.getDescription()).startsWith("joat is misconfigured: joat.secret is shorter than the 32 bytes")
			.contains("Property: joat.secret")
			.contains("Origin: class path resource [joat-failure-origin.yml] - 4:11")
			.doesNotContain(YAML_SECRET);
		assertThat(analysis.getAction()).doesNotContain(YAML_SECRET);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Origin: class path resource [joat-failure-origin.yml] - 4:11")
			.doesNotContain(YAML_SECRET);
	}

	@Test
	void analyzeWhenPropertySetAsEnvironmentVariableThenNamesVariableButNotValue(CapturedOutput output) {
		Failure failure = start(new SpringApplicationBuilder(TestResourceServerApplication.class)
			.properties("joat.issuer=https://issuer.example")
			.initializers((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("JOAT_SECRET_BASE64", ENVIRONMENT_SECRET)))));
		FailureAnalysis analysis = new JoatConfigurationFailureAnalyzer(failure.environment()).analyze(failure.exception());
		assertThat(analysis.getDescription()).startsWith("joat is misconfigured: joat.secret-base64 is not valid base64")
			.contains("Property: joat.secret-base64")
			.contains("Origin: \"JOAT_SECRET_BASE64\" from property source \"test-systemEnvironment\"")
			.doesNotContain(ENVIRONMENT_SECRET);
		assertThat(analysis.getAction()).doesNotContain(ENVIRONMENT_SECRET);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("\"JOAT_SECRET_BASE64\" from property source \"test-systemEnvironment\"")
			.doesNotContain(ENVIRONMENT_SECRET);
	}

	@Test
	void analyzeWhenPropertySetNowhereThenNamesNoOrigin() {
		Failure failure = start(new SpringApplicationBuilder(TestResourceServerApplication.class)
			.properties("joat.secret=" + JoatAutoConfigurationTests.SECRET));
		FailureAnalysis analysis = new JoatConfigurationFailureAnalyzer(failure.environment()).analyze(failure.exception());
		assertThat(analysis.getDescription()).startsWith("joat is misconfigured: joat.issuer is not set")
			.doesNotContain("Origin:");
	}

	private static Failure start(SpringApplicationBuilder application) {
		AtomicReference<ConfigurableEnvironment> environment = new AtomicReference<>();
		application.web(WebApplicationType.NONE)
			.listeners((event) -> {
				if (event instanceof ApplicationFailedEvent failed && failed.getApplicationContext() != null) {
					environment.set(failed.getApplicationContext().getEnvironment());
				}
			});
		Throwable exception = catchThrowable(() -> application.run().close());
		assertThat(exception).as("start-up failure").isNotNull();
		assertThat(environment.get()).as("environment of the failed application").isNotNull();
		return new Failure(exception, environment.get());
	}

	private record Failure(Throwable exception, ConfigurableEnvironment environment) {
	}

}
