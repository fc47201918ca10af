package dev.joat.sample.token;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code OPTIONS} on the token, revocation and introspection endpoints (RFC 9110 §9.3.7): 200 with
 * {@code Allow: POST, OPTIONS} and no body. Without it, Spring MVC would list every method the
 * endpoints map, including those they map only to refuse with 405.
 */
@RestController
class OAuth2EndpointOptions {

	@RequestMapping(path = { AuthorizationServerMetadata.TOKEN_ENDPOINT_PATH, TokenRevocationEndpoint.PATH,
			TokenIntrospectionEndpoint.PATH }, method = RequestMethod.OPTIONS)
	ResponseEntity<Void> options() {
		return ResponseEntity.ok()
			.header(HttpHeaders.ALLOW, OAuth2EndpointResponses.ALLOWED_METHODS)
			.cacheControl(CacheControl.noStore())
			.build();
	}

}
