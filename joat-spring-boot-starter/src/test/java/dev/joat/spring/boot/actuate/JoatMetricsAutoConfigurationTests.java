package dev.joat.spring.boot.actuate;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.joat.KeysUnavailableException;
import dev.joat.SecretResolver;
import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.spring.boot.JoatAutoConfiguration;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link JoatMetricsAutoConfiguration} and the observation of verifications, in servlet and
 * reactive applications: the counters count accepted and refused tokens by reason and key id of
 * the ring, and no tag ever carries what a client sent.
 */
class JoatMetricsAutoConfigurationTests {

	private static final String ISSUER = "https://issuer.example";

	private static final String OLD = "old-secret-of-at-least-32-bytes!";

	private static final String NEW = "new-secret-of-at-least-32-bytes!";

	private static final String[] RING = { "joat.issuer=" + ISSUER, "joat.secrets[0].kid=2026-01",
			"joat.secrets[0].secret=" + OLD, "joat.secrets[1].kid=2026-07", "joat.secrets[1].secret=" + NEW,
			"joat.signing-kid=2026-07" };

	/** Spring Boot's observation and metrics auto-configuration without tracing, and joat's. */
	private static final AutoConfigurations BOOT_METRICS = AutoConfigurations.of(ObservationAutoConfiguration.class,
			MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
			SimpleMetricsExportAutoConfiguration.class, JoatAutoConfiguration.class, JoatMetricsAutoConfiguration.class);

	private final WebApplicationContextRunner bootRunner = new WebApplicationContextRunner().withConfiguration(BOOT_METRICS)
		.withPropertyValues(RING);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class, JoatMetricsAutoConfiguration.class))
		.withUserConfiguration(Registries.class)
		.withPropertyValues(RING);

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class, JoatMetricsAutoConfiguration.class))
		.withUserConfiguration(Registries.class)
		.withPropertyValues(RING);

	@Test
	void decodeWhenServletAndMeterRegistryThenVerificationsCountedByOutcomeReasonAndKid() {
		this.runner.run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			decoder.decode(issue(context));
			decoder.decode(oldKeyToken());
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(attackerKidToken()));
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode("not-a-token"));
			assertCounted(context);
		});
	}

	@Test
	void decodeWhenReactiveAndMeterRegistryThenVerificationsCountedByOutcomeReasonAndKid() {
		this.reactiveRunner.run((context) -> {
			ReactiveJwtDecoder decoder = context.getBean(ReactiveJwtDecoder.class);
			decoder.decode(issue(context)).block();
			decoder.decode(oldKeyToken()).block();
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(attackerKidToken()).block());
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode("not-a-token").block());
			assertCounted(context);
		});
	}

	@Test
	void decodeWhenObservationRegistryThenEachVerificationObservedWithOutcomeAndReason() {
		this.runner.run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			decoder.decode(issue(context));
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(attackerKidToken()));
			assertThat(context.getBean(Registries.class).observations).containsExactly(
					"joat.tokens.verification outcome=accepted reason=none",
					"joat.tokens.verification outcome=refused reason=UNKNOWN_KEY");
		});
	}

	@Test
	void decodeWhenReactiveAndObservationRegistryThenEachVerificationObserved() {
		this.reactiveRunner.run((context) -> {
			ReactiveJwtDecoder decoder = context.getBean(ReactiveJwtDecoder.class);
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode("not-a-token").block());
			assertThat(context.getBean(Registries.class).observations)
				.containsExactly("joat.tokens.verification outcome=refused reason=MALFORMED");
		});
	}

	@Test
	void decodeWhenBootActuatorWithoutTracingThenTimedByJoatWithoutAnObservation() {
		this.bootRunner.run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			decoder.decode(issue(context));
			assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(attackerKidToken()));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(timed(registry, "accepted", "none")).isEqualTo(1);
			assertThat(timed(registry, "refused", "UNKNOWN_KEY")).isEqualTo(1);
			// Micrometer's meter handler makes this long-task timer for every observation it sees.
			assertThat(registry.find("joat.tokens.verification.active").longTaskTimer()).isNull();
		});
	}

	@Test
	void decodeWhenBootActuatorAndAnotherHandlerBeanThenObservedAndTimedOnce() {
		this.bootRunner.withUserConfiguration(RecordingHandler.class).run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			decoder.decode(issue(context));
			assertThat(context.getBean(RecordingHandler.class).observations)
				.containsExactly("joat.tokens.verification outcome=accepted reason=none");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(timed(registry, "accepted", "none")).isEqualTo(1);
			assertThat(registry.find("joat.tokens.verification.active").longTaskTimer()).isNotNull();
		});
	}

	@Test
	void decodeWhenBootActuatorWithoutTracingAndIssuerKeysUnavailableThenTimedAsUnavailableByKeys() throws Exception {
		keysUnavailableRunner().run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			assertThatExceptionOfType(KeysUnavailableException.class).isThrownBy(() -> decoder.decode(rs256Token()));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry).isInstanceOf(SimpleMeterRegistry.class);
			assertThat(timed(registry, "unavailable", "keys")).isEqualTo(1);
			assertThat(registry.find("joat.tokens.verification").tag("outcome", "failed").timer()).isNull();
			assertThat(registry.find("joat.tokens.verification.active").longTaskTimer()).isNull();
		});
	}

	@Test
	void decodeWhenBootActuatorAndAnotherHandlerBeanAndIssuerKeysUnavailableThenObservedAndTimedTheSame()
			throws Exception {
		keysUnavailableRunner().withUserConfiguration(RecordingHandler.class).run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			assertThatExceptionOfType(KeysUnavailableException.class).isThrownBy(() -> decoder.decode(rs256Token()));
			assertThat(context.getBean(RecordingHandler.class).observations)
				.containsExactly("joat.tokens.verification outcome=unavailable reason=keys");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(timed(registry, "unavailable", "keys")).isEqualTo(1);
			assertThat(registry.find("joat.tokens.verification").tag("outcome", "failed").timer()).isNull();
		});
	}

	@Test
	void decodeWhenReactiveBootActuatorWithoutTracingThenTimedByJoat() {
		new ReactiveWebApplicationContextRunner().withConfiguration(BOOT_METRICS)
			.withPropertyValues(RING)
			.run((context) -> {
				assertThatExceptionOfType(JwtException.class)
					.isThrownBy(() -> context.getBean(ReactiveJwtDecoder.class).decode("not-a-token").block());
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				assertThat(timed(registry, "refused", "MALFORMED")).isEqualTo(1);
				assertThat(registry.find("joat.tokens.verification.active").longTaskTimer()).isNull();
			});
	}

	@Test
	void issueTokenWhenMeterRegistryThenIssuedCountedByAlgorithmKidAndProfile() {
		this.runner.run((context) -> {
			issue(context);
			issue(context);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("joat.tokens.issued").tags("algorithm", "HS256", "kid", "2026-07", "profile", "pyjoat")
				.counter()
				.count()).isEqualTo(2);
			assertThat(registry.get("joat.tokens.issued").counters()).hasSize(1);
		});
	}

	@Test
	void autoConfigurationWhenNoMeterRegistryThenNoMetricsAndParserWithoutListener() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class, JoatMetricsAutoConfiguration.class))
			.withPropertyValues(RING)
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(JoatTokenMetrics.class);
				assertThat(context.getBean(JwtDecoder.class).decode(issue(context)).getSubject()).isEqualTo("abcd");
			});
	}

	@Test
	void autoConfigurationWhenMicrometerAbsentThenBacksOff() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(JoatTokenMetrics.class));
	}

	@Test
	void autoConfigurationWhenUserDefinesMetricsThenBacksOff() {
		this.runner.withBean("myMetrics", JoatTokenMetrics.class, () -> new JoatTokenMetrics(new SimpleMeterRegistry()))
			.run((context) -> assertThat(context).getBean(JoatTokenMetrics.class)
				.isSameAs(context.getBean("myMetrics")));
	}

	private static void assertCounted(ApplicationContext context) {
		MeterRegistry registry = context.getBean(MeterRegistry.class);
		assertThat(verified(registry, "accepted", "none", "2026-07")).isEqualTo(1);
		assertThat(verified(registry, "accepted", "none", "2026-01")).isEqualTo(1);
		assertThat(verified(registry, "refused", "UNKNOWN_KEY", "unknown")).isEqualTo(1);
		assertThat(verified(registry, "refused", "MALFORMED", "none")).isEqualTo(1);
		assertThat(registry.get("joat.tokens.verified").counters().stream().mapToDouble((c) -> c.count()).sum())
			.isEqualTo(4);
		List<String> tagValues = new ArrayList<>();
		for (Meter meter : registry.getMeters()) {
			meter.getId().getTags().stream().map(Tag::getValue).forEach(tagValues::add);
		}
		assertThat(tagValues).doesNotContain("attacker-chosen", "abcd", "not-a-token", "read");
	}

	private static double verified(MeterRegistry registry, String outcome, String reason, String kid) {
		return registry.get("joat.tokens.verified").tags("outcome", outcome, "reason", reason, "kid", kid).counter().count();
	}

	private static long timed(MeterRegistry registry, String outcome, String reason) {
		return registry.get("joat.tokens.verification").tags("outcome", outcome, "reason", reason, "error", "none")
			.timer()
			.count();
	}

	/**
	 * Spring Boot's metrics without tracing, in keys mode with a JWK Set on a loopback port where
	 * nothing listens: the issuer's keys are unavailable.
	 */
	private static WebApplicationContextRunner keysUnavailableRunner() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closedPort = socket.getLocalPort();
		}
		return new WebApplicationContextRunner().withConfiguration(BOOT_METRICS)
			.withPropertyValues("spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:" + closedPort
					+ "/jwks", "joat.issuer=" + ISSUER);
	}

	private static String rs256Token() {
		return TokenGenerator.builder(ISSUER, SigningKey.generate(SignatureAlgorithm.RS256).withKeyId("rsa-1"))
			.build()
			.issueToken("abcd", List.of("read"));
	}

	private static String issue(ApplicationContext context) {
		return context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
	}

	private static String oldKeyToken() {
		return TokenGenerator.builder(ISSUER, SecretResolver.of(OLD.getBytes(StandardCharsets.UTF_8))).keyId("2026-01")
			.build()
			.issueToken("abcd", List.of("read"));
	}

	private static String attackerKidToken() {
		return TokenGenerator.builder(ISSUER, SecretResolver.of(NEW.getBytes(StandardCharsets.UTF_8)))
			.keyId("attacker-chosen")
			.lifetime(Duration.ofMinutes(5))
			.build()
			.issueToken("abcd", List.of("read"));
	}

	/** An observation handler bean that is not a meter handler, as tracing's are. */
	@Configuration(proxyBeanMethods = false)
	static class RecordingHandler {

		final List<String> observations = new ArrayList<>();

		@Bean
		ObservationHandler<Observation.Context> recordingObservationHandler() {
			return new ObservationHandler<>() {

				@Override
				public void onStop(Observation.Context context) {
					RecordingHandler.this.observations.add(context.getName() + " outcome="
							+ context.getLowCardinalityKeyValue("outcome").getValue() + " reason="
							+ context.getLowCardinalityKeyValue("reason").getValue());
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Registries {

		final List<String> observations = new ArrayList<>();

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		ObservationRegistry observationRegistry() {
			ObservationRegistry registry = ObservationRegistry.create();
			registry.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {

				@Override
				public void onStop(Observation.Context context) {
					Registries.this.observations.add(context.getName() + " outcome="
							+ context.getLowCardinalityKeyValue("outcome").getValue() + " reason="
							+ context.getLowCardinalityKeyValue("reason").getValue());
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

			});
			return registry;
		}

	}

}
