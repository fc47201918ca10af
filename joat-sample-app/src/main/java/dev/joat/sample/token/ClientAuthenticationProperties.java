package dev.joat.sample.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits on client authentication at the token endpoint
 * ({@code joat.sample.client-authentication}), so wrong secrets cannot be used to guess a secret
 * or to burn the CPU that legitimate clients need (each check of a bcrypt secret costs tens of
 * milliseconds on purpose).
 */
@ConfigurationProperties("joat.sample.client-authentication")
public class ClientAuthenticationProperties {

	/**
	 * Failed client authentications allowed from one remote address per failure window; beyond
	 * it, the address's attempts are held back (refusal-delay) and checked one at a time.
	 */
	private int maxFailuresPerAddress = 10;

	/**
	 * Failed authentications allowed for one client id per failure window; beyond it, attempts
	 * from addresses that did not recently authenticate as that client are held back
	 * (refusal-delay) and checked one at a time.
	 */
	private int maxFailuresPerClient = 20;

	/** How long failures are counted before the count starts again. */
	private Duration failureWindow = Duration.ofMinutes(5);

	/** How long an address that authenticated as a client stays trusted for that client. */
	private Duration knownAddressLifetime = Duration.ofHours(1);

	/**
	 * How long after its last use a secret the password encoder proved right is accepted again
	 * without the slow check and without any failure limit (an HMAC of it is kept in memory, never
	 * the secret).
	 */
	private Duration provenSecretLifetime = Duration.ofMinutes(5);

	/**
	 * Secret checks that may run at once for addresses not known for the client; 0 means half the
	 * available processors, at least one. Known addresses have a lane of their own.
	 */
	private int maxConcurrentChecks = 0;

	/**
	 * How long a request from an address not known for the client waits for a free secret check
	 * before it is answered 503; known addresses wait up to known-check-wait in a lane of their own.
	 */
	private Duration checkWait = Duration.ofMillis(250);

	/**
	 * How long a request from an address known for the client waits for a free check in its own
	 * lane before it is answered 503 with Retry-After; long enough for a known client's burst.
	 */
	private Duration knownCheckWait = Duration.ofSeconds(5);

	/**
	 * How long an attempt over a failure limit is held back, without holding a thread, before its
	 * secret is checked (held-back attempts one at a time): a right secret then gets its token, a
	 * wrong one 429 with Connection: close. 0 checks at once. At most 10s.
	 */
	private Duration refusalDelay = Duration.ofSeconds(1);

	/**
	 * The most attempts held back at once; the others wait, without a thread, until one of them
	 * is answered.
	 */
	private int maxDelayedRefusals = 1000;

	/** The most addresses, client ids, known pairs and proven secrets each tracked at once. */
	private int maxTrackedKeys = 100_000;

	public int getMaxFailuresPerAddress() {
		return this.maxFailuresPerAddress;
	}

	public void setMaxFailuresPerAddress(int maxFailuresPerAddress) {
		this.maxFailuresPerAddress = maxFailuresPerAddress;
	}

	public int getMaxFailuresPerClient() {
		return this.maxFailuresPerClient;
	}

	public void setMaxFailuresPerClient(int maxFailuresPerClient) {
		this.maxFailuresPerClient = maxFailuresPerClient;
	}

	public Duration getFailureWindow() {
		return this.failureWindow;
	}

	public void setFailureWindow(Duration failureWindow) {
		this.failureWindow = failureWindow;
	}

	public Duration getKnownAddressLifetime() {
		return this.knownAddressLifetime;
	}

	public void setKnownAddressLifetime(Duration knownAddressLifetime) {
		this.knownAddressLifetime = knownAddressLifetime;
	}

	public Duration getProvenSecretLifetime() {
		return this.provenSecretLifetime;
	}

	public void setProvenSecretLifetime(Duration provenSecretLifetime) {
		this.provenSecretLifetime = provenSecretLifetime;
	}

	public int getMaxConcurrentChecks() {
		return this.maxConcurrentChecks;
	}

	public void setMaxConcurrentChecks(int maxConcurrentChecks) {
		this.maxConcurrentChecks = maxConcurrentChecks;
	}

	public Duration getCheckWait() {
		return this.checkWait;
	}

	public void setCheckWait(Duration checkWait) {
		this.checkWait = checkWait;
	}

	public Duration getKnownCheckWait() {
		return this.knownCheckWait;
	}

	public void setKnownCheckWait(Duration knownCheckWait) {
		this.knownCheckWait = knownCheckWait;
	}

	public Duration getRefusalDelay() {
		return this.refusalDelay;
	}

	public void setRefusalDelay(Duration refusalDelay) {
		this.refusalDelay = refusalDelay;
	}

	public int getMaxDelayedRefusals() {
		return this.maxDelayedRefusals;
	}

	public void setMaxDelayedRefusals(int maxDelayedRefusals) {
		this.maxDelayedRefusals = maxDelayedRefusals;
	}

	public int getMaxTrackedKeys() {
		return this.maxTrackedKeys;
	}

	public void setMaxTrackedKeys(int maxTrackedKeys) {
		this.maxTrackedKeys = maxTrackedKeys;
	}

}
