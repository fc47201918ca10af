package dev.joat.revocation.redis;

import java.lang.management.ManagementFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.Revocation;

import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Measures the Redis revocation store on this machine (not a test; run by
 * {@code joat-benchmarks/scripts/redis-revocation.sh} under the benchmark lock): revocations per second one Redis
 * records through {@link RedisRevocationStore}, the propagation delay from a revocation on node A
 * to its visibility on node B, Redis memory per entry ({@code INFO memory} {@code used_memory}
 * delta) and the local replica's heap per entry (heap used after GC).
 */
public final class RedisRevocationMeasurement {

	private static final SecureRandom random = new SecureRandom();

	private RedisRevocationMeasurement() {
	}

	public static void main(String[] args) throws Exception {
		int entries = Integer.parseInt(System.getProperty("entries", "100000"));
		int samples = Integer.parseInt(System.getProperty("samples", "2000"));
		long seconds = Long.parseLong(System.getProperty("seconds", "5"));
		try (RedisServer redis = RedisServer.start(); RedisNodes nodes = new RedisNodes()) {
			RedisRevocation a = nodes.start(redis.port(), (builder) -> builder.maxEntries(10_000_000));
			RedisRevocation b = nodes.start(redis.port(), (builder) -> builder.maxEntries(10_000_000));
			RedisNodes.within(Duration.ofSeconds(10), "nodes fresh", () -> a.list().isFresh() && b.list().isFresh());
			StringRedisTemplate template = nodes.template(redis.port());
			Properties server = template.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("server"));
			System.out.println("redis-server " + server.getProperty("redis_version") + ", one node per Lettuce connection, same JVM");

			for (int threads : new int[] { 1, 4, 16, 64 }) {
				flush(template);
				throughput(a, threads, Duration.ofSeconds(1));
				double perSecond = throughput(a, threads, Duration.ofSeconds(seconds));
				System.out.printf("throughput: %d threads on one node: %.0f revocations/s%n", threads, perSecond);
			}

			flush(template);
			long[] delays = new long[samples];
			for (int i = 0; i < samples; i++) {
				String jti = jti();
				long start = System.nanoTime();
				a.store().revokeToken(jti, Instant.now().plusSeconds(300));
				while (!b.list().isRevoked(jti, "client", null, 0)) {
					Thread.onSpinWait();
				}
				delays[i] = System.nanoTime() - start;
			}
			Arrays.sort(delays);
			System.out.printf("propagation A->B (%d samples, from the revoke call to visible on B): p50 %.3f ms, p90 %.3f ms,"
					+ " p99 %.3f ms, max %.3f ms%n", samples, ms(delays, 0.50), ms(delays, 0.90), ms(delays, 0.99),
					delays[samples - 1] / 1e6);

			flush(template);
			long before = usedMemory(template);
			revokeMany(a, entries, 16);
			long after = usedMemory(template);
			System.out.printf("redis used_memory: %d entries added %d bytes: %.1f bytes/entry (dbsize %d)%n", entries,
					after - before, (after - before) / (double) entries,
					template.execute((RedisCallback<Long>) (connection) -> connection.serverCommands().dbSize()));
			RedisRevocation c = nodes.start(redis.port(), (builder) -> builder.maxEntries(10_000_000));
			long loadStart = System.nanoTime();
			RedisNodes.within(Duration.ofSeconds(60), "node c loaded", () -> c.list().isFresh());
			System.out.printf("start-up load of %d entries by a new node: %.0f ms%n", c.list().entryCount(),
					(System.nanoTime() - loadStart) / 1e6);
		}
		for (int count : new int[] { entries, 300_000 }) {
			heapPerEntry(count);
		}
	}

	private static double throughput(RedisRevocation node, int threads, Duration duration) throws InterruptedException {
		AtomicLong done = new AtomicLong();
		long end = System.nanoTime() + duration.toNanos();
		Thread[] workers = new Thread[threads];
		Instant expiresAt = Instant.now().plusSeconds(600);
		for (int t = 0; t < threads; t++) {
			workers[t] = new Thread(() -> {
				while (System.nanoTime() < end) {
					node.store().revokeToken(jti(), expiresAt);
					done.incrementAndGet();
				}
			});
			workers[t].start();
		}
		long start = System.nanoTime();
		for (Thread worker : workers) {
			worker.join();
		}
		return done.get() / ((System.nanoTime() - start) / 1e9);
	}

	private static void revokeMany(RedisRevocation node, int count, int threads) throws InterruptedException {
		AtomicLong left = new AtomicLong(count);
		Instant expiresAt = Instant.now().plusSeconds(600);
		Thread[] workers = new Thread[threads];
		for (int t = 0; t < threads; t++) {
			workers[t] = new Thread(() -> {
				while (left.getAndDecrement() > 0) {
					node.store().revokeToken(jti(), expiresAt);
				}
			});
			workers[t].start();
		}
		for (Thread worker : workers) {
			worker.join();
		}
	}

	private static void heapPerEntry(int count) {
		Instant expiresAt = Instant.now().plusSeconds(600);
		String[] ids = new String[count];
		for (int i = 0; i < count; i++) {
			ids[i] = jti();
		}
		long before = heapAfterGc();
		InMemoryRevocationStore store = InMemoryRevocationStore.builder().maxEntries(count).build();
		for (String id : ids) {
			store.revoke(Revocation.ofToken(id, expiresAt));
		}
		long after = heapAfterGc();
		System.out.printf("replica heap: %d token entries (22-character jti strings counted separately): %.1f bytes/entry"
				+ " excluding the jti strings, %.1f bytes/entry with them (%d entries held)%n", count,
				(after - before) / (double) count, (after - before + stringBytes(ids)) / (double) count, store.entryCount());
	}

	/** The jti strings exist before the store (a replica receives them as it loads): their size, estimated as the JVM lays them out. */
	private static long stringBytes(String[] ids) {
		// compact Latin-1 String: 24-byte header+fields, byte[]: 16-byte header + 22 bytes padded to 8
		return (long) ids.length * (24 + 16 + 24);
	}

	private static long heapAfterGc() {
		for (int i = 0; i < 4; i++) {
			System.gc();
			RedisServer.sleep(100);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long usedMemory(StringRedisTemplate template) {
		Properties info = template.execute((RedisCallback<Properties>) (connection) -> connection.serverCommands().info("memory"));
		return Long.parseLong(info.getProperty("used_memory"));
	}

	private static void flush(StringRedisTemplate template) {
		template.execute((RedisCallback<Void>) (connection) -> {
			connection.serverCommands().flushAll();
			return null;
		});
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
	}

	/** A 128-bit random token id, base64url: the layout of the ids joat's generator writes. */
	static String jti() {
		byte[] bytes = new byte[16];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
