package dev.joat.sample.token;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.joat.ScopeToken;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth2/token}: the client-credentials grant (RFC 6749 §4.4). Issues a joat access
 * token for the authenticated client, with the requested scope (or all the client's scopes), and
 * answers errors as RFC 6749 §5.2 JSON. Responses are never cached (§5.1).
 */
@RestController
class TokenEndpoint {

	private static final Log logger = LogFactory.getLog(TokenEndpoint.class);

	private final ClientRegistry clients;

	private final TokenGenerator tokenGenerator;

	TokenEndpoint(ClientRegistry clients, TokenGenerator tokenGenerator) {
		this.clients = clients;
		this.tokenGenerator = tokenGenerator;
	}

	@PostMapping("/oauth2/token")
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
		Map<String, String> form = formParameters(request);
		ClientCredentials credentials = ClientCredentials.from(request.getHeader(HttpHeaders.AUTHORIZATION), form);
		RegisteredClient client = this.clients.authenticate(credentials.clientId(), credentials.secret())
			.orElseThrow(() -> TokenRequestException.invalidClient("Client authentication failed"));
		String grantType = form.get("grant_type");
		if (grantType == null) {
			throw TokenRequestException.invalidRequest("grant_type is missing");
		}
		if (!grantType.equals("client_credentials")) {
			throw TokenRequestException.unsupportedGrantType("Only the client_credentials grant is supported");
		}
		List<String> scope = grantedScope(client, form.get("scope"));
		String accessToken = this.tokenGenerator.issueToken(TokenRequest.builder(client.id(), scope).build());
		logger.debug("Issued a token to client " + client.id() + " for scope " + scope);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", accessToken);
		body.put("token_type", "Bearer");
		body.put("expires_in", this.tokenGenerator.lifetime().getSeconds());
		body.put("scope", String.join(" ", scope));
		return noStore(ResponseEntity.ok()).body(body);
	}

	@ExceptionHandler(TokenRequestException.class)
	ResponseEntity<Map<String, Object>> tokenError(TokenRequestException ex) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", ex.error());
		body.put("error_description", ex.getMessage());
		ResponseEntity.BodyBuilder response = noStore(ResponseEntity.status(ex.status()));
		if (ex.error().equals("invalid_client")) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth2\"");
		}
		return response.body(body);
	}

	/**
	 * The form parameters, each at most once (RFC 6749 §3.2), from a form-encoded body only: a
	 * query string could leak a client secret into logs.
	 */
	private static Map<String, String> formParameters(HttpServletRequest request) {
		MediaType contentType;
		try {
			contentType = (request.getContentType() != null) ? MediaType.parseMediaType(request.getContentType()) : null;
		}
		catch (IllegalArgumentException ex) {
			contentType = null;
		}
		if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)) {
			throw TokenRequestException.invalidRequest("The request body must be application/x-www-form-urlencoded");
		}
		if (request.getQueryString() != null) {
			throw TokenRequestException.invalidRequest("Parameters must be sent in the request body, not the URL");
		}
		Map<String, String> form = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (values.length != 1) {
				throw TokenRequestException.invalidRequest("Parameter " + name + " is repeated");
			}
			form.put(name, values[0]);
		});
		return form;
	}

	/** All the client's scopes when none is requested; otherwise the requested ones, each allowed. */
	private static List<String> grantedScope(RegisteredClient client, String requested) {
		if (requested == null) {
			return client.scopes();
		}
		Set<String> scope = new LinkedHashSet<>();
		for (String value : requested.split(" ", -1)) {
			if (!ScopeToken.isValid(value)) {
				throw TokenRequestException.invalidScope("The scope must be scope values separated by single spaces");
			}
			scope.add(value);
		}
		if (!client.mayHave(scope)) {
			throw TokenRequestException.invalidScope("The client may not have the requested scope");
		}
		return new ArrayList<>(scope);
	}

	private static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder response) {
		return response.cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
			.contentType(MediaType.APPLICATION_JSON);
	}

}
