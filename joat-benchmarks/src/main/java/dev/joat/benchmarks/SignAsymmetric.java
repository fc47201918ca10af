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
 * Issuing one access token with a private key (ES256, EdDSA, RS256) on one thread, from the claims
 * to the compact string, with the benchmark claims. {@link #jdkSignatureFloor} is the floor every
 * other result is compared with: the JDK's {@code Signature.sign} with a cached, initialised key
 * over the same signing input, which is most of the cost of every library here. Issue 27's goal is
 * joat within 1.1x of it for ES256 and EdDSA. fusionauth-jwt 5.3 has no EdDSA signer, and Nimbus
 * signs Ed25519 only through Google Tink, which this build does not take on: both run ES256 and
 * RS256 only.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class SignAsymmetric {

	@Benchmark
	public byte[] jdkSignatureFloor(AsymmetricSigners.JdkSignature floor) throws Exception {
		return floor.sign();
	}

	@Benchmark
	public String joatIssueToken(AsymmetricSigners.Joat joat) {
		return joat.sign();
	}

	@Benchmark
	public String nimbusJoseJwt(AsymmetricSigners.Nimbus nimbus) throws Exception {
		return nimbus.sign();
	}

	@Benchmark
	public String jjwt(AsymmetricSigners.Jjwt jjwt) {
		return jjwt.sign();
	}

	@Benchmark
	public String fusionAuthJwt(AsymmetricSigners.FusionAuth fusionAuth) {
		return fusionAuth.sign();
	}

}
