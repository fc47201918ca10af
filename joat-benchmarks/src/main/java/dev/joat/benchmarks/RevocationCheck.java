package dev.joat.benchmarks;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import dev.joat.InvalidTokenException;
import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.spring.security.JoatJwtDecoder;
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
 * The cost of revocation (issue 17: at most +15% per verification, no allocation added): the
 * parser and the starter's decoder verifying one valid token with a {@code jti}, without a
 * revocation list ({@code off}) and with a warm {@link InMemoryRevocationStore} of 10,000 and
 * 1,000,000 entries, in the same run. The entries are random token ids plus 1% client and 1%
 * subject cut-offs (none matching the token), so every verification does all three look-ups: the
 * most a check costs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class RevocationCheck {

	@Benchmark
	public void parseToken(Setting setting, Blackhole bh) {
		bh.consume(setting.parser.parseToken(setting.token));
	}

	@Benchmark
	public void joatJwtDecoder(Setting setting, Blackhole bh) {
		Verify.consume(setting.decoder.decode(setting.token), bh);
	}

	/** One parser and decoder, with revocation off or a store of {@link #revocation} entries. */
	@State(Scope.Benchmark)
	public static class Setting {

		/** {@code off}, or the number of entries in the store. */
		@Param({ "off", "10000", "1000000" })
		public String revocation;

		TokenParser parser;

		JoatJwtDecoder decoder;

		String token;

		@Setup
		public void setup() {
			TokenParser.Builder builder = TokenParser.builder(SecretResolver.of(BenchmarkTokens.SECRET))
				.issuer(BenchmarkTokens.ISSUER);
			SecureRandom random = new SecureRandom();
			this.token = tokenWithId(randomId(random));
			String revokedToken = null;
			if (!this.revocation.equals("off")) {
				int entries = Integer.parseInt(this.revocation);
				InMemoryRevocationStore store = InMemoryRevocationStore.builder().maxEntries(entries).build();
				Instant expiry = Instant.ofEpochSecond(BenchmarkTokens.EXPIRES_AT);
				Instant cutoff = Instant.ofEpochSecond(BenchmarkTokens.ISSUED_AT);
				int cutoffs = entries / 100;
				for (int i = 0; i < cutoffs; i++) {
					store.revokeClientTokens("client-" + i, cutoff, expiry);
					store.revokeSubjectTokens("user-" + i, cutoff, expiry);
				}
				String revokedId = null;
				for (int i = 2 * cutoffs; i < entries; i++) {
					revokedId = randomId(random);
					store.revokeToken(revokedId, expiry);
				}
				if (store.entryCount() != entries) {
					throw new IllegalStateException("the store holds " + store.entryCount() + " entries, not " + entries);
				}
				builder.revocationList(store);
				revokedToken = tokenWithId(revokedId);
			}
			this.parser = builder.build();
			this.decoder = new JoatJwtDecoder(this.parser);
			this.decoder.decode(this.token);
			if (revokedToken != null) {
				try {
					this.parser.parseToken(revokedToken);
					throw new IllegalStateException("a revoked token was accepted");
				}
				catch (InvalidTokenException ex) {
					if (ex.getReason() != InvalidTokenException.Reason.REVOKED) {
						throw ex;
					}
				}
			}
		}

		private static String tokenWithId(String tokenId) {
			String payload = BenchmarkTokens.payloadJson(BenchmarkTokens.CLIENT_ID, BenchmarkTokens.EXPIRES_AT,
					BenchmarkTokens.SCOPE);
			return BenchmarkTokens.sign(BenchmarkTokens.SECRET,
					payload.substring(0, payload.length() - 1) + ",\"jti\":\"" + tokenId + "\"}");
		}

		/** 128 random bits, base64url: a {@code jti} as the generator writes it. */
		private static String randomId(SecureRandom random) {
			byte[] bits = new byte[16];
			random.nextBytes(bits);
			return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
		}

	}

}
