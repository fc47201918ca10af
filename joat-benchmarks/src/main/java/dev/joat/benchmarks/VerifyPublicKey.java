package dev.joat.benchmarks;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.concurrent.TimeUnit;

import dev.joat.TokenParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Verifying one access token signed with an asymmetric key (RS256, ES256, EdDSA), on one thread,
 * from the compact string to the claims a resource server uses (subject, client, issuer, scope and
 * expiry, each sent to the {@link Blackhole} as {@link Verify} sends them): joat's
 * {@code parseToken}, joat behind Spring Security's {@code JwtDecoder}, and the other libraries
 * ({@link PublicKeyVerifiers}), against the floor of the JDK's own {@link Signature#verify} over the
 * token's signing input, with the {@code Signature} made and initialised with the public key once.
 * Every row of an algorithm verifies the same token of {@link PublicKeyTokens} and checks the
 * signature, {@code exp}, {@code iss} and {@code aud}.
 *
 * <p>Issue 26's goals: {@code joatParseToken / jdkSignatureFloor} within 1.1 and
 * {@code joatJwtDecoder / jdkSignatureFloor} within 1.2, for each algorithm, with joat ahead of every
 * other library. {@code jdkSignatureUncached}, a {@code Signature} made and initialised for every
 * token, shows what joat's pool of initialised {@code Signature}s saves. Nimbus, Spring's
 * {@code NimbusJwtDecoder}, auth0 {@code java-jwt} and fusionauth-jwt have no EdDSA row (see
 * {@link PublicKeyVerifiers}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class VerifyPublicKey {

	@Benchmark
	public boolean jdkSignatureFloor(Keys keys) throws GeneralSecurityException {
		keys.signature.update(keys.signingInput);
		return keys.signature.verify(keys.signatureBytes);
	}

	@Benchmark
	public boolean jdkSignatureUncached(Keys keys) throws GeneralSecurityException {
		Signature signature = Signature.getInstance(keys.signature.getAlgorithm());
		signature.initVerify(keys.publicKey);
		signature.update(keys.signingInput);
		return signature.verify(keys.signatureBytes);
	}

	@Benchmark
	public void joatParseToken(Keys keys, Blackhole bh) {
		Verify.consume(keys.parser.parseToken(keys.token), bh);
	}

	@Benchmark
	public void joatJwtDecoder(PublicKeyVerifiers.JoatDecoder joat, Blackhole bh) {
		Verify.consume(joat.decoder.decode(joat.token), bh);
	}

	@Benchmark
	public void springNimbusJwtDecoder(PublicKeyVerifiers.SpringNimbusJwtDecoder spring, Blackhole bh) {
		Verify.consume(spring.decoder.decode(spring.token), bh);
	}

	@Benchmark
	public void nimbusJoseJwt(PublicKeyVerifiers.Nimbus nimbus, Blackhole bh) throws Exception {
		Verify.consume(nimbus.verify(nimbus.token), bh);
	}

	@Benchmark
	public void jjwt(PublicKeyVerifiers.Jjwt jjwt, Blackhole bh) {
		Verify.consume(jjwt.parser.parseSignedClaims(jjwt.token).getPayload(), bh);
	}

	@Benchmark
	public void auth0JavaJwt(PublicKeyVerifiers.Auth0 auth0, Blackhole bh) {
		Verify.consume(auth0.verifier.verify(auth0.token), bh);
	}

	@Benchmark
	public void jose4j(PublicKeyVerifiers.Jose4j jose4j, Blackhole bh) throws Exception {
		Verify.consume(jose4j.consumer.processToClaims(jose4j.token), bh);
	}

	@Benchmark
	public void fusionAuthJwt(PublicKeyVerifiers.FusionAuth fusionAuth, Blackhole bh) {
		Verify.consume(fusionAuth.verify(fusionAuth.token), bh);
	}

	/**
	 * The key pair and token of the algorithm ({@link PublicKeyTokens}), joat's parser of the issuer's
	 * key set (one key with a {@code kid}, the issuer and the audience checked), and the floor's
	 * {@code Signature}, initialised with the public key once.
	 */
	@State(Scope.Benchmark)
	public static class Keys {

		@Param({ "RS256", "ES256", "EdDSA" })
		String algorithm;

		TokenParser parser;

		String token;

		Signature signature;

		PublicKey publicKey;

		byte[] signingInput;

		byte[] signatureBytes;

		@Setup
		public void setup() throws GeneralSecurityException {
			PublicKeyTokens keys = PublicKeyTokens.of(this.algorithm);
			this.token = keys.tokens().valid();
			this.signingInput = BenchmarkTokens.signingInputBytes(this.token);
			this.signatureBytes = BenchmarkTokens.signatureBytes(this.token);
			this.parser = TokenParser.withKeys(keys.keySet())
				.issuer(BenchmarkTokens.ISSUER)
				.audience(BenchmarkTokens.CLIENT_ID)
				.build();
			this.publicKey = keys.keyPair().getPublic();
			this.signature = Signature.getInstance(keys.jcaName());
			this.signature.initVerify(this.publicKey);
			SetupCheck.requireVerifier("joat TokenParser (" + this.algorithm + ")", keys.tokens(),
					(token) -> SetupCheck.SeenClaims.of(this.parser.parseToken(token)));
			this.signature.update(this.signingInput);
			boolean valid = this.signature.verify(this.signatureBytes);
			this.signature.update(BenchmarkTokens.signingInputBytes(keys.tokens().tamperedPayload()));
			if (!valid || this.signature.verify(this.signatureBytes)) {
				throw new IllegalStateException("The JDK floor does not verify the " + this.algorithm + " benchmark token");
			}
		}

	}

}
