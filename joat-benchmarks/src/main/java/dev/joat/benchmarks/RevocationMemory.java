package dev.joat.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

import dev.joat.revocation.InMemoryRevocationStore;

/**
 * The heap an {@link InMemoryRevocationStore} takes per revoked token id (a 22-character
 * {@code jti}, as joat's generator writes), measured as the growth of the used heap after a full
 * collection when the store is filled, divided by the entries. Not JMH: one number, run with
 * {@code java -cp joat-benchmarks/target/benchmarks.jar dev.joat.benchmarks.RevocationMemory [entries]}.
 */
public final class RevocationMemory {

	private RevocationMemory() {
	}

	/**
	 * Fills a store and prints the bytes per entry.
	 * @param args the number of entries, 1,000,000 by default
	 */
	public static void main(String[] args) {
		int entries = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		long empty = usedHeapAfterGc();
		SecureRandom random = new SecureRandom();
		String[] tokenIds = new String[entries];
		for (int i = 0; i < entries; i++) {
			byte[] bits = new byte[16];
			random.nextBytes(bits);
			tokenIds[i] = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
		}
		long withIds = usedHeapAfterGc();
		InMemoryRevocationStore store = InMemoryRevocationStore.builder().maxEntries(entries).build();
		Instant expiry = Instant.now().plusSeconds(3600);
		for (int i = 0; i < entries; i++) {
			store.revokeToken(tokenIds[i], expiry.plusMillis(i));
		}
		long filled = usedHeapAfterGc();
		// Only the store refers to the ids now: what it holds per entry, the ids included.
		tokenIds = null;
		long storeAlone = usedHeapAfterGc();
		System.out.printf("%d entries: %.0f B/entry in total (%.0f B of structures + the 22-character jti);"
				+ " used heap %d MB%n", store.entryCount(), (storeAlone - empty) / (double) entries,
				(filled - withIds) / (double) entries, storeAlone / (1024 * 1024));
	}

	private static long usedHeapAfterGc() {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
