package dev.joat.spring.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.joat.JwkSetParser;
import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.KeysUnavailableException;
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
 * once a minute, and another when the listener throws, at most once a minute too; never key
 * material or a response body.
 *
 * <p>Thread-safe. {@link #close()} stops the background refreshes; the keys held keep serving.
 */
public final class JwkSetKeySource implements KeySource, AutoCloseable {

	/** The {@code Accept} header of a JWK Set request. */
	public static final String ACCEPT = "application/jwk-set+json, application/json";

	private final URI source;

	private final JwkSetRefresher refresher;

	private final boolean failOpen;

	private final Duration unknownKeyWait;

	private final long maxStalenessMillis;

	private final Clock clock;

	private JwkSetKeySource(Builder builder, IssuerHttp http) {
		this.source = builder.location;
		IssuerDiscovery discovery = builder.issuer
				? new IssuerDiscovery(http, builder.location.toString(), builder.allowInsecureHttp) : null;
		this.refresher = new JwkSetRefresher(builder.location, discovery, http, builder.parser,
				new JwkSetRefreshTiming(builder.refreshInterval, builder.minimumRefreshInterval),
				builder.connectTimeout.plus(builder.readTimeout), builder.clock, builder.listener);
		this.failOpen = builder.failOpen;
		this.unknownKeyWait = builder.unknownKeyWait;
		this.maxStalenessMillis = builder.maxStaleness.toMillis();
		this.clock = builder.clock;
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
	 * Why {@code location} (a JWK Set URI or an issuer) may not be fetched, the rule
	 * {@link Builder#build()} applies: for a configuration layer to refuse it before building.
	 * @param location the location
	 * @param allowInsecureHttp whether {@code http} is allowed on other hosts than loopback
	 * @return why it may not be fetched, safe to show, or {@code null} when it may
	 */
	public static @Nullable String locationProblem(String location, boolean allowInsecureHttp) {
		URI uri;
		try {
			uri = new URI(location);
		}
		catch (URISyntaxException ex) {
			return "is not a URI: " + IssuerHttp.describe(ex);
		}
		return IssuerHttp.schemeProblem(uri, allowInsecureHttp);
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
		JwkSetRefresher.Snapshot current = this.refresher.snapshot();
		KeySet keys = current.keys();
		if (keys == null || (keyId != null && keys.find(keyId) == null)) {
			await(this.refresher.refreshUnlessRecent());
			current = this.refresher.snapshot();
			keys = current.keys();
			if (keys == null) {
				String failure = this.refresher.lastFailure();
				throw new KeysUnavailableException("No keys from " + this.source + " yet: "
						+ ((failure != null) ? failure : "the first fetch has not completed"), this.refresher.retryAfter());
			}
		}
		if (!this.failOpen) {
			long age = this.clock.millis() - current.fetchedAt();
			if (age > this.maxStalenessMillis) {
				throw new KeysUnavailableException("The keys from " + this.source + " were fetched "
						+ Duration.ofMillis(age).toSeconds() + "s ago, more than the maximum staleness of "
						+ Duration.ofMillis(this.maxStalenessMillis).toSeconds() + "s; the last refresh failed: "
						+ Objects.requireNonNullElse(this.refresher.lastFailure(), "none completed since"),
						this.refresher.retryAfter());
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
			this.refresher.firstKeys().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			String failure = this.refresher.lastFailure();
			throw new KeysUnavailableException("No keys from " + this.source + " within " + timeout.toMillis() + " ms: "
					+ ((failure != null) ? failure : "the first fetch has not completed"), this.refresher.retryAfter());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new KeysUnavailableException("Interrupted while waiting for keys from " + this.source,
					this.refresher.retryAfter());
		}
	}

	/**
	 * What the source holds now, and how its last refresh went: public data only.
	 * @return the status
	 */
	public JwkSetStatus status() {
		return this.refresher.status();
	}

	/** Stops the background refreshes and cancels a running one; the keys held keep serving. */
	@Override
	public void close() {
		this.refresher.close();
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
		 * @param maxStaleness a duration longer than the refresh interval
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
		 * A listener told each refresh's outcome; none by default. An exception it throws is
		 * reported at WARN, at most once a minute with a count, and the source carries on.
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
			if (this.maxStaleness.compareTo(this.refreshInterval) <= 0) {
				throw new IllegalArgumentException("maxStaleness (" + this.maxStaleness
						+ ") must be longer than refreshInterval (" + this.refreshInterval
						+ "), or keys would go stale between two successful refreshes");
			}
			IssuerHttp http = new IssuerHttp(this.restClientBuilder, this.requestFactory, this.connectTimeout,
					this.readTimeout, this.allowInsecureHttp);
			JwkSetKeySource source = new JwkSetKeySource(this, http);
			source.refresher.start();
			return source;
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
