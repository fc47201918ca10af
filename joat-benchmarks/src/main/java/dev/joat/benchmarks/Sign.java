package dev.joat.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Issuing one HS256 access token with the benchmark claims on one thread, from the claims to the
 * compact string. {@link #rawHmacSignFloor} is the floor every other result is compared with.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class Sign {

	@Benchmark
	public byte[] rawHmacSignFloor(Signers.RawHmac floor) {
		return floor.sign();
	}

	@Benchmark
	public String joatIssueToken(Signers.Joat joat) {
		return joat.sign();
	}

	@Benchmark
	public String springNimbusJwtEncoder(Signers.SpringNimbusJwtEncoder spring) {
		return spring.sign();
	}

	@Benchmark
	public String nimbusJoseJwt(Signers.Nimbus nimbus) throws Exception {
		return nimbus.sign();
	}

	@Benchmark
	public String jjwt(Signers.Jjwt jjwt) {
		return jjwt.sign();
	}

	@Benchmark
	public String auth0JavaJwt(Signers.Auth0 auth0) {
		return auth0.sign();
	}

	@Benchmark
	public String jose4j(Signers.Jose4j jose4j) throws Exception {
		return jose4j.sign();
	}

	@Benchmark
	public String fusionAuthJwt(Signers.FusionAuth fusionAuth) {
		return fusionAuth.sign();
	}

}
