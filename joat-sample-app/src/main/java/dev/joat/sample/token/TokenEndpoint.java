package dev.joat.sample.token;

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
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth2/token}: the client-credentials grant (RFC 6749 §4.4). Issues a joat access
 * token for the authenticated client, with the requested scope (or all the client's scopes) and
 * a unique {@code jti}. The form body is read and the client authenticated by
 * {@link ClientRequestReader} (the container never parses the body, so no body can turn into a
 * server error; failed authentications are limited); {@link OAuth2EndpointResponses} answers
 * errors as RFC 6749 §5.2 JSON, never cached (§5.1).
 */
@RestController
class TokenEndpoint {

	private static final Log logger = LogFactory.getLog(TokenEndpoint.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final ClientRequestReader requests;

	private final TokenGenerator tokenGenerator;

	TokenEndpoint(ClientRequestReader requests, TokenGenerator tokenGenerator) {
		this.requests = requests;
		this.tokenGenerator = tokenGenerator;
	}

	@PostMapping(AuthorizationServerMetadata.TOKEN_ENDPOINT_PATH)
	ResponseEntity<Map<String, Object>> token(HttpServletRequest request) {
		ClientRequest clientRequest = this.requests.read(request);
		RegisteredClient client = clientRequest.client();
		String grantType = clientRequest.required("grant_type");
		if (!grantType.equals("client_credentials")) {
			throw TokenRequestException.unsupportedGrantType("Only the client_credentials grant is supported");
		}
		List<String> scope = grantedScope(client, clientRequest.form().get("scope"));
		String accessToken = this.tokenGenerator
			.issueToken(TokenRequest.builder(client.id(), scope).tokenId(newTokenId()).build());
		logger.debug("Issued a token to a client for scope " + scope);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("access_token", accessToken);
		body.put("token_type", "Bearer");
		body.put("expires_in", this.tokenGenerator.lifetime().getSeconds());
		body.put("scope", String.join(" ", scope));
		return OAuth2EndpointResponses.noStore(ResponseEntity.ok()).body(body);
	}

	/** Any other method: 405 with {@code Allow: POST}, quietly. */
	@RequestMapping(path = AuthorizationServerMetadata.TOKEN_ENDPOINT_PATH,
			method = { RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
	void otherMethod() {
		throw OAuth2EndpointResponses.postOnly("The token endpoint accepts POST only");
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

}
