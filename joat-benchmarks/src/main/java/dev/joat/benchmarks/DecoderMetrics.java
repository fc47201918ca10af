package dev.joat.benchmarks;

import java.util.concurrent.TimeUnit;

import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import dev.joat.spring.boot.JoatJwtDecoder;
import dev.joat.spring.boot.JoatTokenMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
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
 * token without metrics, and with joat's counters ({@link JoatTokenMetrics}) and the
 * verification observation recorded as a timer by Micrometer's default handler, in the same run.
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

	/** The starter's decoder as an application with the actuator gets it: counters and a timed observation. */
	@State(Scope.Benchmark)
	public static class Instrumented {

		JoatJwtDecoder decoder;

		String token;

		MeterRegistry meters;

		@Setup
		public void setup() {
			this.meters = new SimpleMeterRegistry();
			ObservationRegistry observations = ObservationRegistry.create();
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(this.meters));
			this.decoder = new JoatJwtDecoder(parser().listener(new JoatTokenMetrics(this.meters)).build());
			this.decoder.setObservationRegistry(observations);
			this.token = BenchmarkTokens.FIXED.valid();
			Jwt jwt = this.decoder.decode(this.token);
			double counted = this.meters.get(JoatTokenMetrics.VERIFIED).tag("outcome", "accepted").counter().count();
			if (jwt.getSubject() == null || counted != 1) {
				throw new IllegalStateException("the instrumented decoder did not count its verification");
			}
		}

	}

	private static TokenParser.Builder parser() {
		return TokenParser.builder(SecretResolver.of(BenchmarkTokens.SECRET)).issuer(BenchmarkTokens.ISSUER);
	}

}
