package dev.joat.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import dev.joat.spring.boot.actuate.JoatTokenMetrics;
import dev.joat.spring.security.JoatJwtDecoder;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The cost of operability (issue 16: at most +10%): {@link JoatJwtDecoder} verifying one valid
 * token without metrics; with metrics as the starter configures them in an application with
 * Spring Boot's actuator and no tracing (joat's counters and its verification timer, both
 * {@link JoatTokenMetrics}); and with the verification observation recorded by Micrometer's
 * default meter handler instead of that timer (what the starter did before, and what the meter
 * side of an observation costs when tracing makes one) — in the same run.
 *
 * <p>The meters live in a {@link PrometheusMeterRegistry}, as in an application with Spring Boot's
 * actuator and micrometer-registry-prometheus, whose {@code MeterRegistry} bean is that registry
 * itself when it is the only one (a {@code SimpleMeterRegistry} is what Boot falls back to when no
 * monitoring system is configured; its cumulative timer records the same way).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class DecoderMetrics {

	@Benchmark
	public void decoderWithoutMetrics(Plain decoder, Blackhole bh) {
		Verify.consume(decoder.decoder.decode(decoder.token), bh);
	}

	@Benchmark
	public void decoderWithMetrics(Instrumented decoder, Blackhole bh) {
		Verify.consume(decoder.decoder.decode(decoder.token), bh);
	}

	@Benchmark
	public void decoderWithObservation(Observed decoder, Blackhole bh) {
		Verify.consume(decoder.decoder.decode(decoder.token), bh);
	}

	/** The starter's decoder as an application without Micrometer gets it. */
	@State(Scope.Benchmark)
	public static class Plain {

		JoatJwtDecoder decoder;

		String token;

		@Setup
		public void setup() {
			this.decoder = new JoatJwtDecoder(parser().build());
			this.token = BenchmarkTokens.FIXED.valid();
			this.decoder.decode(this.token);
		}

	}

	/**
	 * The starter's decoder as an application with the actuator and without tracing gets it: the
	 * only observation handler is Micrometer's meter handler, so the decoder is timed by
	 * {@link JoatTokenMetrics}, which also counts as the parser's listener.
	 */
	@State(Scope.Benchmark)
	public static class Instrumented {

		JoatJwtDecoder decoder;

		String token;

		@Setup
		public void setup() {
			MeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
			JoatTokenMetrics metrics = new JoatTokenMetrics(meters);
			this.decoder = new JoatJwtDecoder(parser().listener(metrics).build());
			this.decoder.setVerificationTimer(metrics);
			this.token = BenchmarkTokens.FIXED.valid();
			requireCounted(this.decoder.decode(this.token), meters);
		}

	}

	/** The counters, and the observation recorded as a timer by Micrometer's default meter handler. */
	@State(Scope.Benchmark)
	public static class Observed {

		JoatJwtDecoder decoder;

		String token;

		@Setup
		public void setup() {
			MeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
			ObservationRegistry observations = ObservationRegistry.create();
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
			this.decoder = new JoatJwtDecoder(parser().listener(new JoatTokenMetrics(meters)).build());
			this.decoder.setObservationRegistry(observations);
			this.token = BenchmarkTokens.FIXED.valid();
			requireCounted(this.decoder.decode(this.token), meters);
		}

	}

	/** Throws unless the decoder read the token and counted and timed its verification once. */
	static void requireCounted(Jwt jwt, MeterRegistry meters) {
		double counted = meters.get(JoatTokenMetrics.VERIFIED).tag("outcome", "accepted").counter().count();
		long timed = meters.get(JoatTokenMetrics.VERIFICATION).tag("outcome", "accepted").timer().count();
		if (jwt.getSubject() == null || counted != 1 || timed != 1) {
			throw new IllegalStateException("the instrumented decoder did not count and time its verification");
		}
	}

	private static TokenParser.Builder parser() {
		return TokenParser.builder(SecretResolver.of(BenchmarkTokens.SECRET)).issuer(BenchmarkTokens.ISSUER);
	}

}
