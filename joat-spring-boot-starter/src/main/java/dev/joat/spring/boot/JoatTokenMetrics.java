package dev.joat.spring.boot;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import dev.joat.InvalidTokenException;
import dev.joat.TokenIssuanceListener;
import dev.joat.TokenProfile;
import dev.joat.TokenVerificationListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * joat's counters in a Micrometer {@link MeterRegistry}, fed by the parser's and generator's
 * listeners:
 * <ul>
 * <li>{@value #VERIFIED}, tagged {@code outcome} ({@code accepted} or {@code refused}),
 * {@code reason} (an {@link InvalidTokenException.Reason}, or {@code none} when accepted) and
 * {@code kid} (a key id of the configured ring, {@code unknown} or {@code none});</li>
 * <li>{@value #ISSUED}, tagged {@code algorithm}, {@code kid} and {@code profile} ({@code pyjoat} or
 * {@code rfc9068}, as {@code joat.profile} names them).</li>
 * </ul>
 * Every tag value is bounded and none comes from a client: no token, client id, subject or scope is
 * ever a tag. Counters are looked up without allocating once created. Thread-safe.
 */
public final class JoatTokenMetrics implements TokenVerificationListener, TokenIssuanceListener {

	/** The name of the verification counter. */
	public static final String VERIFIED = "joat.tokens.verified";

	/** The name of the issuance counter. */
	public static final String ISSUED = "joat.tokens.issued";

	private static final InvalidTokenException.Reason[] REASONS = InvalidTokenException.Reason.values();

	private final MeterRegistry registry;

	/** By key id: the accepted counter, then one refused counter per reason (by ordinal), created on first use. */
	private final Map<String, Counter[]> verified = new ConcurrentHashMap<>();

	private final Map<IssuedTags, Counter> issued = new ConcurrentHashMap<>();

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

	private Counter[] counters(String keyId) {
		Counter[] counters = this.verified.get(keyId);
		return (counters != null) ? counters : this.verified.computeIfAbsent(keyId, this::verifiedCounters);
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

	private record IssuedTags(String algorithm, String keyId, TokenProfile profile) {
	}

}
