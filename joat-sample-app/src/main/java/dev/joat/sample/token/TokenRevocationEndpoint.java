package dev.joat.sample.token;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.joat.Credentials;
import dev.joat.InvalidTokenException;
import dev.joat.TokenParser;
import dev.joat.revocation.Revocation;
import dev.joat.revocation.RevocationStore;
import dev.joat.revocation.RevocationUnavailableException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /oauth2/revoke}: RFC 7009 token revocation of this server's access tokens, into the
 * application's {@link RevocationStore} ({@code joat.revocation.store}), which every resource
 * server's parser consults.
 *
 * <p>In the order RFC 7009 §2.1 gives: the client authenticates exactly as at the token endpoint
 * ({@link ClientRequestReader}, with its limits on failed authentications); the {@code token} is
 * then verified by the application's {@link TokenParser} (signature first, then expiry, issuer,
 * audience): nothing is revoked on the word of a token this server would not accept. A token that
 * does not verify (malformed, forged, expired, already revoked, not for this server) is answered
 * 200 with nothing done, as §2.2 requires for invalid tokens. A valid token issued to another client
 * is refused with {@code unauthorized_client} (400) and stays valid, as §2.1 asks ("the request is
 * refused and the client is informed of the error"). That answer tells the caller only what the
 * token it holds already says: its {@code client_id} is readable by whoever has the token, and
 * whether it is valid is what any call to the API with it shows.
 *
 * <p>{@code token_type_hint} is ignored, whatever its value (§2.1: the server may ignore it, and
 * an unknown value is no error): this server issues access tokens only, and looks at every token
 * as one. Without a revocation store ({@code joat.revocation.store=none}) every valid token of the
 * caller is answered {@code unsupported_token_type} (§2.2.1): the server cannot revoke it. With a
 * store, a token whose {@code jti} no store can record (empty, or longer than
 * {@link Revocation#MAX_KEY_LENGTH}) does not verify, so it is answered 200 like any invalid token
 * (and refused by the API). A token without {@code jti}, as a PyJOAT issuer mints them, cannot be
 * revoked on its own: it is revoked with every other token of its subject and client issued in or
 * before the same second (see {@link #revoke(Credentials)}). When the
 * store cannot record the revocation now (full, or its backend unreachable) the answer is 503 with
 * {@code Retry-After} and the token was not revoked (§2.2.1). Success is 200 with an empty body.
 */
@RestController
class TokenRevocationEndpoint {

	/** The revocation endpoint's path. */
	static final String PATH = "/oauth2/revoke";

	private static final Log logger = LogFactory.getLog(TokenRevocationEndpoint.class);

	private final ClientRequestReader requests;

	private final TokenParser tokenParser;

	private final RevocationStore store;

	TokenRevocationEndpoint(ClientRequestReader requests, TokenParser tokenParser,
			ObjectProvider<RevocationStore> store) {
		this.requests = requests;
		this.tokenParser = tokenParser;
		this.store = store.getIfAvailable();
	}

	@PostMapping(PATH)
	ResponseEntity<Map<String, Object>> revoke(HttpServletRequest request) {
		ClientRequest clientRequest = this.requests.read(request);
		String token = clientRequest.required("token");
		RegisteredClient client = clientRequest.client();
		Credentials credentials;
		try {
			credentials = this.tokenParser.parseToken(token);
		}
		catch (InvalidTokenException ex) {
			logger.debug("Revocation: token not valid, nothing to revoke (" + ex.getReason() + ")");
			return done();
		}
		catch (RevocationUnavailableException ex) {
			throw unavailable(ex);
		}
		if (!credentials.clientId().equals(client.id())) {
			throw TokenRequestException.unauthorizedClient("The token was not issued to this client");
		}
		if (this.store == null) {
			throw TokenRequestException.unsupportedTokenType("This server does not revoke access tokens");
		}
		try {
			revoke(credentials);
		}
		catch (RevocationUnavailableException ex) {
			throw unavailable(ex);
		}
		logger.debug("Revocation: revoked a token of the client");
		return done();
	}

	/**
	 * Revokes the token by its {@code jti}, or, for a token without one (as PyJOAT issues them), by
	 * the narrowest cut-off that covers it: every token of its subject issued to its client in or
	 * before the second of its {@code iat} (of its client, when it has no {@code sub}; before now,
	 * when it has no {@code iat}), kept until the token expires.
	 */
	private void revoke(Credentials credentials) {
		String tokenId = credentials.tokenId();
		Instant expiresAt = credentials.expiresAt();
		if (tokenId != null) {
			this.store.revokeToken(tokenId, expiresAt);
			return;
		}
		Instant issuedAt = credentials.issuedAt();
		Instant cutoff = (issuedAt != null) ? issuedAt.plusSeconds(1) : Instant.now();
		Instant until = expiresAt.isBefore(cutoff) ? cutoff : expiresAt;
		if (credentials.userId() != null) {
			this.store.revokeClientSubjectTokens(credentials.clientId(), credentials.userId(), cutoff, until);
		}
		else {
			this.store.revokeClientTokens(credentials.clientId(), cutoff, until);
		}
	}

	/** Any other method: 405 with {@code Allow: POST}, quietly. */
	@RequestMapping(path = PATH,
			method = { RequestMethod.GET, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE })
	void otherMethod() {
		throw OAuth2EndpointResponses.postOnly("The revocation endpoint accepts POST only");
	}

	private static TokenRequestException unavailable(RevocationUnavailableException ex) {
		logger.debug("Revocation: " + ex.getMessage());
		return TokenRequestException.busy("Revocation is unavailable now; the token was not revoked",
				Duration.ofSeconds(ex.getRetryAfterSeconds()));
	}

	/** 200 with no body (RFC 7009 §2.2: the client ignores it), never cached. */
	private static ResponseEntity<Map<String, Object>> done() {
		return OAuth2EndpointResponses.noStore(ResponseEntity.ok()).build();
	}

}
