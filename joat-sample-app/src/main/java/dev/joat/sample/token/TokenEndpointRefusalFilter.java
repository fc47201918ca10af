package dev.joat.sample.token;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * Answers a request to the token, revocation or introspection endpoint (all three authenticate
 * clients alike, see {@link ClientRequestReader}) that a failure limit refuses before anything
 * else runs for it (Spring
 * Security's filter chains, Spring MVC): the {@link ClientAuthenticator#limitRefusal same rule}
 * the endpoint applies, read only, on the client id and remote address of the request (its body
 * read once by {@link TokenRequestForm}, shared with the endpoint). A refused request goes to
 * {@link DelayedRefusals}; every other request, including one whose body or credentials are
 * malformed (the endpoint answers those), goes on unchanged. Registered for
 * {@code /oauth2/token}, {@code /oauth2/revoke} and {@code /oauth2/introspect} just before Spring
 * Security's filter. Thread-safe.
 */
final class TokenEndpointRefusalFilter extends HttpFilter {

	private static final long serialVersionUID = 1L;

	private final transient ClientAuthenticator authenticator;

	private final transient DelayedRefusals delayedRefusals;

	TokenEndpointRefusalFilter(ClientAuthenticator authenticator, DelayedRefusals delayedRefusals) {
		this.authenticator = authenticator;
		this.delayedRefusals = delayedRefusals;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		TokenRequestException refusal = "POST".equals(request.getMethod()) ? limitRefusal(request) : null;
		if (refusal != null) {
			this.delayedRefusals.refuse(refusal, request, response);
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private TokenRequestException limitRefusal(HttpServletRequest request) {
		ClientCredentials credentials;
		try {
			credentials = ClientCredentials.from(request.getHeader(HttpHeaders.AUTHORIZATION),
					ClientRequestReader.FORM.read(request));
		}
		catch (TokenRequestException ex) {
			return null;
		}
		return this.authenticator.limitRefusal(credentials.clientId(), request.getRemoteAddr());
	}

}
