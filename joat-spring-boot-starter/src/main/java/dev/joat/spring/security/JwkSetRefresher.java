package dev.joat.spring.security;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.joat.JwkSetException;
import dev.joat.JwkSetParser;
import dev.joat.KeySet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The refreshing half of {@link JwkSetKeySource}: the last good keys, the refresh that runs (at
 * most one: single-flight), the next one scheduled, and what the last one said. Refreshes run on two
 * daemon threads of its own: one fetches, the other schedules and cancels a fetch that outlasts its
 * deadline. Thread-safe.
 */
final class JwkSetRefresher {

	private static final Log logger = LogFactory.getLog(JwkSetKeySource.class);

	private static final AtomicInteger THREADS = new AtomicInteger();

	private static final long FIRST_RETRY_MILLIS = 1000;

	/** The least time between two WARN lines of one kind: a failing issuer or listener cannot flood the log. */
	private static final Duration WARNING_INTERVAL = Duration.ofMinutes(1);

	private final URI source;

	private final @Nullable IssuerDiscovery discovery;

	private final IssuerHttp http;

	private final JwkSetParser parser;

	private final JwkSetRefreshTiming timing;

	private final long fetchTimeoutMillis;

	private final Clock clock;

	private final @Nullable JwkSetListener listener;

	private final RateLimitedLog warnings;

	/** The listener's failures: a fault of its own, reported apart so that neither hides the other. */
	private final RateLimitedLog listenerFailures;

	private final ScheduledExecutorService executor;

	private final CompletableFuture<Void> firstKeys = new CompletableFuture<>();

	private volatile @Nullable URI jwkSetUri;

	private volatile Snapshot snapshot = Snapshot.NONE;

	private volatile JwkSetStatus.@Nullable Outcome lastOutcome;

	private volatile @Nullable String lastFailure;

	private volatile @Nullable Instant lastRefresh;

	private volatile long retryDelayMillis = FIRST_RETRY_MILLIS;

	private final Object lock = new Object();

	/** The last refresh started; written under the lock, read without it on the fast path. */
	private volatile @Nullable CompletableFuture<Void> inFlight;

	/** The fetch of the last refresh started: done once its result is in, before it is recorded. */
	private volatile @Nullable CompletableFuture<Attempt> fetching;

	private volatile boolean attempted;

	private volatile long lastAttemptMillis;

	private int failures;

	private @Nullable ScheduledFuture<?> next;

	private boolean closed;

	/**
	 * Creates a refresher; {@link #start()} starts it.
	 * @param source the configured JWK Set URI or issuer
	 * @param discovery the discovery of the JWK Set URI, or {@code null} when {@code source} is it
	 * @param http the fetcher
	 * @param parser the parser of fetched sets
	 * @param timing when to refresh
	 * @param fetchTimeout the connect plus the read timeout
	 * @param clock the clock of fetch times and intervals
	 * @param listener told each outcome, or {@code null}
	 */
	JwkSetRefresher(URI source, @Nullable IssuerDiscovery discovery, IssuerHttp http, JwkSetParser parser,
			JwkSetRefreshTiming timing, Duration fetchTimeout, Clock clock, @Nullable JwkSetListener listener) {
		this.source = source;
		this.discovery = discovery;
		this.jwkSetUri = (discovery != null) ? null : source;
		this.http = http;
		this.parser = parser;
		this.timing = timing;
		this.fetchTimeoutMillis = fetchTimeout.toMillis();
		this.clock = clock;
		this.listener = listener;
		this.warnings = new RateLimitedLog(logger, WARNING_INTERVAL, clock);
		this.listenerFailures = new RateLimitedLog(logger, WARNING_INTERVAL, clock);
		ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(2, (task) -> {
			Thread thread = new Thread(task, "joat-jwks-" + THREADS.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		threads.setRemoveOnCancelPolicy(true);
		this.executor = threads;
	}

	/** The keys served and when they were fetched. */
	Snapshot snapshot() {
		return this.snapshot;
	}

	/** Why the last refresh failed, or {@code null}. */
	@Nullable String lastFailure() {
		return this.lastFailure;
	}

	/** Completes when the first fetch succeeds. */
	CompletableFuture<Void> firstKeys() {
		return this.firstKeys;
	}

	/** When a caller refused for want of keys may try again: the next retry, at least 1 s. */
	Duration retryAfter() {
		return Duration.ofMillis(Math.max(1000, this.retryDelayMillis));
	}

	/** What the source holds now, and how its last refresh went. */
	JwkSetStatus status() {
		Snapshot current = this.snapshot;
		KeySet keys = current.keys();
		List<JwkSetStatus.Key> described = (keys != null) ? keys.keys().stream().map(JwkSetStatus.Key::of).toList()
				: List.of();
		Instant success = (keys != null) ? Instant.ofEpochMilli(current.fetchedAt()) : null;
		Duration staleness = (keys != null) ? Duration.ofMillis(Math.max(0, this.clock.millis() - current.fetchedAt()))
				: null;
		return new JwkSetStatus(this.source, this.jwkSetUri, described, current.skipped(), this.lastOutcome,
				this.lastFailure, this.lastRefresh, success, staleness);
	}

	/** Stops the background refreshes and cancels a running one; the keys held keep serving. */
	void close() {
		synchronized (this.lock) {
			this.closed = true;
			if (this.next != null) {
				this.next.cancel(false);
			}
		}
		this.executor.shutdownNow();
	}

	/** Starts the first fetch. */
	void start() {
		synchronized (this.lock) {
			startRefresh();
		}
	}

	/** The running refresh, or a new one unless one started within the minimum interval. */
	@Nullable CompletableFuture<Void> refreshUnlessRecent() {
		// Without the lock first: a flood of unknown key ids mostly finds a refresh running or recent.
		// The attempt time is read before the refresh, and startRefresh writes them the other way
		// round: whoever sees a recent attempt also sees its refresh, and joins it while it runs.
		boolean recent = this.attempted
				&& this.clock.millis() - this.lastAttemptMillis < this.timing.minimumIntervalMillis();
		CompletableFuture<Void> running = this.inFlight;
		if (running != null && !running.isDone()) {
			return running;
		}
		if (recent) {
			return null;
		}
		synchronized (this.lock) {
			if (this.inFlight != null && !this.inFlight.isDone()) {
				return this.inFlight;
			}
			if (this.closed || (this.attempted
					&& this.clock.millis() - this.lastAttemptMillis < this.timing.minimumIntervalMillis())) {
				return null;
			}
			return startRefresh();
		}
	}

	/**
	 * The scheduled refresh: it joins a running fetch rather than starting a second. A refresh
	 * whose fetch is done is being recorded, and may be the one that scheduled this (its recording
	 * completes just after it schedules): skipping for it would schedule nothing more, and the keys
	 * would never be refreshed again.
	 */
	private void scheduledRefresh() {
		synchronized (this.lock) {
			if (!this.closed && (this.fetching == null || this.fetching.isDone())) {
				startRefresh();
			}
		}
	}

	/** Starts a refresh on the source's threads; the caller holds the lock. */
	private CompletableFuture<Void> startRefresh() {
		CompletableFuture<Attempt> attempt = new CompletableFuture<>();
		// Waiters wait for the recorded outcome, so that they wake with the new keys in place.
		CompletableFuture<Void> recorded = attempt.thenAccept(this::record);
		// The listener and awaitFirstKeys hear of a refresh once it is recorded and no longer
		// running: a call they prompt then sees the new state, and may start the next refresh.
		attempt.thenCombine(recorded, (done, ignored) -> done).thenAccept(this::recorded);
		this.inFlight = recorded;
		this.fetching = attempt;
		this.lastAttemptMillis = this.clock.millis();
		this.attempted = true;
		try {
			Future<?> task = this.executor.submit(() -> attempt.complete(fetch()));
			long deadline = this.fetchTimeoutMillis * ((this.jwkSetUri == null) ? 4 : 1) + 1000;
			ScheduledFuture<?> watchdog = this.executor.schedule(() -> {
				if (attempt.complete(Attempt.failed(JwkSetStatus.Outcome.UNAVAILABLE,
						"the refresh from " + this.source + " took longer than " + deadline + " ms"))) {
					task.cancel(true);
				}
			}, deadline, TimeUnit.MILLISECONDS);
			attempt.whenComplete((done, ignored) -> watchdog.cancel(false));
		}
		catch (RejectedExecutionException ex) {
			attempt.complete(Attempt.failed(JwkSetStatus.Outcome.UNAVAILABLE, "the source is closed"));
		}
		return recorded;
	}

	/** One refresh, on a source thread: discovery if needed, fetch, parse. Changes nothing. */
	private Attempt fetch() {
		try {
			URI uri = this.jwkSetUri;
			if (uri == null) {
				uri = this.discovery.jwkSetUri();
				this.jwkSetUri = uri;
			}
			IssuerHttp.Response response = this.http.get(uri, JwkSetKeySource.ACCEPT, this.parser.maxSize());
			JwkSetParser.Result result = this.parser.parse(response.body());
			if (result.keys().size() == 0) {
				return Attempt.failed(JwkSetStatus.Outcome.INVALID, "the JWK Set from " + uri + " has no usable key "
						+ result.skipped().subList(0, Math.min(3, result.skipped().size())));
			}
			return new Attempt(JwkSetStatus.Outcome.SUCCESS, null, result, response.maxAge());
		}
		catch (IssuerHttp.FetchException ex) {
			return Attempt.failed(ex.invalid() ? JwkSetStatus.Outcome.INVALID : JwkSetStatus.Outcome.UNAVAILABLE,
					String.valueOf(ex.getMessage()));
		}
		catch (JwkSetException ex) {
			return Attempt.failed(JwkSetStatus.Outcome.INVALID, "the JWK Set from " + this.jwkSetUri + " is refused: "
					+ ex.getMessage());
		}
		catch (RuntimeException ex) {
			return Attempt.failed(JwkSetStatus.Outcome.UNAVAILABLE, "cannot refresh from " + this.source + ": "
					+ IssuerHttp.describe(ex));
		}
	}

	/** Records a completed refresh and schedules the next. */
	private void record(Attempt attempt) {
		long delay;
		JwkSetParser.Result result = attempt.result();
		if (result != null) {
			this.snapshot = new Snapshot(result.keys(), this.clock.millis(), result.skipped());
			this.lastFailure = null;
			if (!result.skipped().isEmpty() && logger.isDebugEnabled()) {
				logger.debug("Keys skipped in the JWK Set from " + this.jwkSetUri + ": " + result.skipped());
			}
		}
		else {
			this.lastFailure = attempt.failure();
			Snapshot current = this.snapshot;
			this.warnings.warn("Could not refresh the JWK Set of " + this.source + ": " + attempt.failure() + "; "
					+ ((current.keys() == null) ? "no keys yet, requests are answered 503"
							: "serving the keys fetched " + Duration.ofMillis(this.clock.millis() - current.fetchedAt())
								.toSeconds() + "s ago"));
		}
		this.lastOutcome = attempt.outcome();
		this.lastRefresh = this.clock.instant();
		synchronized (this.lock) {
			this.failures = (result != null) ? 0 : this.failures + 1;
			delay = (result != null) ? this.timing.afterSuccessMillis(attempt.maxAge())
					: this.timing.afterFailureMillis(this.failures, FIRST_RETRY_MILLIS);
			this.retryDelayMillis = (result != null) ? FIRST_RETRY_MILLIS : delay;
			if (!this.closed) {
				if (this.next != null) {
					this.next.cancel(false);
				}
				try {
					this.next = this.executor.schedule(this::scheduledRefresh, delay, TimeUnit.MILLISECONDS);
				}
				catch (RejectedExecutionException ex) {
					this.next = null;
				}
			}
		}
	}

	private void recorded(Attempt attempt) {
		if (attempt.result() != null) {
			this.firstKeys.complete(null);
		}
		if (this.listener != null) {
			try {
				this.listener.refreshed(attempt.outcome(), status());
			}
			catch (RuntimeException ex) {
				this.listenerFailures.warn("The JWK Set listener failed: " + IssuerHttp.describe(ex));
			}
		}
	}

	/** The keys served and when they were fetched (clock millis); no keys before the first success. */
	record Snapshot(@Nullable KeySet keys, long fetchedAt, List<String> skipped) {

		static final Snapshot NONE = new Snapshot(null, 0, List.of());

	}

	/** A refresh's result: a parsed set, or a failure. */
	private record Attempt(JwkSetStatus.Outcome outcome, @Nullable String failure,
			JwkSetParser.@Nullable Result result, @Nullable Duration maxAge) {

		static Attempt failed(JwkSetStatus.Outcome outcome, String failure) {
			return new Attempt(outcome, failure, null, null);
		}

	}

}
