package dev.joat.sample.token;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.joat.spring.boot.JoatConfigurationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Authenticates token-endpoint clients (RFC 6749 §2.3.1) so that wrong secrets cannot become a
 * denial of service, as RFC 6749 §10.10 and RFC 6819 §5.1.4.2.3 ask of an authorization server:
 * <ul>
 * <li>a remote address with {@code max-failures-per-address} failures in the failure window is
 * answered 429 with {@code Retry-After}, without checking its secret;</li>
 * <li>a client id with {@code max-failures-per-client} failures in the window (all unknown ids
 * count as one) has its secret checked only for addresses that authenticated as it within
 * {@code known-address-lifetime}: a legitimate client keeps working while an attack on its id
 * runs from elsewhere, and the others are answered 429;</li>
 * <li>at most {@code max-concurrent-checks} secret checks (by default half the processors) run
 * at once for addresses not known for the client, and one per processor (at least as many), in
 * a lane of their own, for known ones: an attack cannot take the checks a client that
 * authenticated before needs. A request that finds no check free
 * within {@code check-wait} is answered 503 with {@code Retry-After}.</li>
 * </ul>
 * The limits are applied again once a check is free, so attempts that waited behind failing ones
 * overshoot a limit by at most the lane's size; right secrets never count. Failure counts live in
 * bounded Caffeine caches: each starts with the first failure and expires one window later. Refusals are logged at DEBUG without anything the client sent.
 * Thread-safe.
 */
@Component
class ClientAuthenticator {

	private static final Log logger = LogFactory.getLog(ClientAuthenticator.class);

	/** The key under which failures for client ids nobody registered are counted together. */
	private static final String UNKNOWN_CLIENT = "";

	private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);

	private final ClientRegistry clients;

	private final Ticker ticker;

	private final int maxFailuresPerAddress;

	private final int maxFailuresPerClient;

	private final Duration failureWindow;

	private final Duration checkWait;

	private final Semaphore checks;

	private final Semaphore knownChecks;

	private final Cache<String, FailureCount> failuresByAddress;

	private final Cache<String, FailureCount> failuresByClient;

	private final Cache<KnownAddress, Boolean> knownAddresses;

	@Autowired
	ClientAuthenticator(ClientRegistry clients, ClientAuthenticationProperties properties) {
		this(clients, properties, Ticker.systemTicker());
	}

	ClientAuthenticator(ClientRegistry clients, ClientAuthenticationProperties properties, Ticker ticker) {
		this.clients = clients;
		this.ticker = ticker;
		this.maxFailuresPerAddress = positive("max-failures-per-address", properties.getMaxFailuresPerAddress());
		this.maxFailuresPerClient = positive("max-failures-per-client", properties.getMaxFailuresPerClient());
		this.failureWindow = atLeastOneSecond("failure-window", properties.getFailureWindow());
		Duration knownAddressLifetime = atLeastOneSecond("known-address-lifetime", properties.getKnownAddressLifetime());
		this.checkWait = properties.getCheckWait();
		if (this.checkWait == null || this.checkWait.isNegative()) {
			throw invalid("check-wait", "must not be negative", "Set it to how long a request may wait, e.g. 250ms");
		}
		int maxChecks = properties.getMaxConcurrentChecks();
		if (maxChecks < 0) {
			throw invalid("max-concurrent-checks", "must not be negative",
					"Set it to a positive number, or 0 for half the available processors");
		}
		// Checks for addresses not known for the client get half the processors by default, so
		// that an attack leaves the other half to the clients that authenticated before.
		int processors = Runtime.getRuntime().availableProcessors();
		int permits = (maxChecks != 0) ? maxChecks : Math.max(1, processors / 2);
		this.checks = new Semaphore(permits, true);
		this.knownChecks = new Semaphore(Math.max(permits, processors), true);
		int maxKeys = positive("max-tracked-keys", properties.getMaxTrackedKeys());
		this.failuresByAddress = failureCache(maxKeys);
		this.failuresByClient = failureCache(maxKeys);
		this.knownAddresses = Caffeine.newBuilder()
			.ticker(ticker)
			.maximumSize(maxKeys)
			.expireAfterWrite(knownAddressLifetime)
			.build();
	}

	private Cache<String, FailureCount> failureCache(int maxKeys) {
		return Caffeine.newBuilder().ticker(this.ticker).maximumSize(maxKeys).expireAfterWrite(this.failureWindow).build();
	}

	/**
	 * The registered client {@code credentials} authenticate, unless a limit refuses the attempt.
	 * @param credentials the presented client id and secret
	 * @param remoteAddress the address the request came from
	 * @return the authenticated client
	 * @throws TokenRequestException {@code invalid_client} (401) for a wrong secret or an unknown
	 * client, {@code temporarily_unavailable} as 429 when a failure limit is reached or as 503
	 * when no secret check is free
	 */
	RegisteredClient authenticate(ClientCredentials credentials, String remoteAddress) {
		String clientKey = clientKey(credentials.clientId());
		KnownAddress pair = new KnownAddress(clientKey, remoteAddress);
		boolean known = this.knownAddresses.getIfPresent(pair) != null;
		Runnable limits = () -> {
			TokenRequestException refusal = limitRefusal(clientKey, remoteAddress, known);
			if (refusal != null) {
				throw refusal;
			}
		};
		Runnable countFailure = () -> {
			long now = this.ticker.read();
			count(this.failuresByAddress, remoteAddress, now);
			if (!known) {
				count(this.failuresByClient, clientKey, now);
			}
		};
		limits.run();
		RegisteredClient client = check(credentials, known ? this.knownChecks : this.checks, limits, countFailure);
		if (client == null) {
			throw TokenRequestException.invalidClient("Client authentication failed");
		}
		this.knownAddresses.put(pair, Boolean.TRUE);
		return client;
	}

	/**
	 * The refusal a failure limit gives an attempt to authenticate as {@code clientId} from
	 * {@code remoteAddress} now, or {@code null} when no limit applies: the same rule
	 * {@link #authenticate} applies, read only (nothing is counted, no secret is checked), for
	 * answering limited attempts before anything else is done for them.
	 * @param clientId the presented client id
	 * @param remoteAddress the address the request came from
	 * @return {@code temporarily_unavailable} (429 with {@code Retry-After}), or {@code null}
	 */
	TokenRequestException limitRefusal(String clientId, String remoteAddress) {
		String clientKey = clientKey(clientId);
		boolean known = this.knownAddresses.getIfPresent(new KnownAddress(clientKey, remoteAddress)) != null;
		return limitRefusal(clientKey, remoteAddress, known);
	}

	private TokenRequestException limitRefusal(String clientKey, String remoteAddress, boolean known) {
		long now = this.ticker.read();
		TokenRequestException refusal = overLimit(this.failuresByAddress.getIfPresent(remoteAddress),
				this.maxFailuresPerAddress, now, "Too many failed client authentications from this address");
		if (refusal == null && !known) {
			refusal = overLimit(this.failuresByClient.getIfPresent(clientKey), this.maxFailuresPerClient, now,
					"Too many failed authentications for this client");
		}
		return refusal;
	}

	private String clientKey(String clientId) {
		return this.clients.isRegistered(clientId) ? clientId : UNKNOWN_CLIENT;
	}

	/**
	 * Checks the secret in {@code lane}, applying {@code limits} again once a check is free: the
	 * failures of the attempts it waited behind count, because a failure is counted
	 * ({@code countFailure}) before its check gives the lane up.
	 */
	private RegisteredClient check(ClientCredentials credentials, Semaphore lane, Runnable limits,
			Runnable countFailure) {
		boolean acquired;
		try {
			acquired = lane.tryAcquire(this.checkWait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			logger.debug("Client authentication refused: no secret check free");
			throw TokenRequestException.busy("The server is busy; retry later", BUSY_RETRY_AFTER);
		}
		try {
			limits.run();
			RegisteredClient client = this.clients.authenticate(credentials.clientId(), credentials.secret())
				.orElse(null);
			if (client == null) {
				countFailure.run();
			}
			return client;
		}
		finally {
			lane.release();
		}
	}

	private TokenRequestException overLimit(FailureCount failures, int limit, long now, String description) {
		if (failures != null && failures.count() >= limit) {
			logger.debug("Client authentication refused: " + description);
			return TokenRequestException.tooManyFailures(description, failures.remaining(now, this.failureWindow));
		}
		return null;
	}

	private static void count(Cache<String, FailureCount> failures, String key, long now) {
		failures.get(key, (k) -> new FailureCount(now)).increment();
	}

	private static int positive(String property, int value) {
		if (value < 1) {
			throw invalid(property, "must be at least 1, not " + value, "Set it to a positive number");
		}
		return value;
	}

	private static Duration atLeastOneSecond(String property, Duration value) {
		if (value == null || value.compareTo(Duration.ofSeconds(1)) < 0) {
			throw invalid(property, "must be at least one second", "Set it to a duration such as 5m");
		}
		return value;
	}

	private static JoatConfigurationException invalid(String property, String description, String action) {
		return new JoatConfigurationException("joat.sample.client-authentication." + property, description, action);
	}

	/** A client and an address it authenticated from. */
	private record KnownAddress(String clientKey, String address) {
	}

	/** Failures counted since {@code start} (a ticker reading); the cache expires the count. */
	private static final class FailureCount {

		private final long start;

		private final AtomicInteger count = new AtomicInteger();

		FailureCount(long start) {
			this.start = start;
		}

		int count() {
			return this.count.get();
		}

		void increment() {
			this.count.incrementAndGet();
		}

		/** The time left in the window, at least one second. */
		Duration remaining(long now, Duration window) {
			Duration left = window.minusNanos(now - this.start);
			long seconds = Math.max(1, (left.toMillis() + 999) / 1000);
			return Duration.ofSeconds(seconds);
		}

	}

}
