package dev.joat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link RandomTokenIds}: every id is 128 bits in 22 base64url characters, no id is given twice,
 * on one thread or many, and the bits are random (each bit position is set in about half the ids,
 * so an id made from a reserve's zeroed or repeated bytes would show).
 */
class RandomTokenIdsTests {

	@Test
	void nextWhenDrawnManyTimesThenEveryIdIs128BitsIn22Base64UrlCharacters() {
		for (int i = 0; i < 1_000; i++) {
			String id = RandomTokenIds.next();
			assertThat(id).matches("[A-Za-z0-9_-]{22}");
			assertThat(Base64.getUrlDecoder().decode(id)).hasSize(RandomTokenIds.ID_BYTES);
		}
	}

	@Test
	void nextWhenDrawnPastManyReservesThenNoIdTwiceAndEveryBitSetInAboutHalf() {
		int count = 20_000;
		Set<String> ids = new HashSet<>();
		int[] setBits = new int[RandomTokenIds.ID_BYTES * 8];
		for (int i = 0; i < count; i++) {
			String id = RandomTokenIds.next();
			assertThat(ids.add(id)).as("id %s given twice", id).isTrue();
			byte[] bits = Base64.getUrlDecoder().decode(id);
			for (int bit = 0; bit < setBits.length; bit++) {
				if ((bits[bit / 8] & (1 << (bit % 8))) != 0) {
					setBits[bit]++;
				}
			}
		}
		// Binomial(20,000, 1/2): the standard deviation is about 71, so 45%–55% is beyond 14 of them.
		for (int bit = 0; bit < setBits.length; bit++) {
			assertThat(setBits[bit]).as("ids with bit %d set", bit).isBetween(count * 45 / 100, count * 55 / 100);
		}
	}

	@Test
	void nextWhenManyThreadsDrawAtOnceThenNoIdTwice() throws InterruptedException {
		int threads = 8;
		int perThread = 10_000;
		Set<String> ids = ConcurrentHashMap.newKeySet();
		List<String> duplicates = new ArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				try {
					start.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				for (int i = 0; i < perThread; i++) {
					String id = RandomTokenIds.next();
					if (!ids.add(id)) {
						synchronized (duplicates) {
							duplicates.add(id);
						}
					}
				}
			});
			worker.start();
			workers.add(worker);
		}
		start.countDown();
		for (Thread worker : workers) {
			worker.join();
		}
		assertThat(duplicates).isEmpty();
		assertThat(ids).hasSize(threads * perThread);
	}

}
