package dev.joat.spring.security;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.spring.boot.JoatAutoConfigurationTests;
import dev.joat.spring.boot.actuate.JoatTokenMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How {@link JoatJwtDecoder} reports each verification: to a
 * {@linkplain JoatJwtDecoder#setVerificationTimer(JoatJwtDecoder.VerificationTimer) verification
 * timer} ({@link JoatTokenMetrics}) or as an observation, with the same outcome, reason and error
 * either way.
 */
class JoatJwtDecoderInstrumentationTests {

	private static final String SECRET = JoatAutoConfigurationTests.SECRET;

	private final MeterRegistry meters = new SimpleMeterRegistry();

	private final JoatTokenMetrics metrics = new JoatTokenMetrics(this.meters);

	private final JoatJwtDecoder decoder = new JoatJwtDecoder(
			TokenParser.builder(SecretResolver.of(SECRET)).listener(this.metrics).build());

	@Test
	void decodeWhenVerificationTimerThenEachOutcomeTimedOnceWithItsReason() {
		this.decoder.setVerificationTimer(this.metrics);
		this.decoder.decode(validToken());
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(validToken() + "x"));
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("not-a-token"));
		assertThat(timed()).containsExactlyInAnyOrder("accepted/none/none 1", "refused/BAD_SIGNATURE/none 1",
				"refused/MALFORMED/none 1");
		assertThat(timer("accepted", "none", "none").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
	}

	@Test
	void decodeWhenVerificationTimerAndValidatorRefusesThenTimedAsRefusedByValidator() {
		this.decoder.setVerificationTimer(this.metrics);
		this.decoder.setJwtValidator(
				(jwt) -> OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "no", null)));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> this.decoder.decode(validToken()));
		assertThat(timed()).containsExactly("refused/validator/none 1");
	}

	@Test
	void decodeWhenVerificationTimerAndValidatorThrowsThenTimedAsFailedWithTheErrorsClass() {
		this.decoder.setVerificationTimer(this.metrics);
		this.decoder.setJwtValidator((jwt) -> {
			throw new IllegalStateException("validator broke");
		});
		assertThatIllegalStateException().isThrownBy(() -> this.decoder.decode(validToken()))
			.withMessage("validator broke");
		assertThat(timed()).containsExactly("failed/none/IllegalStateException 1");
	}

	@Test
	void decodeWhenObservationRegistryThenItWinsOverTheTimerAndTheMeterHandlerMakesTheSameTimer() {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
		this.decoder.setObservationRegistry(observations);
		this.decoder.setVerificationTimer(this.metrics);
		this.decoder.decode(validToken());
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("not-a-token"));
		assertThat(timed()).containsExactlyInAnyOrder("accepted/none/none 1", "refused/MALFORMED/none 1");
	}

	@Test
	void decodeWhenObservedAndValidatorThrowsThenObservationFailedWithTheError() {
		List<String> observed = new ArrayList<>();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new ObservationHandler<Observation.Context>() {

			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getLowCardinalityKeyValue("outcome").getValue() + "/"
						+ context.getLowCardinalityKeyValue("reason").getValue() + "/"
						+ context.getError().getClass().getSimpleName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		this.decoder.setObservationRegistry(observations);
		this.decoder.setJwtValidator((jwt) -> {
			throw new IllegalStateException("validator broke");
		});
		assertThatIllegalStateException().isThrownBy(() -> this.decoder.decode(validToken()));
		assertThat(observed).containsExactly("failed/none/IllegalStateException");
	}

	@Test
	void decodeWhenNeitherTimerNorObservationThenNoTimer() {
		this.decoder.decode(validToken());
		assertThat(timed()).isEmpty();
		assertThat(this.meters.get(JoatTokenMetrics.VERIFIED).tag("outcome", "accepted").counter().count()).isEqualTo(1);
	}

	private List<String> timed() {
		return this.meters.find(JoatTokenMetrics.VERIFICATION)
			.timers()
			.stream()
			.map((timer) -> timer.getId().getTag("outcome") + "/" + timer.getId().getTag("reason") + "/"
					+ timer.getId().getTag("error") + " " + timer.count())
			.collect(Collectors.toList());
	}

	private Timer timer(String outcome, String reason, String error) {
		return this.meters.get(JoatTokenMetrics.VERIFICATION).tags("outcome", outcome, "reason", reason, "error", error).timer();
	}

	private static String validToken() {
		return TokenGenerator.builder("joat", SecretResolver.of(SECRET)).build().issueToken("abcd", List.of("read"));
	}

}
