package dev.joat.sample.token;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The first step of every client-authenticated endpoint (token RFC 6749 §4.4.2, revocation RFC
 * 7009 §2.1, introspection RFC 7662 §2.1), in one place so that they cannot drift apart: the form
 * body read strictly by {@link TokenRequestForm}, the client credentials taken from it or from
 * HTTP Basic ({@link ClientCredentials}), and the client authenticated by the
 * {@link ClientAuthenticator} with its limits on failures. Thread-safe.
 */
@Component
class ClientRequestReader {

	/** The largest request body read; these requests need a few hundred bytes, a token about 1 KB. */
	static final int MAX_BODY_BYTES = 8192;

	/** The most form parameters read (RFC 6749 §4.4.2 defines four, RFC 7009 two plus credentials). */
	static final int MAX_PARAMETERS = 16;

	/** The reader of the bodies, shared with {@link TokenEndpointRefusalFilter}: a body is read once per request. */
	static final TokenRequestForm FORM = new TokenRequestForm(MAX_BODY_BYTES, MAX_PARAMETERS);

	private final ClientAuthenticator authenticator;

	ClientRequestReader(ClientAuthenticator authenticator) {
		this.authenticator = authenticator;
	}

	/**
	 * Reads {@code request} and authenticates its client.
	 * @param request the request to a client-authenticated endpoint
	 * @return the authenticated client and the form
	 * @throws TokenRequestException when the form is refused or the client not authenticated
	 */
	ClientRequest read(HttpServletRequest request) {
		Map<String, String> form = FORM.read(request);
		ClientCredentials credentials = ClientCredentials.from(request.getHeader(HttpHeaders.AUTHORIZATION), form);
		return new ClientRequest(this.authenticator.authenticate(credentials, request.getRemoteAddr()), form);
	}

}
