package dev.joat.spring.boot;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.joat.revocation.InMemoryRevocationStore;

import org.springframework.context.SmartLifecycle;

/**
 * Gives back the memory of expired entries of the starter's {@link InMemoryRevocationStore}
 * periodically, on one daemon thread, while the application runs: the store removes them on every
 * write too, but revocations may be rare. Thread-safe.
 */
final class ExpiredRevocationRemoval implements SmartLifecycle {

	private final List<InMemoryRevocationStore> stores;

	private final Duration interval;

	private ScheduledExecutorService executor;

	ExpiredRevocationRemoval(List<InMemoryRevocationStore> stores, Duration interval) {
		this.stores = List.copyOf(stores);
		this.interval = interval;
	}

	@Override
	public synchronized void start() {
		if (this.executor != null || this.stores.isEmpty()) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "joat-revocation-expiry");
			thread.setDaemon(true);
			return thread;
		});
		long millis = this.interval.toMillis();
		this.executor.scheduleWithFixedDelay(() -> this.stores.forEach(InMemoryRevocationStore::removeExpired), millis,
				millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
