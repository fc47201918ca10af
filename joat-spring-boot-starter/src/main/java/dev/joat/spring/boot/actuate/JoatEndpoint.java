package dev.joat.spring.boot.actuate;

import java.util.Objects;

import dev.joat.revocation.RevocationList;
import dev.joat.spring.boot.JoatConfigurationReport;
import dev.joat.spring.security.JwkSetKeySource;
import dev.joat.spring.security.JwkSetStatus;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/joat}: the effective joat configuration — issuer, algorithms, profile,
 * lifetimes, clock skew, audiences, the key ring (each key id, its algorithm, which one signs) and
 * the revocation store (its kind and current entry count, never an entry); and at
 * {@code /actuator/joat/jwks}, when keys come from an issuer's JWK Set, its status: each key's
 * {@code kid}, algorithm and thumbprint, the source URI and the last refresh.
 * Read-only, and never secret material: no secret, no length and no hash of one. Like every
 * actuator endpoint it is reachable over HTTP only once exposed
 * ({@code management.endpoints.web.exposure.include=joat}). Thread-safe.
 */
@Endpoint(id = "joat")
public final class JoatEndpoint {

	private final JoatConfigurationReport report;

	private final RevocationList revocationList;

	private final @Nullable JwkSetKeySource jwkSet;

	/**
	 * Creates the endpoint.
	 * @param report what it shows
	 */
	public JoatEndpoint(JoatConfigurationReport report) {
		this(report, null);
	}

	/**
	 * Creates the endpoint, showing the current entry count of {@code revocationList}.
	 * @param report what it shows
	 * @param revocationList the list the parser consults, or {@code null} for none
	 */
	public JoatEndpoint(JoatConfigurationReport report, @Nullable RevocationList revocationList) {
		this(report, revocationList, null);
	}

	/**
	 * Creates the endpoint, also showing the status of the issuer's JWK Set at
	 * {@code /actuator/joat/jwks}.
	 * @param report what it shows
	 * @param revocationList the list the parser consults, or {@code null} for none
	 * @param jwkSet the source of the issuer's keys, or {@code null} for none
	 */
	public JoatEndpoint(JoatConfigurationReport report, @Nullable RevocationList revocationList,
			@Nullable JwkSetKeySource jwkSet) {
		this.report = Objects.requireNonNull(report, "report cannot be null");
		this.revocationList = revocationList;
		this.jwkSet = jwkSet;
	}

	/**
	 * The effective configuration.
	 * @return the report
	 */
	@ReadOperation
	public JoatConfigurationReport configuration() {
		return this.report.withRevocationEntries(this.revocationList);
	}

	/**
	 * {@code /actuator/joat/jwks}: the issuer's JWK Set as the parser uses it — the source URI, the
	 * JWK Set URI, each key's {@code kid}, algorithm and RFC 7638 thumbprint, and the last refresh
	 * (outcome, failure, times, staleness). Public data only: never a key's parameters.
	 * @param part {@code jwks}
	 * @return the status, or {@code null} (404) for another part or when keys do not come from a
	 * JWK Set
	 */
	@ReadOperation
	public @Nullable JwkSetStatus part(@Selector String part) {
		return ("jwks".equals(part) && this.jwkSet != null) ? this.jwkSet.status() : null;
	}

}
