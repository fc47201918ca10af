package dev.joat.sample.token;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.joat.Credentials;
import dev.joat.InvalidTokenException;
import dev.joat.TokenParser;
import dev.joat.revocation.RevocationUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth2/introspect}: RFC 7662 token introspection. The caller authenticates as a
 * registered client, exactly as at the token endpoint ({@link ClientRequestReader}, with its limits
 * on failed authentications); the token is verified by the application's {@link TokenParser}
 * (signature, expiry, issuer, audience, and revocation when a store is configured), the same
 * verification the API applies.
 *
 * <p>Who learns what: a client registered with {@code introspection: true} (a resource server)
 * may introspect any client's token; any other client only its own, and another client's token
 * is {@code {"active": false}} to it, as RFC 7662 §2.2 allows for "the protected resource is not
 * allowed to introspect this particular token". Token scanning (RFC 7662 §4) is bounded twice:
 * the caller must authenticate, failures limited per address and per client, and the tokens are
 * HMAC-signed, so no token can be guessed.
 *
 * <p>An active token is answered with the RFC 7662 §2.2 members it has: {@code active},
 * {@code scope}, {@code client_id}, {@code token_type} ({@code Bearer}, the OAuth token type),
 * {@code exp}, {@code iat}, {@code nbf}, {@code sub}, {@code aud}, {@code iss} and {@code jti}.
 * Anything else (malformed, forged, expired, revoked, not for this server, not the caller's) is
 * exactly {@code {"active": false}}, which says nothing of why; the reason is logged at DEBUG.
 * When revocation data cannot be confirmed fresh (a replica cut off from its store, configured to
 * fail closed), the answer is 503 with {@code Retry-After}: the token may be revoked or not.
 * {@code token_type_hint} is ignored (RFC 7662 §2.1: the server may ignore it; this server has
 * access tokens only).
 */
@RestController
class TokenIntrospectionEndpoint {

	/** The introspection endpoint's path. */
	static final String PATH = "/oauth2/introspect";

	private static final Log logger = LogFactory.getLog(TokenIntrospectionEndpoint.class);

	private static final Map<String, Object> INACTIVE = Map.of("active", false);

	private final ClientRequestReader requests;

	private final TokenParser tokenParser;

	TokenIntrospectionEndpoint(ClientRequestReader requests, TokenParser tokenParser) {
		this.requests = requests;
		this.tokenParser = tokenParser;
	}

	@PostMapping(PATH)
	ResponseEntity<Map<String, Object>> introspect(HttpServletRequest request) {
		ClientRequest clientRequest = this.requests.read(request);
		String token = clientRequest.required("token");
		RegisteredClient client = clientRequest.client();
		Credentials credentials;
		try {
			credentials = this.tokenParser.parseToken(token);
		}
		catch (InvalidTokenException ex) {
			logger.debug("Introspection: token not active (" + ex.getReason() + ")");
			return answer(INACTIVE);
		}
		catch (RevocationUnavailableException ex) {
			// Neither answer would be true: the token may be revoked, or not (RFC 7662 §2.3 allows 5xx).
			logger.debug("Introspection: " + ex.getMessage());
			throw TokenRequestException.busy("Revocation data is unavailable now; retry later",
					Duration.ofSeconds(ex.getRetryAfterSeconds()));
		}
		if (!client.introspection() && !credentials.clientId().equals(client.id())) {
			logger.debug("Introspection: token of another client, not active to this caller");
			return answer(INACTIVE);
		}
		return answer(active(credentials));
	}

	/** Any other method: 405 with {@code Allow: POST}, quietly. */
	@RequestMapping(path = PATH,
			method = { RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
	void otherMethod() {
		throw OAuth2EndpointResponses.postOnly("The introspection endpoint accepts POST only");
	}

	/** The RFC 7662 §2.2 members of a verified token, each only when the token has it. */
	static Map<String, Object> active(Credentials credentials) {
		Map<String, Object> claims = credentials.claims();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("active", true);
		List<String> scope = credentials.authorizedScope();
		if (!scope.isEmpty()) {
			body.put("scope", String.join(" ", scope));
		}
		body.put("client_id", credentials.clientId());
		body.put("token_type", "Bearer");
		body.put("exp", credentials.expiresAt().getEpochSecond());
		if (credentials.issuedAt() != null) {
			body.put("iat", credentials.issuedAt().getEpochSecond());
		}
		if (claims.get("nbf") instanceof Number notBefore) {
			body.put("nbf", notBefore.longValue());
		}
		putIfPresent(body, "sub", claims.get("sub"));
		putIfPresent(body, "aud", claims.get("aud"));
		putIfPresent(body, "iss", credentials.provider());
		putIfPresent(body, "jti", credentials.tokenId());
		return body;
	}

	private static void putIfPresent(Map<String, Object> body, String name, Object value) {
		if (value != null) {
			body.put(name, value);
		}
	}

	private static ResponseEntity<Map<String, Object>> answer(Map<String, Object> body) {
		return OAuth2EndpointResponses.noStore(ResponseEntity.ok()).body(body);
	}

}
