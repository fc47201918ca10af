package dev.joat.spring.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import dev.joat.JwkSetException;
import dev.joat.JwkSetParser;
import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.KeysUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * The keys of an issuer's JWK Set, kept fresh in the background: a {@link KeySource} whose
 * {@link #keys(String)} answers from memory and never does network I/O on the calling thread.
 *
 * <pre>{@code
 * JwkSetKeySource keys = JwkSetKeySource.withIssuerLocation("https://issuer.example")
 *     .restClientBuilder(restClientBuilder)   // Boot's: SSL bundles, proxies, observations
 *     .parser(JwkSetParser.builder().algorithms(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256).build())
 *     .build();
 * }</pre>
 *
 * <p><b>Fetching.</b> With Spring's {@code RestClient} from the given builder, on the source's own
 * two daemon threads. Unless a request factory is given, requests go through the JDK's
 * {@code HttpClient} with the {@linkplain Builder#connectTimeout connect} and
 * {@linkplain Builder#readTimeout read} timeouts, never following redirects; a given factory must
 * be configured so (Boot's {@code HttpRedirects.DONT_FOLLOW}). Either way a {@code 3xx} answer is a
 * failure, a refresh is cancelled when it outlasts both timeouts (four times over while the issuer's
 * metadata is still to be discovered) plus a second, {@code https} is required except on loopback or
 * when {@linkplain Builder#allowInsecureHttp(boolean) allowed}, the body is read up to the parser's
 * maximum size plus one byte and refused beyond, and {@code Accept} is
 * {@value #ACCEPT}. With {@link #withIssuerLocation(String)}, the JWK Set URI is discovered first
 * (OpenID Connect Discovery, then RFC 8414), the {@code issuer} of the metadata compared exactly.
 *
 * <p><b>Refreshing.</b> The first fetch starts when the source is built; the application need not
 * wait for it (an issuer that is down at start-up makes requests fail with
 * {@link KeysUnavailableException}, {@code 503}, until it answers), unless it calls
 * {@link #awaitFirstKeys(Duration)}. After a success, the next refresh comes at three quarters of
 * the keys' freshness lifetime: the issuer's {@code Cache-Control: max-age}, clamped between the
 * {@linkplain Builder#minimumRefreshInterval minimum refresh interval} (30 s) and the
 * {@linkplain Builder#refreshInterval refresh interval} (5 min), or the refresh interval when it
 * sends none; never sooner than the minimum interval. After a failure, the next try comes after 1 s,
 * doubling up to the minimum refresh interval. A set that does not parse, or has no usable key,
 * never replaces the last good one.
 *
 * <p><b>Unknown key ids.</b> A {@code kid} not in the current set starts a refresh, unless one
 * started less than the minimum refresh interval ago; all callers asking while it runs share it
 * (single-flight). The caller waits for it at most {@linkplain Builder#unknownKeyWait the unknown-key
 * wait} (500 ms by default, {@code 0} never waits), then answers with whatever keys are current: the
 * parser refuses a token whose {@code kid} is still unknown. Callers with a known {@code kid} never
 * wait. So {@code keys} blocks at most the unknown-key wait, whatever the issuer does.
 *
 * <p><b>Outages.</b> The last good keys serve while the issuer is down, up to the
 * {@linkplain Builder#maxStaleness maximum staleness} (1 h) after they were fetched; after that,
 * and before the first success, {@code keys} throws {@link KeysUnavailableException} with a
 * {@code Retry-After} of the next try (fail closed). With {@linkplain Builder#failOpen(boolean) fail
 * open}, the last keys serve however old they are: a key the issuer has withdrawn, perhaps because it
 * leaked, then keeps verifying tokens for as long as the issuer stays unreachable.
 *
 * <p><b>Observability.</b> {@link #status()} (public data for {@code /actuator/joat} and gauges), a
 * {@link JwkSetListener} told each refresh's outcome, and a WARN line when a refresh fails, at most
 * once a minute; never key material or a response body.
 *
 * <p>Thread-safe. {@link #close()} stops the background refreshes; the keys held keep serving.
 */
public final class JwkSetKeySource implements KeySource, AutoCloseable {

	/** The {@code Accept} header of a JWK Set request. */
	public static final String ACCEPT = "application/jwk-set+json, application/json";

	private static final Log logger = LogFactory.getLog(JwkSetKeySource.class);

	private static final AtomicInteger THREADS = new AtomicInteger();

	private static final long FIRST_RETRY_MILLIS = 1000;

	private final URI source;

	private final @Nullable IssuerDiscovery discovery;

	private final IssuerHttp http;

	private final JwkSetParser parser;

	private final JwkSetRefreshTiming timing;

	private final boolean failOpen;

	private final Duration unknownKeyWait;

	private final long maxStalenessMillis;

	private final long fetchTimeoutMillis;

	private final Clock clock;

	private final @Nullable JwkSetListener listener;

	private final RateLimitedLog warnings;

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

	private volatile boolean attempted;

	private volatile long lastAttemptMillis;

	private int failures;

	private @Nullable ScheduledFuture<?> next;

	private boolean closed;

	private JwkSetKeySource(Builder builder, IssuerHttp http) {
		this.source = builder.location;
		this.http = http;
		this.discovery = builder.issuer ? new IssuerDiscovery(http, builder.location.toString(), builder.allowInsecureHttp)
				: null;
		this.jwkSetUri = builder.issuer ? null : builder.location;
		this.parser = builder.parser;
		this.timing = new JwkSetRefreshTiming(builder.refreshInterval, builder.minimumRefreshInterval);
		this.failOpen = builder.failOpen;
		this.clock = builder.clock;
		this.listener = builder.listener;
		this.unknownKeyWait = builder.unknownKeyWait;
		this.maxStalenessMillis = builder.maxStaleness.toMillis();
		this.fetchTimeoutMillis = builder.connectTimeout.plus(builder.readTimeout).toMillis();
		this.warnings = new RateLimitedLog(logger, Duration.ofMinutes(1), builder.clock);
		ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(2, (task) -> {
			Thread thread = new Thread(task, "joat-jwks-" + THREADS.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		threads.setRemoveOnCancelPolicy(true);
		this.executor = threads;
	}

	/**
	 * A builder for the JWK Set at {@code jwkSetUri} (Boot's {@code jwk-set-uri}).
	 * @param jwkSetUri an absolute {@code https} URI ({@code http} on loopback)
	 * @return a builder with the defaults
	 */
	public static Builder withJwkSetUri(String jwkSetUri) {
		return new Builder(jwkSetUri, false);
	}

	/**
	 * A builder for the JWK Set of {@code issuer} (Boot's {@code issuer-uri}), whose
	 * {@code jwks_uri} is discovered from its metadata in the background, before the first fetch.
	 * @param issuer the issuer, exactly as its metadata and tokens name it
	 * @return a builder with the defaults
	 */
	public static Builder withIssuerLocation(String issuer) {
		return new Builder(issuer, true);
	}

	/**
	 * The current keys, from memory. When {@code keyId} is not among them (or there are none yet), a
	 * refresh starts unless one started within the minimum refresh interval, and this waits for the
	 * running refresh at most the unknown-key wait.
	 * @param keyId the token's unverified {@code kid}, or {@code null}
	 * @return the keys, possibly without {@code keyId}
	 * @throws KeysUnavailableException before the first successful fetch, and once the keys are older
	 * than the maximum staleness (unless failing open)
	 */
	@Override
	public KeySet keys(@Nullable String keyId) {
		Snapshot current = this.snapshot;
		KeySet keys = current.keys();
		if (keys == null || (keyId != null && keys.find(keyId) == null)) {
			await(refreshUnlessRecent());
			current = this.snapshot;
			keys = current.keys();
			if (keys == null) {
				String failure = this.lastFailure;
				throw new KeysUnavailableException("No keys from " + this.source + " yet: "
						+ ((failure != null) ? failure : "the first fetch has not completed"), retryAfter());
			}
		}
		if (!this.failOpen) {
			long age = this.clock.millis() - current.fetchedAt();
			if (age > this.maxStalenessMillis) {
				throw new KeysUnavailableException("The keys from " + this.source + " were fetched "
						+ Duration.ofMillis(age).toSeconds() + "s ago, more than the maximum staleness of "
						+ Duration.ofMillis(this.maxStalenessMillis).toSeconds() + "s; the last refresh failed: "
						+ this.lastFailure, retryAfter());
			}
		}
		return keys;
	}

	/**
	 * Waits until the first fetch has succeeded: for an application that prefers not to start
	 * without keys.
	 * @param timeout the longest wait
	 * @throws KeysUnavailableException when there are no keys after {@code timeout}, saying why
	 */
	public void awaitFirstKeys(Duration timeout) {
		try {
			this.firstKeys.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			String failure = this.lastFailure;
			throw new KeysUnavailableException("No keys from " + this.source + " within " + timeout.toMillis() + " ms: "
					+ ((failure != null) ? failure : "the first fetch has not completed"), retryAfter());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KeysUnavailableException("Interrupted while waiting for keys from " + this.source, retryAfter());
		}
	}

	/**
	 * What the source holds now, and how its last refresh went: public data only.
	 * @return the status
	 */
	public JwkSetStatus status() {
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
	@Override
	public void close() {
		synchronized (this.lock) {
			this.closed = true;
			if (this.next != null) {
				this.next.cancel(false);
			}
		}
		this.executor.shutdownNow();
	}

	/** Starts the first fetch. */
	private JwkSetKeySource start() {
		synchronized (this.lock) {
			startRefresh();
		}
		return this;
	}

	/** The running refresh, or a new one unless one started within the minimum interval. */
	private @Nullable CompletableFuture<Void> refreshUnlessRecent() {
		// Without the lock first: a flood of unknown key ids mostly finds a refresh running or recent.
		CompletableFuture<Void> running = this.inFlight;
		if (running != null && !running.isDone()) {
			return running;
		}
		if (this.attempted && this.clock.millis() - this.lastAttemptMillis < this.timing.minimumIntervalMillis()) {
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

	/** The scheduled refresh: it joins a running one rather than starting a second. */
	private void scheduledRefresh() {
		synchronized (this.lock) {
			if (!this.closed && (this.inFlight == null || this.inFlight.isDone())) {
				startRefresh();
			}
		}
	}

	/** Starts a refresh on the source's threads; the caller holds the lock. */
	private CompletableFuture<Void> startRefresh() {
		this.attempted = true;
		this.lastAttemptMillis = this.clock.millis();
		CompletableFuture<Attempt> attempt = new CompletableFuture<>();
		// Waiters wait for the recorded outcome, so that they wake with the new keys in place.
		CompletableFuture<Void> recorded = attempt.thenAccept(this::record);
		// The listener hears of a refresh once it is over, when the next caller starts another.
		attempt.thenCombine(recorded, (done, ignored) -> done).thenAccept(this::tellListener);
		this.inFlight = recorded;
		try {
			Future<?> task = this.executor.submit(() -> attempt.complete(fetch()));
			long deadline = this.fetchTimeoutMillis * ((this.jwkSetUri == null) ? 4 : 1) + 1000;
			this.executor.schedule(() -> {
				if (attempt.complete(Attempt.failed(JwkSetStatus.Outcome.UNAVAILABLE,
						"the refresh from " + this.source + " took longer than " + deadline + " ms"))) {
					task.cancel(true);
				}
			}, deadline, TimeUnit.MILLISECONDS);
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
			IssuerHttp.Response response = this.http.get(uri, ACCEPT, this.parser.maxSize());
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
			this.firstKeys.complete(null);
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

	private void tellListener(Attempt attempt) {
		if (this.listener != null) {
			try {
				this.listener.refreshed(attempt.outcome(), status());
			}
			catch (RuntimeException ex) {
				logger.warn("The JWK Set listener failed: " + IssuerHttp.describe(ex));
			}
		}
	}

	private void await(@Nullable CompletableFuture<Void> refresh) {
		if (refresh == null || this.unknownKeyWait.isZero()) {
			return;
		}
		try {
			refresh.get(this.unknownKeyWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// Bounded: answer with the keys there are.
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Duration retryAfter() {
		return Duration.ofMillis(Math.max(1000, this.retryDelayMillis));
	}

	/** The keys served and when they were fetched (clock millis); no keys before the first success. */
	private record Snapshot(@Nullable KeySet keys, long fetchedAt, List<String> skipped) {

		static final Snapshot NONE = new Snapshot(null, 0, List.of());

	}

	/** A refresh's result: a parsed set, or a failure. */
	private record Attempt(JwkSetStatus.Outcome outcome, @Nullable String failure,
			JwkSetParser.@Nullable Result result, @Nullable Duration maxAge) {

		static Attempt failed(JwkSetStatus.Outcome outcome, String failure) {
			return new Attempt(outcome, failure, null, null);
		}

	}


	/**
	 * Configures a {@link JwkSetKeySource}; {@link #build()} starts it. Not thread-safe.
	 */
	public static final class Builder {

		private final URI location;

		private final boolean issuer;

		private RestClient.Builder restClientBuilder = RestClient.builder();

		private @Nullable ClientHttpRequestFactory requestFactory;

		private JwkSetParser parser = JwkSetParser.builder().build();

		private Duration connectTimeout = Duration.ofSeconds(2);

		private Duration readTimeout = Duration.ofSeconds(5);

		private Duration refreshInterval = Duration.ofMinutes(5);

		private Duration minimumRefreshInterval = Duration.ofSeconds(30);

		private Duration maxStaleness = Duration.ofHours(1);

		private Duration unknownKeyWait = Duration.ofMillis(500);

		private boolean failOpen;

		private boolean allowInsecureHttp;

		private Clock clock = Clock.systemUTC();

		private @Nullable JwkSetListener listener;

		private Builder(String location, boolean issuer) {
			Objects.requireNonNull(location, issuer ? "issuer cannot be null" : "jwkSetUri cannot be null");
			try {
				this.location = new URI(location);
			}
			catch (URISyntaxException ex) {
				throw new IllegalArgumentException((issuer ? "issuer" : "jwkSetUri") + " is not a URI: "
						+ IssuerHttp.describe(ex));
			}
			this.issuer = issuer;
		}

		/**
		 * The builder of the {@code RestClient} that fetches (cloned, not changed): Boot's, so that its
		 * SSL bundles, proxies and observations apply. {@code RestClient.builder()} by default.
		 * @param restClientBuilder the builder
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.restClientBuilder = Objects.requireNonNull(restClientBuilder, "restClientBuilder cannot be null");
			return this;
		}

		/**
		 * The request factory to fetch with, instead of the JDK {@code HttpClient} this source makes
		 * from the timeouts. It must not follow redirects and should time out: the timeouts set here
		 * then only bound the whole refresh.
		 * @param requestFactory the factory (Boot: built with {@code HttpRedirects.DONT_FOLLOW})
		 * @return this builder
		 */
		public Builder requestFactory(ClientHttpRequestFactory requestFactory) {
			this.requestFactory = Objects.requireNonNull(requestFactory, "requestFactory cannot be null");
			return this;
		}

		/**
		 * The parser of the fetched sets: accepted algorithms (Boot's {@code jws-algorithms}), largest
		 * body, most keys. RS256 only, 256 KiB, 100 keys by default.
		 * @param parser the parser
		 * @return this builder
		 */
		public Builder parser(JwkSetParser parser) {
			this.parser = Objects.requireNonNull(parser, "parser cannot be null");
			return this;
		}

		/**
		 * The connect timeout of each request; 2 s by default.
		 * @param connectTimeout a positive duration
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = positive(connectTimeout, "connectTimeout");
			return this;
		}

		/**
		 * The read timeout of each request; 5 s by default.
		 * @param readTimeout a positive duration
		 * @return this builder
		 */
		public Builder readTimeout(Duration readTimeout) {
			this.readTimeout = positive(readTimeout, "readTimeout");
			return this;
		}

		/**
		 * The longest freshness lifetime of fetched keys, whatever the issuer's {@code Cache-Control}
		 * says, and the lifetime when it says nothing; 5 min by default.
		 * @param refreshInterval a positive duration, at least the minimum refresh interval
		 * @return this builder
		 */
		public Builder refreshInterval(Duration refreshInterval) {
			this.refreshInterval = positive(refreshInterval, "refreshInterval");
			return this;
		}

		/**
		 * The least time between two refreshes an unknown {@code kid} starts, and the shortest
		 * freshness lifetime; 30 s by default.
		 * @param minimumRefreshInterval a positive duration
		 * @return this builder
		 */
		public Builder minimumRefreshInterval(Duration minimumRefreshInterval) {
			this.minimumRefreshInterval = positive(minimumRefreshInterval, "minimumRefreshInterval");
			return this;
		}

		/**
		 * How long after they were fetched the last good keys still serve while the issuer cannot be
		 * refreshed from; 1 h by default.
		 * @param maxStaleness a positive duration
		 * @return this builder
		 */
		public Builder maxStaleness(Duration maxStaleness) {
			this.maxStaleness = positive(maxStaleness, "maxStaleness");
			return this;
		}

		/**
		 * The longest a caller with an unknown {@code kid} waits for the refresh it shares; 500 ms by
		 * default, {@code 0} never waits (the first tokens signed with a new key are then refused until
		 * the refresh completes).
		 * @param unknownKeyWait zero or a positive duration
		 * @return this builder
		 */
		public Builder unknownKeyWait(Duration unknownKeyWait) {
			Objects.requireNonNull(unknownKeyWait, "unknownKeyWait cannot be null");
			if (unknownKeyWait.isNegative()) {
				throw new IllegalArgumentException("unknownKeyWait cannot be negative");
			}
			this.unknownKeyWait = unknownKeyWait;
			return this;
		}

		/**
		 * Whether the last keys keep serving beyond the maximum staleness; {@code false} by default.
		 * Failing open keeps a withdrawn (perhaps leaked) key verifying for as long as the issuer is
		 * unreachable.
		 * @param failOpen whether to fail open
		 * @return this builder
		 */
		public Builder failOpen(boolean failOpen) {
			this.failOpen = failOpen;
			return this;
		}

		/**
		 * Whether {@code http} is accepted on other hosts than loopback; {@code false} by default.
		 * Over plain http, anyone on the path can replace the keys.
		 * @param allowInsecureHttp whether to allow it
		 * @return this builder
		 */
		public Builder allowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
			return this;
		}

		/**
		 * The clock that dates fetches and measures staleness and the minimum refresh interval; the
		 * system UTC clock by default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock cannot be null");
			return this;
		}

		/**
		 * A listener told each refresh's outcome; none by default.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(JwkSetListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener cannot be null");
			return this;
		}

		/**
		 * Builds the source and starts its first fetch, in the background.
		 * @return the running source; {@link JwkSetKeySource#close() close} it when done
		 * @throws IllegalArgumentException when the URI may not be fetched, or the minimum refresh
		 * interval exceeds the refresh interval
		 */
		public JwkSetKeySource build() {
			String problem = IssuerHttp.schemeProblem(this.location, this.allowInsecureHttp);
			if (problem != null) {
				throw new IllegalArgumentException((this.issuer ? "issuer " : "jwkSetUri ") + problem);
			}
			if (this.minimumRefreshInterval.compareTo(this.refreshInterval) > 0) {
				throw new IllegalArgumentException("minimumRefreshInterval (" + this.minimumRefreshInterval
						+ ") cannot exceed refreshInterval (" + this.refreshInterval + ")");
			}
			IssuerHttp http = new IssuerHttp(this.restClientBuilder, this.requestFactory, this.connectTimeout,
					this.readTimeout, this.allowInsecureHttp);
			return new JwkSetKeySource(this, http).start();
		}

		private static Duration positive(Duration duration, String name) {
			Objects.requireNonNull(duration, name + " cannot be null");
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException(name + " must be positive");
			}
			return duration;
		}

	}

}
