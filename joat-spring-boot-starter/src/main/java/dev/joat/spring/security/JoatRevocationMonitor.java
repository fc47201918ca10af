package dev.joat.spring.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

import dev.joat.KeysUnavailableException;
import dev.joat.revocation.RevocationReplica;
import dev.joat.revocation.RevocationUnavailableException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Where the starter reports that a request got {@code 503} because the issuer's keys were
 * unavailable ({@link #keysUnavailable}), and that revocation could not be checked with fresh data: each request
 * refused with {@code 503} (by {@link RevocationUnavailableFilter} or its reactive twin) and, as the
 * {@link RevocationReplica.StalenessListener} of a replica configured to fail open, each token
 * accepted against a stale list. Counted for the meter {@value #METER_NAME} (tag {@code outcome}:
 * {@code refused} or {@code accepted}) and logged at WARN at most once a minute per outcome, with a
 * count: a server-side fault, never a per-request line. No token, claim or request data is logged.
 *
 * <p>A replicated store (such as the joat-revocation-redis module) passes this bean as its
 * replica's staleness listener. Thread-safe.
 */
public final class JoatRevocationMonitor implements RevocationReplica.StalenessListener {

	/** The counter of verifications that could not be checked against a fresh revocation list. */
	public static final String METER_NAME = "joat.revocation.unavailable";

	private static final Log logger = LogFactory.getLog(JoatRevocationMonitor.class);

	private static final Duration REPORT_INTERVAL = Duration.ofMinutes(1);

	private final LongAdder refused = new LongAdder();

	private final LongAdder accepted = new LongAdder();

	private final RateLimitedLog refusals;

	private final RateLimitedLog staleAcceptances;

	private final LongAdder keysRefused = new LongAdder();

	private final RateLimitedLog keysRefusals;

	/** Creates a monitor that paces its log lines by the system clock. */
	public JoatRevocationMonitor() {
		this(Clock.systemUTC());
	}

	/** As {@link #JoatRevocationMonitor()}; {@code clock} paces the log lines. */
	JoatRevocationMonitor(Clock clock) {
		Objects.requireNonNull(clock, "clock cannot be null");
		this.refusals = new RateLimitedLog(logger, REPORT_INTERVAL, clock);
		this.staleAcceptances = new RateLimitedLog(logger, REPORT_INTERVAL, clock);
		this.keysRefusals = new RateLimitedLog(logger, REPORT_INTERVAL, clock);
	}

	/**
	 * A request was refused with {@code 503} because the issuer's keys are unavailable (none fetched
	 * yet, or older than the maximum staleness). Logged at WARN at most once a minute, with a count.
	 * @param ex why
	 */
	public void keysUnavailable(KeysUnavailableException ex) {
		this.keysRefused.increment();
		this.keysRefusals.warn("Bearer tokens are refused with 503 Service Unavailable because the issuer's keys are"
				+ " unavailable: " + JoatJwtDecoder.asErrorDescription(String.valueOf(ex.getMessage())));
	}

	/**
	 * How many requests were refused with {@code 503} because the issuer's keys were unavailable.
	 * @return the count
	 */
	public long keysRefusedCount() {
		return this.keysRefused.sum();
	}

	/**
	 * A request was refused with {@code 503} because revocation could not be checked.
	 * @param ex why
	 */
	public void revocationUnavailable(RevocationUnavailableException ex) {
		this.refused.increment();
		this.refusals.warn("Bearer tokens are refused with 503 Service Unavailable because revocation cannot be"
				+ " checked: " + JoatJwtDecoder.asErrorDescription(String.valueOf(ex.getMessage())));
	}

	/**
	 * A token was checked against a stale revocation list and accepted or refused by that answer,
	 * as {@code joat.revocation.fail-open=true} allows.
	 * @param staleness how long since the list was last confirmed fresh, or {@code null} when never
	 */
	@Override
	public void staleListUsed(@Nullable Duration staleness) {
		this.accepted.increment();
		this.staleAcceptances.warn("Bearer tokens are checked against a stale revocation list"
				+ " (joat.revocation.fail-open=true): "
				+ ((staleness != null) ? "last confirmed fresh " + staleness.toSeconds() + "s ago" : "never loaded"));
	}

	/**
	 * How many requests were refused with {@code 503} so far.
	 * @return the count
	 */
	public long refusedCount() {
		return this.refused.sum();
	}

	/**
	 * How many tokens were checked against a stale list so far (failing open).
	 * @return the count
	 */
	public long acceptedCount() {
		return this.accepted.sum();
	}

}
