package dev.joat.spring.boot;

import java.util.Objects;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/joat}: the effective joat configuration — issuer, algorithms, profile,
 * lifetimes, clock skew, audiences and the key ring (each key id, its algorithm, which one signs).
 * Read-only, and never secret material: no secret, no length and no hash of one. Like every
 * actuator endpoint it is reachable over HTTP only once exposed
 * ({@code management.endpoints.web.exposure.include=joat}). Thread-safe.
 */
@Endpoint(id = "joat")
public final class JoatEndpoint {

	private final JoatConfigurationReport report;

	/**
	 * Creates the endpoint.
	 * @param report what it shows
	 */
	public JoatEndpoint(JoatConfigurationReport report) {
		this.report = Objects.requireNonNull(report, "report cannot be null");
	}

	/**
	 * The effective configuration.
	 * @return the report
	 */
	@ReadOperation
	public JoatConfigurationReport configuration() {
		return this.report;
	}

}
