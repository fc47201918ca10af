package dev.joat;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * A small, fixed set of reusable scratch objects (parse buffers, keyed {@code Mac}s) shared by
 * every thread: a thread takes one out of a slot with an atomic swap and puts it back when done.
 * Unlike a {@link ThreadLocal} it costs the same on a fresh virtual thread as on a warm platform
 * thread, and its memory does not grow with the number of threads: it holds at most
 * {@link #size()} objects, twice the number of processors rounded up to a power of two (at most
 * {@value #MAX_SLOTS}).
 *
 * <p>A thread starts at the slot its thread id picks and tries a few more; when all are taken
 * (more threads than processors running parses at the same instant) it gets a fresh object, which
 * it leaves in its first slot when done, replacing whatever object is there. Slots are spread a
 * cache line apart so that threads on different cores do not slow each other down. An object is
 * in a slot only while no thread uses it, and leaves it by the atomic swap, so no two threads
 * ever hold the same one. Thread-safe.
 *
 * @param <T> the type of the pooled objects, which must be safe to hand from one thread to another
 * after use (they are published by the slot's release write)
 */
final class SlotPool<T extends SlotPool.Member> {

	/** The most slots a pool has, whatever the number of processors. */
	static final int MAX_SLOTS = 256;

	/** Slots looked at before a fresh object is made. */
	private static final int PROBES = 4;

	/** Array elements between two slots: 64 bytes with compressed references, 128 without. */
	private static final int SPREAD = 16;

	private final AtomicReferenceArray<T> slots;

	private final int mask;

	private final Supplier<? extends T> factory;

	SlotPool(Supplier<? extends T> factory) {
		this(Runtime.getRuntime().availableProcessors() * 2, factory);
	}

	/** A pool of {@code size} slots, rounded up to a power of two and bounded by {@link #MAX_SLOTS}. */
	SlotPool(int size, Supplier<? extends T> factory) {
		int slots = Integer.highestOneBit(Math.max(1, Math.min(size, MAX_SLOTS) * 2 - 1));
		this.mask = slots - 1;
		this.slots = new AtomicReferenceArray<>(slots * SPREAD);
		this.factory = factory;
	}

	/** The number of slots, each holding at most one idle object. */
	int size() {
		return this.mask + 1;
	}

	/**
	 * An idle object from a slot near the one this thread's id picks, or a fresh one; the caller
	 * must {@link #release(Member) release} it, and use it on one thread until then.
	 */
	T acquire() {
		// Thread.getId (threadId is JDK 19+): consecutive ids, such as one virtual thread per
		// request, spread over consecutive slots.
		@SuppressWarnings("deprecation")
		int home = (int) Thread.currentThread().getId() & this.mask;
		for (int probe = 0; probe < PROBES && probe <= this.mask; probe++) {
			int slot = (home + probe) & this.mask;
			int index = slot * SPREAD;
			// A read first: a taken slot is seen without writing to its cache line.
			if (this.slots.get(index) != null) {
				T idle = this.slots.getAndSet(index, null);
				if (idle != null) {
					idle.slot = slot;
					return idle;
				}
			}
		}
		T fresh = this.factory.get();
		fresh.slot = home;
		return fresh;
	}

	/**
	 * Gives back an object from {@link #acquire()} that its thread no longer uses, to the slot it
	 * came from (a fresh one to the thread's first slot), taking the place of any object there.
	 */
	void release(T object) {
		this.slots.lazySet(object.slot * SPREAD, object);
	}

	/** What a pool holds: an object that remembers its slot while it is out of the pool. */
	abstract static class Member {

		/** The slot this object goes back to; written by its pool only. */
		int slot;

	}

}
