package dev.joat.spring.boot.actuate;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import dev.joat.spring.security.JwkSetListener;
import dev.joat.spring.security.JwkSetStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The meters of the issuer's JWK Set, told each refresh by the starter's {@code JwkSetKeySource}:
 * the counter {@value #REFRESH} (tag {@code outcome}: {@code success}, {@code unavailable},
 * {@code invalid}), and the gauges {@value #KEYS} (keys served) and {@value #STALENESS} (seconds since
 * the keys served were fetched; NaN before the first success). The gauges are registered with the
 * first refresh, so an application that verifies with HMAC secrets has none. Public data only.
 * Thread-safe.
 */
final class JoatJwksMetrics implements JwkSetListener {

	/** The counter of completed refreshes. */
	static final String REFRESH = "joat.jwks.refresh";

	/** The gauge of keys served. */
	static final String KEYS = "joat.jwks.keys";

	/** The gauge of the served keys' age, in seconds. */
	static final String STALENESS = "joat.jwks.staleness";

	private final MeterRegistry registry;

	private final Map<JwkSetStatus.Outcome, Counter> refreshes = new EnumMap<>(JwkSetStatus.Outcome.class);

	private volatile @Nullable JwkSetStatus status;

	/**
	 * Creates the meters in {@code registry}.
	 * @param registry the registry
	 */
	JoatJwksMetrics(MeterRegistry registry) {
		this.registry = Objects.requireNonNull(registry, "registry cannot be null");
		for (JwkSetStatus.Outcome outcome : JwkSetStatus.Outcome.values()) {
			this.refreshes.put(outcome, Counter.builder(REFRESH)
				.description("Refreshes of the issuer's JWK Set, by outcome")
				.tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
				.register(registry));
		}
	}

	@Override
	public void refreshed(JwkSetStatus.Outcome outcome, JwkSetStatus status) {
		boolean first = this.status == null;
		this.status = status;
		this.refreshes.get(outcome).increment();
		if (first) {
			Gauge.builder(KEYS, this, JoatJwksMetrics::keys)
				.description("Keys of the issuer's JWK Set that verify tokens")
				.register(this.registry);
			Gauge.builder(STALENESS, this, JoatJwksMetrics::staleness)
				.description("Seconds since the keys that verify tokens were fetched")
				.baseUnit("seconds")
				.register(this.registry);
		}
	}

	private double keys() {
		JwkSetStatus current = this.status;
		return (current != null) ? current.keys().size() : Double.NaN;
	}

	private double staleness() {
		JwkSetStatus current = this.status;
		if (current == null || current.lastSuccess() == null) {
			return Double.NaN;
		}
		return Math.max(0, (System.currentTimeMillis() - current.lastSuccess().toEpochMilli()) / 1000.0);
	}

}
