package dev.joat.sample.token;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * Holds back a request to the token, revocation or introspection endpoint (all three authenticate
 * clients alike, see {@link ClientRequestReader}) that is over a failure limit
 * ({@link ClientAuthenticator#holdsBack}, read only, on the credentials and remote address of the
 * request, its body read once by {@link TokenRequestForm} and shared with the endpoint) before
 * anything else runs for it (Spring Security's filter chains, Spring MVC): {@link HeldBackAttempts}
 * checks it later and answers a wrong secret or dispatches a right one. Every other request,
 * including one whose body or credentials are malformed (the endpoint answers those), and a
 * request that cannot be processed asynchronously (the endpoint checks its secret), goes on
 * unchanged. Registered for {@code /oauth2/token}, {@code /oauth2/revoke} and
 * {@code /oauth2/introspect} just before Spring Security's filter, for the request dispatch only
 * (a held-back request dispatched again does not pass here twice). Thread-safe.
 */
final class TokenEndpointRefusalFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private final transient ClientAuthenticator authenticator;

	private final transient HeldBackAttempts heldBackAttempts;

	TokenEndpointRefusalFilter(ClientAuthenticator authenticator, HeldBackAttempts heldBackAttempts) {
		this.authenticator = authenticator;
		this.heldBackAttempts = heldBackAttempts;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		ClientCredentials credentials = ("POST".equals(request.getMethod()) && request.isAsyncSupported())
				? credentials(request) : null;
		if (credentials != null && this.authenticator.holdsBack(credentials, request.getRemoteAddr())) {
			this.heldBackAttempts.holdBack(credentials, request, response);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static ClientCredentials credentials(HttpServletRequest request) {
		try {
			return ClientCredentials.from(request.getHeader(HttpHeaders.AUTHORIZATION),
					ClientRequestReader.FORM.read(request));
		}
		catch (TokenRequestException ex) {
			return null;
		}
	}

}
