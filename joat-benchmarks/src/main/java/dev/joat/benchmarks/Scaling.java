package dev.joat.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Throughput of one parser shared by one thread and by as many threads as there are processors,
 * beside the raw-HMAC floor on as many threads (one {@code Mac} each), which shows how far the
 * machine itself scales. joat scaling like the floor means its parse has no shared-state
 * contention.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class Scaling {

	@Benchmark
	@Threads(1)
	public boolean rawHmacFloorOneThread(Verifiers.RawHmac floor) {
		return floor.verify(floor.signingInput, floor.signature);
	}

	@Benchmark
	@Threads(Threads.MAX)
	public boolean rawHmacFloorAllThreads(Verifiers.RawHmac floor) {
		return floor.verify(floor.signingInput, floor.signature);
	}

	@Benchmark
	@Threads(1)
	public void joatParseTokenOneThread(JoatVerifiers.FixedSecret joat, Blackhole bh) {
		Verify.consume(joat.parser.parseToken(joat.token), bh);
	}

	@Benchmark
	@Threads(Threads.MAX)
	public void joatParseTokenAllThreads(JoatVerifiers.FixedSecret joat, Blackhole bh) {
		Verify.consume(joat.parser.parseToken(joat.token), bh);
	}

}
