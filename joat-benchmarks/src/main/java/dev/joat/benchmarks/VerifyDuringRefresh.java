package dev.joat.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.joat.JwkSetParser;
import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.TokenParser;
import dev.joat.VerificationKey;
import dev.joat.spring.security.JwkSetKeySource;
import dev.joat.spring.security.JwkSetStatus;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Whether refreshing an issuer's JWK Set moves the latency of the threads verifying tokens (issue 26
 * §5): joat's {@code parseToken} over the starter's {@link JwkSetKeySource}, its time per token
 * sampled ({@link Mode#SampleTime}, so that JMH reports p50, p99, p99.9 …), with the key set
 * {@code idle} (fetched once, next refresh in an hour), {@code every-100ms} (ten refreshes a
 * second, 3,000 times the default rate) or {@code refreshing}: the same source, told to refresh
 * every millisecond, fetching the set over loopback HTTP from a JDK {@code HttpServer}, parsing it
 * and swapping it in on its own threads, for the whole run (some 200 times a second on 2 cores, a
 * stress test that takes CPU from the verifying thread; each fork prints how many).
 * Each fetch answers another set (the benchmark key beside one of eight others), so that every
 * refresh replaces the keys the verifying thread reads.
 *
 * <p>One verifying thread by default: on a 2-core machine the refresh threads then have a core of
 * their own, and what is measured is whether the verifying thread ever waits for them (it should
 * not: it reads the current set from a volatile field, and its {@code kid} is always known). With
 * {@code -t 2} on 2 cores the refreshes also compete for the CPU, which is worth knowing but is not
 * that question.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch", "-D" + VerifyDuringRefresh.NO_DELAY + "=true" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class VerifyDuringRefresh {

	/**
	 * The JDK {@code HttpServer}'s switch for {@code TCP_NODELAY}: without it, its two writes (the
	 * headers, then the body) meet the client's delayed acknowledgement, 40 ms per fetch.
	 */
	static final String NO_DELAY = "sun.net.httpserver.nodelay";

	@Benchmark
	public void joatParseToken(Issuer issuer, Blackhole bh) {
		Verify.consume(issuer.parser.parseToken(issuer.token), bh);
	}

	/**
	 * The issuer: its JWK Set served on a loopback port, the starter's {@link JwkSetKeySource} over
	 * it (idle or refreshing), and joat's parser over that source, built as the starter builds it for
	 * {@code jwk-set-uri}.
	 */
	@State(Scope.Benchmark)
	public static class Issuer {

		/** How many different sets the issuer answers in turn. */
		static final int SETS = 8;

		/**
		 * The refresh interval (and minimum interval) of the {@code refreshing} source: the shortest
		 * there is, some 200 refreshes a second, a stress test that competes for the CPU.
		 */
		static final Duration REFRESHING = Duration.ofMillis(1);

		/**
		 * The refresh interval of the {@code every-100ms} source: ten refreshes a second, still 3,000
		 * times the default rate of one every five minutes, without taking a core.
		 */
		static final Duration EVERY_100_MS = Duration.ofMillis(100);

		/** The refresh interval of the idle source: longer than any run. */
		static final Duration IDLE = Duration.ofHours(1);

		@Param({ "RS256", "ES256", "EdDSA" })
		String algorithm;

		@Param({ "idle", "every-100ms", "refreshing" })
		String keySet;

		final AtomicLong served = new AtomicLong();

		final AtomicLong refreshed = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		HttpServer server;

		JwkSetKeySource source;

		TokenParser parser;

		String token;

		private byte[][] bodies;

		private long startedAt;

		private Duration interval = IDLE;

		@Setup
		public void setup() throws IOException, GeneralSecurityException {
			PublicKeyTokens keys = PublicKeyTokens.of(this.algorithm);
			this.bodies = new byte[SETS][];
			for (int i = 0; i < SETS; i++) {
				VerificationKey other = VerificationKey.of(keys.algorithm(),
						AsymmetricSigners.generate(keys.algorithm()).getPublic()).withKeyId("other-" + i);
				this.bodies[i] = KeySet.of(keys.verificationKey(), other).toJwkSetJson().getBytes(StandardCharsets.UTF_8);
			}
			// Read once, when the JDK's server is first used: the fork sets it on the command line too.
			System.setProperty(NO_DELAY, "true");
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			this.server.createContext("/jwks.json", this::serve);
			this.server.start();
			this.interval = switch (this.keySet) {
				case "idle" -> IDLE;
				case "every-100ms" -> EVERY_100_MS;
				case "refreshing" -> REFRESHING;
				default -> throw new IllegalArgumentException("keySet is idle, every-100ms or refreshing, not " + this.keySet);
			};
			Duration interval = this.interval;
			boolean refreshing = interval != IDLE;
			this.source = JwkSetKeySource
				.withJwkSetUri("http://127.0.0.1:" + this.server.getAddress().getPort() + "/jwks.json")
				.parser(JwkSetParser.builder().algorithms(keys.algorithm()).build())
				.minimumRefreshInterval(interval)
				.refreshInterval(interval)
				.maxStaleness(IDLE.multipliedBy(2))
				.listener((outcome, status) -> {
					(outcome == JwkSetStatus.Outcome.SUCCESS ? this.refreshed : this.failed).incrementAndGet();
				})
				.build();
			this.startedAt = System.nanoTime();
			this.source.awaitFirstKeys(Duration.ofSeconds(10));
			this.parser = TokenParser.withKeys((KeySource) this.source)
				.signatureAlgorithms(keys.algorithm())
				.issuer(BenchmarkTokens.ISSUER)
				.audience(BenchmarkTokens.CLIENT_ID)
				.build();
			this.token = keys.tokens().valid();
			SetupCheck.requireVerifier("joat TokenParser over a " + this.keySet + " JwkSetKeySource (" + this.algorithm
					+ ")", keys.tokens(), (token) -> SetupCheck.SeenClaims.of(this.parser.parseToken(token)));
			if (refreshing) {
				awaitRefreshes(3, Duration.ofSeconds(10));
			}
		}

		@TearDown
		public void tearDown() {
			// Counted before closing: the refresh that closing cancels is not a failure.
			long refreshed = this.refreshed.get();
			long failed = this.failed.get();
			long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - this.startedAt));
			this.source.close();
			this.server.stop(0);
			String summary = this.keySet + ": " + refreshed + " key sets fetched and swapped in (" + failed
					+ " refreshes failed) in " + seconds + " s, " + refreshed / seconds + " a second";
			System.out.println();
			System.out.println(summary);
			if (failed > 0) {
				throw new IllegalStateException("Some refreshes failed: " + summary);
			}
			// A stalled source would measure idle twice: it must reach half the rate its interval allows.
			long minimumRate = this.keySet.equals("idle") ? 0 : Math.min(10, 500 / this.interval.toMillis());
			if (refreshed / seconds < minimumRate) {
				throw new IllegalStateException("The source did not keep refreshing (fewer than " + minimumRate
						+ " a second): " + summary);
			}
		}

		/** Waits until the source has swapped in {@code count} sets in all, or fails. */
		void awaitRefreshes(long count, Duration timeout) {
			long deadline = System.nanoTime() + timeout.toNanos();
			while (this.refreshed.get() < count) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The JwkSetKeySource refreshed " + this.refreshed.get() + " times in "
							+ timeout.toMillis() + " ms, " + this.failed.get() + " failed: it is not refreshing");
				}
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			}
		}

		private void serve(HttpExchange exchange) throws IOException {
			byte[] body = this.bodies[(int) (this.served.getAndIncrement() % SETS)];
			exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}

	}

}
