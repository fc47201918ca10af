package dev.joat.sample;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches requests that reached the management server's port ({@code local.management.port}, known
 * once that server has started; it may have been chosen at random). The request's local port is the
 * socket's, which no header can change. The port is read from the {@link Environment} until the
 * server has started and then kept: every request to the application passes this matcher first,
 * and a look-up through all property sources on each would be repeated work. Thread-safe.
 */
final class ManagementPortRequestMatcher implements RequestMatcher {

	private static final int UNKNOWN = -1;

	private final Environment environment;

	private volatile int port = UNKNOWN;

	ManagementPortRequestMatcher(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		int managementPort = this.port;
		if (managementPort == UNKNOWN) {
			Integer started = this.environment.getProperty("local.management.port", Integer.class);
			if (started == null) {
				return false;
			}
			managementPort = started;
			this.port = managementPort;
		}
		return request.getLocalPort() == managementPort;
	}

}
