package dev.joat.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
 * The parts of {@code Verify.joatJwtDecoder} that are Spring's, not joat's, on the same token:
 * {@link #springJwtGetters} is the claims {@code Verify} reads from a {@link Jwt}
 * ({@code getSubject}, {@code getAudience}, {@code getClaimAsString("iss")},
 * {@code getClaimAsStringList("scp")}, {@code getExpiresAt}), which every decoder that answers a
 * Spring {@code Jwt} pays; {@link #springJwtConstructor} is {@code new Jwt(…)} from plain maps of
 * the same header and claims (it copies both into maps of its own): the least any conversion to a
 * {@code Jwt} costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class DecoderParts {

	@Benchmark
	public void springJwtGetters(Decoded decoded, Blackhole bh) {
		Verify.consume(decoded.jwt, bh);
	}

	@Benchmark
	public Jwt springJwtConstructor(Decoded decoded) {
		Jwt jwt = decoded.jwt;
		return new Jwt(jwt.getTokenValue(), jwt.getIssuedAt(), jwt.getExpiresAt(), decoded.headers, decoded.claims);
	}

	/** The token as joat's decoder answers it, and its header and claims as plain maps. */
	@State(Scope.Benchmark)
	public static class Decoded {

		Jwt jwt;

		Map<String, Object> headers;

		Map<String, Object> claims;

		@Setup
		public void setup() {
			JoatVerifiers.SpringDecoder decoder = new JoatVerifiers.SpringDecoder();
			decoder.setup();
			this.jwt = decoder.decoder.decode(decoder.token);
			this.headers = new LinkedHashMap<>(this.jwt.getHeaders());
			this.claims = new LinkedHashMap<>(this.jwt.getClaims());
		}

	}

}
