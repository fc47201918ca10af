package dev.joat.spring.boot.actuate;

import java.util.Objects;

import dev.joat.revocation.RevocationList;
import dev.joat.spring.boot.JoatConfigurationReport;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/joat}: the effective joat configuration — issuer, algorithms, profile,
 * lifetimes, clock skew, audiences, the key ring (each key id, its algorithm, which one signs) and
 * the revocation store (its kind and current entry count, never an entry).
 * Read-only, and never secret material: no secret, no length and no hash of one. Like every
 * actuator endpoint it is reachable over HTTP only once exposed
 * ({@code management.endpoints.web.exposure.include=joat}). Thread-safe.
 */
@Endpoint(id = "joat")
public final class JoatEndpoint {

	private final JoatConfigurationReport report;

	private final RevocationList revocationList;

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
		this.report = Objects.requireNonNull(report, "report cannot be null");
		this.revocationList = revocationList;
	}

	/**
	 * The effective configuration.
	 * @return the report
	 */
	@ReadOperation
	public JoatConfigurationReport configuration() {
		return this.report.withRevocationEntries(this.revocationList);
	}

}
