package dev.joat.spring.boot.actuate;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.joat.InvalidTokenException;
import dev.joat.TokenIssuanceListener;
import dev.joat.TokenProfile;
import dev.joat.TokenVerificationListener;
import dev.joat.spring.security.JoatJwtDecoder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * joat's counters in a Micrometer {@link MeterRegistry}, fed by the parser's and generator's
 * listeners:
 * <ul>
 * <li>{@value #VERIFIED}, tagged {@code outcome} ({@code accepted} or {@code refused}),
 * {@code reason} (an {@link InvalidTokenException.Reason}, or {@code none} when accepted) and
 * {@code kid} (a key id of the configured ring, {@code unknown} or {@code none});</li>
 * <li>{@value #ISSUED}, tagged {@code algorithm}, {@code kid} and {@code profile} ({@code pyjoat} or
 * {@code rfc9068}, as {@code joat.profile} names them);</li>
 * <li>as the {@link JoatJwtDecoder}'s {@linkplain JoatJwtDecoder.VerificationTimer verification
 * timer}, the timer {@value #VERIFICATION}, tagged {@code outcome} ({@code accepted},
 * {@code refused}, {@code unavailable} or {@code failed}), {@code reason} (as the counter's,
 * {@code validator} when an application's validator refused the token, {@code revocation} or
 * {@code keys} when the token could not be checked: {@link JoatJwtDecoder.Unavailability}) and {@code error} (the simple class name of the
 * exception of a failed verification, otherwise {@code none}): the meter Micrometer's
 * {@code DefaultMeterObservationHandler} makes of the decoder's observation, with the same name
 * and tags.</li>
 * </ul>
 * Every tag value is bounded and none comes from a client: no token, client id, subject or scope is
 * ever a tag. Counters and timers are looked up without allocating once created (a failed
 * verification's timer excepted): a key id's counters by the identity of the string the parser
 * passes (its ring's own, or the listener's constants), the accepted timer from a field of its own.
 * Thread-safe.
 */
public final class JoatTokenMetrics
		implements TokenVerificationListener, TokenIssuanceListener, JoatJwtDecoder.VerificationTimer {

	/** The name of the verification counter. */
	public static final String VERIFIED = "joat.tokens.verified";

	/** The name of the issuance counter. */
	public static final String ISSUED = "joat.tokens.issued";

	/** The name of the verification timer: the decoder's observation's. */
	public static final String VERIFICATION = JoatJwtDecoder.OBSERVATION_NAME;

	private static final InvalidTokenException.Reason[] REASONS = InvalidTokenException.Reason.values();

	/** The verification timer's index for an accepted token; refusals by reason follow, by ordinal. */
	private static final int ACCEPTED = 0;

	private static final int BY_VALIDATOR = REASONS.length + 1;

	/** The verification timer's index of the first {@link JoatJwtDecoder.Unavailability}; the others follow, by ordinal. */
	private static final int UNAVAILABLE = BY_VALIDATOR + 1;

	private static final JoatJwtDecoder.Unavailability[] UNAVAILABILITIES = JoatJwtDecoder.Unavailability.values();

	/** How many key id instances {@link #countersByIdentity} holds at most; the ring's and the listener's two constants fit. */
	private static final int MAX_KEY_ID_INSTANCES = 16;

	private final MeterRegistry registry;

	/** By key id: the accepted counter, then one refused counter per reason (by ordinal), created on first use. */
	private final Map<String, Counter[]> verified = new ConcurrentHashMap<>();

	/**
	 * The counters of the key id instances seen so far, found by identity: the parser passes its
	 * ring's own strings and the listener's constants, so a few comparisons replace a map lookup.
	 * Copied on write, under {@code this}; never more than {@value #MAX_KEY_ID_INSTANCES} entries.
	 */
	private volatile KeyIdCounters[] countersByIdentity = new KeyIdCounters[0];

	/** The timer of accepted verifications, created on first use: the one every verification of a valid token records. */
	private volatile Timer acceptedTimer;

	private final Map<IssuedTags, Counter> issued = new ConcurrentHashMap<>();

	/** The verification timers by index (accepted, refused by reason, by a validator, unavailable by cause), created on first use. */
	private final AtomicReferenceArray<Timer> verificationTimers = new AtomicReferenceArray<>(
			UNAVAILABLE + UNAVAILABILITIES.length);

	/**
	 * Creates the counters' home.
	 * @param registry where the counters are registered
	 */
	public JoatTokenMetrics(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry cannot be null");
	}

	@Override
	public void tokenAccepted(String keyId) {
		counters(keyId)[0].increment();
	}

	@Override
	public void tokenRefused(InvalidTokenException.Reason reason, String keyId) {
		counters(keyId)[reason.ordinal() + 1].increment();
	}

	@Override
	public void tokenIssued(String algorithm, String keyId, TokenProfile profile) {
		this.issued.computeIfAbsent(new IssuedTags(algorithm, keyId, profile), this::issuedCounter).increment();
	}

	@Override
	public void verificationAccepted(long nanos) {
		Timer timer = this.acceptedTimer;
		if (timer == null) {
			timer = verificationTimer(ACCEPTED);
			this.acceptedTimer = timer;
		}
		timer.record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void verificationRefused(InvalidTokenException.Reason reason, long nanos) {
		verificationTimer(reason.ordinal() + 1).record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void verificationRefusedByValidator(long nanos) {
		verificationTimer(BY_VALIDATOR).record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void verificationUnavailable(JoatJwtDecoder.Unavailability unavailability, long nanos) {
		verificationTimer(UNAVAILABLE + unavailability.ordinal()).record(nanos, TimeUnit.NANOSECONDS);
	}

	@Override
	public void verificationFailed(Throwable error, long nanos) {
		verificationTimer("failed", "none", error.getClass().getSimpleName()).record(nanos, TimeUnit.NANOSECONDS);
	}

	private Timer verificationTimer(int index) {
		Timer timer = this.verificationTimers.get(index);
		if (timer == null) {
			// The registry answers the same timer to every thread that races here.
			timer = (index == ACCEPTED) ? verificationTimer("accepted", "none", "none")
					: (index == BY_VALIDATOR) ? verificationTimer("refused", "validator", "none")
					: (index >= UNAVAILABLE) ? verificationTimer("unavailable", UNAVAILABILITIES[index - UNAVAILABLE].reason(), "none")
							: verificationTimer("refused", REASONS[index - 1].name(), "none");
			this.verificationTimers.set(index, timer);
		}
		return timer;
	}

	private Timer verificationTimer(String outcome, String reason, String error) {
		return Timer.builder(VERIFICATION)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.tag("error", error)
			.register(this.registry);
	}

	private Counter[] counters(String keyId) {
		for (KeyIdCounters known : this.countersByIdentity) {
			if (known.keyId() == keyId) {
				return known.counters();
			}
		}
		return countersByEquality(keyId);
	}

	/** The counters of a key id instance not (yet) known by identity, remembered by identity while there is room. */
	private Counter[] countersByEquality(String keyId) {
		Counter[] counters = this.verified.get(keyId);
		if (counters == null) {
			counters = this.verified.computeIfAbsent(keyId, this::verifiedCounters);
		}
		if (this.countersByIdentity.length < MAX_KEY_ID_INSTANCES) {
			rememberByIdentity(keyId, counters);
		}
		return counters;
	}

	private synchronized void rememberByIdentity(String keyId, Counter[] counters) {
		KeyIdCounters[] known = this.countersByIdentity;
		if (known.length >= MAX_KEY_ID_INSTANCES) {
			return;
		}
		for (KeyIdCounters entry : known) {
			if (entry.keyId() == keyId) {
				return;
			}
		}
		KeyIdCounters[] grown = Arrays.copyOf(known, known.length + 1);
		grown[known.length] = new KeyIdCounters(keyId, counters);
		this.countersByIdentity = grown;
	}

	private Counter[] verifiedCounters(String keyId) {
		Counter[] counters = new Counter[REASONS.length + 1];
		counters[0] = verifiedCounter("accepted", "none", keyId);
		for (InvalidTokenException.Reason reason : REASONS) {
			counters[reason.ordinal() + 1] = verifiedCounter("refused", reason.name(), keyId);
		}
		return counters;
	}

	private Counter verifiedCounter(String outcome, String reason, String keyId) {
		return Counter.builder(VERIFIED)
			.description("Bearer tokens verified by joat, by outcome, refusal reason and key id of the ring")
			.tag("outcome", outcome)
			.tag("reason", reason)
			.tag("kid", keyId)
			.register(this.registry);
	}

	private Counter issuedCounter(IssuedTags tags) {
		return Counter.builder(ISSUED)
			.description("Access tokens issued by joat, by algorithm, key id and profile")
			.tag("algorithm", tags.algorithm())
			.tag("kid", tags.keyId())
			.tag("profile", tags.profile().name().toLowerCase(Locale.ROOT).replace("_", ""))
			.register(this.registry);
	}

	/** A key id instance and its counters. */
	private record KeyIdCounters(String keyId, Counter[] counters) {
	}

	private record IssuedTags(String algorithm, String keyId, TokenProfile profile) {
	}

}
