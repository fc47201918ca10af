package dev.joat.sample.token;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.joat.sample.token.ProvenSecrets.PresentedSecret;
import dev.joat.spring.boot.JoatConfigurationException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Authenticates token-endpoint clients (RFC 6749 §2.3.1) so that wrong secrets can neither
 * guess a secret quickly nor become a denial of service (RFC 6749 §10.10, RFC 6819 §5.1.4.2.3),
 * and so that no limit ever refuses a right secret:
 * <ul>
 * <li>a secret the {@code PasswordEncoder} proved right for the client within
 * {@code proven-secret-lifetime} is accepted at once, without the slow check and without any
 * limit ({@link ProvenSecrets});</li>
 * <li>an attempt is <em>over a limit</em> when its remote address has
 * {@code max-failures-per-address} failures in the failure window, or when its client id has
 * {@code max-failures-per-client} (all unknown ids count as one) and the address has not
 * authenticated as that client within {@code known-address-lifetime}. Such an attempt is
 * {@link #holdsBack held back} by {@link HeldBackAttempts} and then checked one at a time
 * ({@link #authenticateHeldBack}): late, but a right secret still gets its token;</li>
 * <li>the other attempts are checked at once, at most {@code max-concurrent-checks} at a time
 * (by default half the processors) for addresses not known for the client, which wait at most
 * {@code check-wait} for a free check before they are answered 503 with {@code Retry-After};
 * known addresses have a lane of their own (one check per processor, at least as many) and wait
 * at most {@code known-check-wait} (5 s by default, time for a burst of their own) before the same
 * answer, so that a stuck lane answers instead of holding requests for ever. A check that finds
 * the secret proven meanwhile (by a concurrent request of the same client) returns at once.</li>
 * </ul>
 * Right secrets never count as failures. Failure counts live in bounded Caffeine caches: each
 * starts with the first failure and expires one window later. Refusals are logged at DEBUG
 * without anything the client sent. Thread-safe.
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

	private final Duration knownCheckWait;

	private final Semaphore checks;

	private final Semaphore knownChecks;

	private final Cache<String, FailureCount> failuresByAddress;

	private final Cache<String, FailureCount> failuresByClient;

	private final Cache<KnownAddress, Boolean> knownAddresses;

	private final ProvenSecrets provenSecrets;

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
		Duration provenSecretLifetime = atLeastOneSecond("proven-secret-lifetime", properties.getProvenSecretLifetime());
		this.checkWait = notNegative("check-wait", properties.getCheckWait(), "250ms");
		// Zero would answer a known client 503 whenever its lane is busy: its normal burst must wait.
		this.knownCheckWait = positive("known-check-wait", properties.getKnownCheckWait(), "5s");
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
		this.provenSecrets = new ProvenSecrets(provenSecretLifetime, maxKeys, ticker);
	}

	private Cache<String, FailureCount> failureCache(int maxKeys) {
		return Caffeine.newBuilder().ticker(this.ticker).maximumSize(maxKeys).expireAfterWrite(this.failureWindow).build();
	}

	/**
	 * The registered client {@code credentials} authenticate: an attempt that is not
	 * {@link #holdsBack held back}, or one that was and whose secret is now proven. No failure
	 * limit applies here (the limits decide only what is held back, in one place); the check
	 * waits for a free lane.
	 * @param credentials the presented client id and secret
	 * @param remoteAddress the address the request came from
	 * @return the authenticated client
	 * @throws TokenRequestException {@code invalid_client} (401) for a wrong secret or an unknown
	 * client, {@code temporarily_unavailable} as 503 when no check of its lane is free within
	 * {@code check-wait} (an address not known for the client) or {@code known-check-wait}
	 */
	RegisteredClient authenticate(ClientCredentials credentials, String remoteAddress) {
		PresentedSecret secret = this.provenSecrets.presented(credentials);
		RegisteredClient client = proven(secret, credentials.clientId(), remoteAddress);
		if (client != null) {
			return client;
		}
		String clientKey = clientKey(credentials.clientId());
		boolean known = isKnown(clientKey, remoteAddress);
		Semaphore lane = known ? this.knownChecks : this.checks;
		acquire(lane, known);
		try {
			client = check(credentials, secret, clientKey, remoteAddress, known);
		}
		finally {
			lane.release();
		}
		if (client == null) {
			throw TokenRequestException.invalidClient("Client authentication failed");
		}
		return client;
	}

	/**
	 * Whether an attempt to authenticate as {@code credentials} from {@code remoteAddress} is
	 * over a failure limit now and its secret is not proven: such an attempt is held back and
	 * checked by {@link #authenticateHeldBack}. Read only: nothing is counted and no slow check
	 * runs; the secret's HMAC is computed only for an attempt over a limit, so that an attempt
	 * under every limit computes it once, in {@link #authenticate}.
	 * @param credentials the presented client id and secret
	 * @param remoteAddress the address the request came from
	 * @return whether to hold the attempt back
	 */
	boolean holdsBack(ClientCredentials credentials, String remoteAddress) {
		String clientKey = clientKey(credentials.clientId());
		TokenRequestException refusal = limitRefusal(clientKey, remoteAddress, isKnown(clientKey, remoteAddress));
		if (refusal == null
				|| proven(this.provenSecrets.presented(credentials), credentials.clientId(), remoteAddress) != null) {
			return false;
		}
		logger.debug("Client authentication held back: " + refusal.getMessage());
		return true;
	}

	/**
	 * Checks the secret of an attempt that was {@link #holdsBack held back}, on the caller's
	 * thread and without a lane (held-back attempts are checked one at a time by
	 * {@link HeldBackAttempts}): a right secret authenticates, and is proven for the client's
	 * next requests.
	 * @param credentials the presented client id and secret
	 * @param remoteAddress the address the request came from
	 * @return the authenticated client
	 * @throws TokenRequestException for a wrong secret or an unknown client:
	 * {@code temporarily_unavailable} (429 with {@code Retry-After}) while a failure limit applies,
	 * {@code invalid_client} (401) otherwise
	 */
	RegisteredClient authenticateHeldBack(ClientCredentials credentials, String remoteAddress) {
		String clientKey = clientKey(credentials.clientId());
		boolean known = isKnown(clientKey, remoteAddress);
		RegisteredClient client = check(credentials, this.provenSecrets.presented(credentials), clientKey,
				remoteAddress, known);
		if (client != null) {
			return client;
		}
		TokenRequestException refusal = limitRefusal(clientKey, remoteAddress, known);
		if (refusal == null) {
			throw TokenRequestException.invalidClient("Client authentication failed");
		}
		logger.debug("Client authentication over a limit: " + refusal.getMessage());
		throw refusal;
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

	/** The client {@code clientId}, when {@code secret} is proven for it; the address becomes known for it. */
	private RegisteredClient proven(PresentedSecret secret, String clientId, String remoteAddress) {
		RegisteredClient client = this.clients.find(clientId).orElse(null);
		if (client == null || !this.provenSecrets.proves(client, secret)) {
			return null;
		}
		this.knownAddresses.put(new KnownAddress(client.id(), remoteAddress), Boolean.TRUE);
		return client;
	}

	/**
	 * The client if the secret is proven or the {@code PasswordEncoder} finds it right, which
	 * proves it and makes the address known; otherwise counts a failure and answers {@code null}.
	 */
	private RegisteredClient check(ClientCredentials credentials, PresentedSecret secret, String clientKey,
			String remoteAddress, boolean known) {
		// A concurrent request of the same client may have proven the secret while this one waited.
		RegisteredClient client = proven(secret, credentials.clientId(), remoteAddress);
		if (client != null) {
			return client;
		}
		client = this.clients.authenticate(credentials.clientId(), credentials.secret()).orElse(null);
		if (client == null) {
			long now = this.ticker.read();
			count(this.failuresByAddress, remoteAddress, now);
			if (!known) {
				count(this.failuresByClient, clientKey, now);
			}
			return null;
		}
		this.provenSecrets.remember(client, secret);
		this.knownAddresses.put(new KnownAddress(client.id(), remoteAddress), Boolean.TRUE);
		return client;
	}

	private boolean isKnown(String clientKey, String remoteAddress) {
		return this.knownAddresses.getIfPresent(new KnownAddress(clientKey, remoteAddress)) != null;
	}

	private String clientKey(String clientId) {
		return this.clients.isRegistered(clientId) ? clientId : UNKNOWN_CLIENT;
	}

	/** Takes a check in {@code lane}: waits at most {@code known-check-wait} if known, else {@code check-wait}. */
	private void acquire(Semaphore lane, boolean known) {
		Duration wait = known ? this.knownCheckWait : this.checkWait;
		boolean acquired;
		try {
			acquired = lane.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			logger.debug("Client authentication refused: no secret check free");
			throw TokenRequestException.busy("The server is busy; retry later", BUSY_RETRY_AFTER);
		}
	}

	private TokenRequestException overLimit(FailureCount failures, int limit, long now, String description) {
		if (failures != null && failures.count() >= limit) {
			return TokenRequestException.tooManyFailures(description, failures.remaining(now, this.failureWindow));
		}
		return null;
	}

	private static void count(Cache<String, FailureCount> failures, String key, long now) {
		failures.get(key, (k) -> new FailureCount(now)).increment();
	}

	private static Duration notNegative(String property, Duration value, String example) {
		if (value == null || value.isNegative()) {
			throw invalid(property, "must not be negative", "Set it to how long a request may wait, e.g. " + example);
		}
		return value;
	}

	private static Duration positive(String property, Duration value, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw invalid(property, "must be positive", "Set it to how long a request may wait, e.g. " + example);
		}
		return value;
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
