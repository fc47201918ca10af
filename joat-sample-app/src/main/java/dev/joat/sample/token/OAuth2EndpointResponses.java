package dev.joat.sample.token;

import java.io.IOException;

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
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * How the token, revocation and introspection endpoints answer: never cached (RFC 6749 §5.1,
 * RFC 7009 §2.2, RFC 7662 §2.2 carry token data or credentials); refusals written by
 * {@link TokenErrorResponse} (RFC 6749 §5.2 JSON, the writer {@link TokenEndpointRefusalFilter}
 * uses too); other methods than POST and OPTIONS refused with 405 and {@code Allow: POST, OPTIONS}. Refusals are
 * logged at DEBUG, one line each, with nothing the client sent. Stateless and thread-safe.
 */
@RestControllerAdvice(assignableTypes = { TokenEndpoint.class, TokenRevocationEndpoint.class,
		TokenIntrospectionEndpoint.class })
final class OAuth2EndpointResponses {

	/** What the three endpoints allow: the {@code Allow} header of their 405 and OPTIONS answers. */
	static final String ALLOWED_METHODS = HttpMethod.POST.name() + ", " + HttpMethod.OPTIONS.name();

	private static final Log logger = LogFactory.getLog(OAuth2EndpointResponses.class);

	@ExceptionHandler(TokenRequestException.class)
	void error(TokenRequestException ex, HttpServletResponse response) throws IOException {
		logger.debug("Request refused: " + ex.error() + " (" + ex.getMessage() + ")");
		if (ex.status() == HttpStatus.METHOD_NOT_ALLOWED) {
			response.setHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
		}
		TokenErrorResponse.write(ex, response);
	}

	/**
	 * The refusal of any other method than POST and OPTIONS (RFC 9110 §15.5.6): 405 with
	 * {@code Allow: POST, OPTIONS}.
	 * @param description the error description, naming the endpoint
	 * @return the refusal to throw
	 */
	static TokenRequestException postOnly(String description) {
		return TokenRequestException.methodNotAllowed(description);
	}

	/** {@code response} as JSON that no cache keeps. */
	static ResponseEntity.BodyBuilder noStore(ResponseEntity.BodyBuilder response) {
		return response.cacheControl(CacheControl.noStore()).header(HttpHeaders.PRAGMA, "no-cache")
			.contentType(MediaType.APPLICATION_JSON);
	}

}
