package dev.joat.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.concurrent.TimeUnit;

import dev.joat.Credentials;
import dev.joat.KeySet;
import dev.joat.SignatureAlgorithm;
import dev.joat.TokenParser;
import dev.joat.VerificationKey;
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
 * Verifying one access token signed with an asymmetric key (RS256, ES256, EdDSA), on one thread:
 * joat's {@code parseToken} against the floor of the JDK's own {@link Signature#verify} over the
 * token's signing input, with the {@code Signature} made and initialised with the public key once.
 * The ratio {@code joatParseToken / jdkSignatureFloor} is what joat adds to the public-key work;
 * {@code jdkSignatureUncached}, a {@code Signature} made and initialised for every token, shows
 * what joat's pool of initialised {@code Signature}s saves.
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
		Credentials credentials = keys.parser.parseToken(keys.token);
		bh.consume(credentials.userId());
		bh.consume(credentials.clientId());
		bh.consume(credentials.provider());
		bh.consume(credentials.authorizedScope());
		bh.consume(credentials.expiresAt());
	}

	/** One key pair of the algorithm, a token it signed (the benchmark claims), and both verifiers. */
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
			SignatureAlgorithm algorithm = SignatureAlgorithm.fromJwsName(this.algorithm);
			KeyPair pair = switch (algorithm) {
				case RS256 -> generate("RSA", null);
				case ES256 -> generate("EC", "secp256r1");
				default -> generate("Ed25519", null);
			};
			String jca = switch (algorithm) {
				case RS256 -> "SHA256withRSA";
				case ES256 -> "SHA256withECDSAinP1363Format";
				default -> "Ed25519";
			};
			String header = "{\"alg\":\"" + this.algorithm + "\",\"kid\":\"k1\",\"typ\":\"JWT\"}";
			String signingInput = BenchmarkTokens.base64Url(header.getBytes(StandardCharsets.UTF_8)) + '.'
					+ BenchmarkTokens.base64Url(BenchmarkTokens.payloadJson(BenchmarkTokens.CLIENT_ID,
							BenchmarkTokens.EXPIRES_AT, BenchmarkTokens.SCOPE).getBytes(StandardCharsets.UTF_8));
			this.signingInput = signingInput.getBytes(StandardCharsets.US_ASCII);
			Signature signer = Signature.getInstance(jca);
			signer.initSign(pair.getPrivate());
			signer.update(this.signingInput);
			this.signatureBytes = signer.sign();
			this.token = signingInput + '.' + BenchmarkTokens.base64Url(this.signatureBytes);
			this.parser = TokenParser.withKeys(KeySet.of(VerificationKey.of(algorithm, pair.getPublic()).withKeyId("k1")))
				.issuer(BenchmarkTokens.ISSUER)
				.audience(BenchmarkTokens.CLIENT_ID)
				.build();
			this.publicKey = pair.getPublic();
			this.signature = Signature.getInstance(jca);
			this.signature.initVerify(this.publicKey);
			if (!this.parser.parseToken(this.token).clientId().equals(BenchmarkTokens.CLIENT_ID)) {
				throw new IllegalStateException("joat does not verify the benchmark token");
			}
			this.signature.update(this.signingInput);
			if (!this.signature.verify(this.signatureBytes)) {
				throw new IllegalStateException("The JDK floor does not verify the benchmark token");
			}
		}

		private static KeyPair generate(String type, String curve) throws GeneralSecurityException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
			if (curve != null) {
				generator.initialize(new ECGenParameterSpec(curve));
			}
			else if (type.equals("RSA")) {
				generator.initialize(2048);
			}
			return generator.generateKeyPair();
		}

	}

}
