package dev.joat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link SlotPool}: objects are shared between threads (a new thread reuses what another gave
 * back, which a {@link ThreadLocal} never does), never held by two threads at once, and the pool
 * keeps a bounded number of them however many threads use it.
 */
class SlotPoolTests {

	@Test
	void acquireWhenAnotherThreadReleasedThenSameObject() throws Exception {
		SlotPool<Scratch> pool = new SlotPool<>(1, Scratch::new);
		List<Scratch> first = new ArrayList<>();
		Thread firstThread = new Thread(() -> {
			Scratch scratch = pool.acquire();
			pool.release(scratch);
			first.add(scratch);
		});
		firstThread.start();
		firstThread.join(10_000);
		assertThat(first).hasSize(1);
		Thread second = new Thread(() -> {
			Scratch scratch = pool.acquire();
			assertThat(scratch).isSameAs(first.get(0));
			pool.release(scratch);
		});
		AtomicBoolean failed = new AtomicBoolean();
		second.setUncaughtExceptionHandler((thread, ex) -> failed.set(true));
		second.start();
		second.join(10_000);
		assertThat(second.isAlive()).isFalse();
		assertThat(failed).isFalse();
	}

	@Test
	void acquireWhenEverySlotTakenThenFreshObject() {
		SlotPool<Scratch> pool = new SlotPool<>(2, Scratch::new);
		Scratch a = pool.acquire();
		pool.release(a);
		Scratch b = pool.acquire();
		Scratch c = pool.acquire();
		assertThat(b).isSameAs(a);
		assertThat(c).isNotSameAs(a);
	}

	@Test
	void sizeWhenAnyRequestThenPowerOfTwoAtMostMaximum() {
		assertThat(new SlotPool<>(1, Scratch::new).size()).isEqualTo(1);
		assertThat(new SlotPool<>(3, Scratch::new).size()).isEqualTo(4);
		assertThat(new SlotPool<>(8, Scratch::new).size()).isEqualTo(8);
		assertThat(new SlotPool<>(100_000, Scratch::new).size()).isEqualTo(SlotPool.MAX_SLOTS);
		assertThat(new SlotPool<>(Scratch::new).size())
			.isGreaterThanOrEqualTo(Math.min(SlotPool.MAX_SLOTS, Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void acquireWhenManyThreadsThenNoObjectHeldTwiceAndAtMostSizeKept() throws Exception {
		SlotPool<Scratch> pool = new SlotPool<>(4, Scratch::new);
		AtomicInteger doubleUse = new AtomicInteger();
		Set<Scratch> seen = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
		ExecutorService threads = Executors.newFixedThreadPool(16);
		try {
			List<Future<?>> results = new ArrayList<>();
			for (int t = 0; t < 16; t++) {
				results.add(threads.submit(() -> {
					for (int i = 0; i < 20_000; i++) {
						Scratch scratch = pool.acquire();
						seen.add(scratch);
						if (!scratch.inUse.compareAndSet(false, true)) {
							doubleUse.incrementAndGet();
						}
						Thread.onSpinWait();
						scratch.inUse.set(false);
						pool.release(scratch);
					}
				}));
			}
			for (Future<?> result : results) {
				result.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(doubleUse).hasValue(0);
		// Every object made is now either in a slot or garbage: the pool keeps at most its size.
		Set<Scratch> kept = Collections.newSetFromMap(new IdentityHashMap<>());
		for (int i = 0; i < pool.size() * 2; i++) {
			kept.add(pool.acquire());
		}
		assertThat(kept.stream().filter(seen::contains).count()).isLessThanOrEqualTo(pool.size());
	}

	private static final class Scratch extends SlotPool.Member {

		final AtomicBoolean inUse = new AtomicBoolean();

	}

}
