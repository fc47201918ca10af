package dev.joat.sample.token;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.joat.ScopeToken;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth2/token}: the client-credentials grant (RFC 6749 §4.4). Issues a joat access
 * token for the authenticated client, with the requested scope (or all the client's scopes) and
 * a unique {@code jti}, and answers errors as RFC 6749 §5.2 JSON. The form body is read by
 * {@link TokenRequestForm}, never by the container, so no body can turn into a server error;
 * clients authenticate through {@link ClientAuthenticator}, which limits failures. Responses are
 * never cached (§5.1); refusals are logged at DEBUG, one line each, with nothing the client sent.
 */
@RestController
class TokenEndpoint {

	private static final Log logger = LogFactory.getLog(TokenEndpoint.class);

	/** The largest token request body read; a client-credentials request needs a few hundred bytes. */
	static final int MAX_BODY_BYTES = 8192;

	/** The most form parameters read (RFC 6749 §4.4.2 defines four). */
	static final int MAX_PARAMETERS = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	/** The reader of token request bodies, shared with {@link TokenEndpointRefusalFilter}. */
	static final TokenRequestForm FORM = new TokenRequestForm(MAX_BODY_BYTES, MAX_PARAMETERS);

	private final ClientAuthenticator authenticator;

	private final TokenGenerator tokenGenerator;

	TokenEndpoint(ClientAuthenticator authenticator, TokenGenerator tokenGenerator) {
		this.authenticator = authenticator;
		this.tokenGenerator = tokenGenerator;
	}

	@PostMapping(AuthorizationServerMetadata.TOKEN_ENDPOINT_PATH)
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
		Map<String, String> form = FORM.read(request);
		ClientCredentials credentials = ClientCredentials.from(request.getHeader(HttpHeaders.AUTHORIZATION), form);
		RegisteredClient client = this.authenticator.authenticate(credentials, request.getRemoteAddr());
		String grantType = form.get("grant_type");
		if (grantType == null) {
			throw TokenRequestException.invalidRequest("grant_type is missing");
		}
		if (!grantType.equals("client_credentials")) {
			throw TokenRequestException.unsupportedGrantType("Only the client_credentials grant is supported");
		}
		List<String> scope = grantedScope(client, form.get("scope"));
		String accessToken = this.tokenGenerator
			.issueToken(TokenRequest.builder(client.id(), scope).tokenId(newTokenId()).build());
		logger.debug("Issued a token to a client for scope " + scope);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", accessToken);
		body.put("token_type", "Bearer");
		body.put("expires_in", this.tokenGenerator.lifetime().getSeconds());
		body.put("scope", String.join(" ", scope));
		return noStore(ResponseEntity.ok()).body(body);
	}

	/** Any other method: 405 with {@code Allow: POST} (RFC 9110 §15.5.6), quietly. */
	@RequestMapping(path = AuthorizationServerMetadata.TOKEN_ENDPOINT_PATH,
			method = { RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
	ResponseEntity<Map<String, Object>> otherMethod() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", "invalid_request");
		body.put("error_description", "The token endpoint accepts POST only");
		return noStore(ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)).allow(HttpMethod.POST).body(body);
	}

	@ExceptionHandler(TokenRequestException.class)
	void tokenError(TokenRequestException ex, HttpServletResponse response) throws IOException {
		logger.debug("Token request refused: " + ex.error() + " (" + ex.getMessage() + ")");
		TokenErrorResponse.write(ex, response);
	}

	/** 128 random bits, base64url: a {@code jti} no other token has (RFC 7519 §4.1.7, RFC 9068 §2.2). */
	private static String newTokenId() {
		byte[] bits = new byte[16];
		RANDOM.nextBytes(bits);
		return BASE64URL.encodeToString(bits);
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
