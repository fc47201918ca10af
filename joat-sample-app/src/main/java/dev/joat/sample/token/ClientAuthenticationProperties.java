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

	/** Failed client authentications allowed from one remote address per failure window. */
	private int maxFailuresPerAddress = 10;

	/**
	 * Failed authentications allowed for one client id per failure window; beyond it only
	 * addresses that recently authenticated as that client have their secret checked.
	 */
	private int maxFailuresPerClient = 20;

	/** How long failures are counted before the count starts again. */
	private Duration failureWindow = Duration.ofMinutes(5);

	/** How long an address that authenticated as a client stays trusted for that client. */
	private Duration knownAddressLifetime = Duration.ofHours(1);

	/**
	 * Secret checks that may run at once for addresses not known for the client; 0 means half the
	 * available processors, at least one. Known addresses have a lane of their own.
	 */
	private int maxConcurrentChecks = 0;

	/** How long a request waits for a free secret check before it is answered 503. */
	private Duration checkWait = Duration.ofMillis(250);

	/**
	 * How long a refusal for a failure limit (429) is held back before it is answered, without
	 * holding a thread, so that a client repeating refused attempts cannot make thousands a second;
	 * 0 answers at once. At most 10s.
	 */
	private Duration refusalDelay = Duration.ofSeconds(1);

	/** The most refusals held back at once; beyond it they are answered at once. */
	private int maxDelayedRefusals = 1000;

	/** The most addresses, client ids and known pairs each tracked at once. */
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
