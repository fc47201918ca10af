package dev.joat.sample.token;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the token, revocation and introspection endpoints answer: never cached (RFC 6749 §5.1,
 * RFC 7009 §2.2, RFC 7662 §2.2 carry token data or credentials), errors as RFC 6749 §5.2 JSON
 * with a Basic challenge for {@code invalid_client} and {@code Retry-After} when the client may
 * retry, and other methods than POST refused with 405. Refusals are logged at DEBUG, one line
 * each, with nothing the client sent. Stateless and thread-safe.
 */
@RestControllerAdvice(assignableTypes = { TokenEndpoint.class, TokenRevocationEndpoint.class,
		TokenIntrospectionEndpoint.class })
final class OAuth2EndpointResponses {

	private static final Log logger = LogFactory.getLog(OAuth2EndpointResponses.class);

	@ExceptionHandler(TokenRequestException.class)
	ResponseEntity<Map<String, Object>> error(TokenRequestException ex) {
		logger.debug("Request refused: " + ex.error() + " (" + ex.getMessage() + ")");
		ResponseEntity.BodyBuilder response = noStore(ResponseEntity.status(ex.status()));
		if (ex.error().equals("invalid_client")) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth2\"");
		}
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, Long.toString(ex.retryAfter().getSeconds()));
		}
		return response.body(errorBody(ex.error(), ex.getMessage()));
	}

	/**
	 * Any other method than POST: 405 with {@code Allow: POST} (RFC 9110 §15.5.6), quietly.
	 * @param description the error description, naming the endpoint
	 */
	static ResponseEntity<Map<String, Object>> postOnly(String description) {
		return noStore(ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)).allow(HttpMethod.POST)
			.body(errorBody("invalid_request", description));
	}

	/** {@code response} as JSON that no cache keeps. */
	static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder response) {
		return response.cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
			.contentType(MediaType.APPLICATION_JSON);
	}

	private static Map<String, Object> errorBody(String error, String description) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", error);
		body.put("error_description", description);
		return body;
	}

}
