package dev.joat.benchmarks;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import dev.joat.Credentials;
import dev.joat.TokenParser;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Verifying and issuing on a fresh virtual thread per operation, as a Boot app with
 * {@code spring.threads.virtual.enabled=true} handles each request, beside the same work on the
 * warm JMH worker thread (a platform thread) and an empty virtual thread started and joined the
 * same way. A fresh thread's cost of joat is its row minus {@link #emptyVirtualThread}, in time
 * and in B/op; per-thread caches show up there as the cost of building them on every thread. As
 * that difference is small beside the thread start, the parse rows also time each verification
 * inside its thread ({@link InThread}'s counters {@code verifyNanos} and {@code verifies}), on the
 * platform thread the same way, and so do two rows of the raw HMAC floor, the control.
 *
 * <p>Needs JDK 21 or later (run the jar with that JDK); compiled for Java 17, it finds
 * {@code Thread.ofVirtual()} by reflection, and on an older JDK its setup fails with a message
 * instead of measuring anything.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class VirtualThreads {

	@Benchmark
	public boolean rawHmacFloor(Verifiers.RawHmac floor) {
		return floor.verify(floor.signingInput, floor.signature);
	}

	/** The floor on the warm worker thread, timed as the fresh threads time their work. */
	@Benchmark
	public boolean rawHmacFloorPlatformThread(Verifiers.RawHmac floor, InThread timed) {
		FloorTask task = new FloorTask(floor);
		task.run();
		timed.add(task.nanos);
		return task.verified;
	}

	/**
	 * The floor on a fresh virtual thread, timed inside it: the control for the parse rows' timing
	 * inside the thread. Work that runs right after a thread start finds the caches less warm than in
	 * a loop on one thread, whatever the work; this row shows how much so for the HMAC alone.
	 */
	@Benchmark
	public boolean rawHmacFloorFreshVirtualThread(Virtual virtual, Verifiers.RawHmac floor, InThread timed)
			throws InterruptedException {
		FloorTask task = new FloorTask(floor);
		virtual.run(task);
		timed.add(task.nanos);
		return task.verified;
	}

	/** On the warm worker thread, as {@link Verify#joatParseToken} measures it, also timed as the fresh threads time it. */
	@Benchmark
	public void joatParseTokenPlatformThread(JoatVerifiers.FixedSecret joat, InThread timed, Blackhole bh) {
		ParseTask task = new ParseTask(joat.parser, joat.token);
		task.run();
		timed.add(task.nanos);
		Verify.consume(task.credentials, bh);
	}

	/** Starting and joining a virtual thread that does nothing: what the fresh-thread rows subtract. */
	@Benchmark
	public void emptyVirtualThread(Virtual virtual, JoatVerifiers.FixedSecret joat, InThread timed, Blackhole bh)
			throws InterruptedException {
		ParseTask task = new ParseTask(null, joat.token);
		virtual.run(task);
		timed.add(task.nanos);
		bh.consume(task.credentials);
	}

	@Benchmark
	public void joatParseTokenFreshVirtualThread(Virtual virtual, JoatVerifiers.FixedSecret joat, InThread timed,
			Blackhole bh)
			throws InterruptedException {
		ParseTask task = new ParseTask(joat.parser, joat.token);
		virtual.run(task);
		timed.add(task.nanos);
		Verify.consume(task.credentials, bh);
	}

	/** On the warm worker thread, as {@link Sign#joatIssueToken} measures it. */
	@Benchmark
	public String joatIssueTokenPlatformThread(Signers.Joat joat) {
		return joat.sign();
	}

	@Benchmark
	public String joatIssueTokenFreshVirtualThread(Virtual virtual, Signers.Joat joat) throws InterruptedException {
		IssueTask task = new IssueTask(joat);
		virtual.run(task);
		return task.token;
	}

	/** Starts each task on a new virtual thread and waits for it. */
	@State(Scope.Thread)
	public static class Virtual {

		private ThreadFactory factory;

		@Setup
		public void setup() {
			try {
				Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
				this.factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException("VirtualThreads needs JDK 21 or later; this is "
						+ System.getProperty("java.version"), ex);
			}
		}

		void run(Runnable task) throws InterruptedException {
			Thread thread = this.factory.newThread(task);
			thread.start();
			thread.join();
		}

	}

	/**
	 * The time of the verifications themselves, measured inside the thread that ran them
	 * ({@code System.nanoTime} around {@code parseToken}): thread start excluded by construction.
	 * JMH reports the two counters per iteration; {@code verifyNanos / verifies} is the mean.
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class InThread {

		public long verifyNanos;

		public long verifies;

		@Setup(Level.Iteration)
		public void reset() {
			this.verifyNanos = 0;
			this.verifies = 0;
		}

		void add(long nanos) {
			this.verifyNanos += nanos;
			this.verifies++;
		}

	}

	/** Verifies the token, or does nothing when there is no parser; the same object either way. */
	static final class ParseTask implements Runnable {

		private final TokenParser parser;

		private final String token;

		Credentials credentials;

		long nanos;

		ParseTask(TokenParser parser, String token) {
			this.parser = parser;
			this.token = token;
		}

		@Override
		public void run() {
			long start = System.nanoTime();
			if (this.parser != null) {
				this.credentials = this.parser.parseToken(this.token);
			}
			this.nanos = System.nanoTime() - start;
		}

	}

	/** Checks the floor's signature once, timed like {@link ParseTask}. */
	static final class FloorTask implements Runnable {

		private final Verifiers.RawHmac floor;

		boolean verified;

		long nanos;

		FloorTask(Verifiers.RawHmac floor) {
			this.floor = floor;
		}

		@Override
		public void run() {
			long start = System.nanoTime();
			this.verified = this.floor.verify(this.floor.signingInput, this.floor.signature);
			this.nanos = System.nanoTime() - start;
		}

	}

	static final class IssueTask implements Runnable {

		private final Signers.Joat joat;

		String token;

		IssueTask(Signers.Joat joat) {
			this.joat = joat;
		}

		@Override
		public void run() {
			this.token = this.joat.sign();
		}

	}

}
