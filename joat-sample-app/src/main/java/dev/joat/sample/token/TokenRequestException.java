package dev.joat.sample.token;

import java.time.Duration;

import org.springframework.http.HttpStatus;

/**
 * A request to the token, revocation or introspection endpoint refused with an RFC 6749 §5.2
 * error code (RFC 7009 §2.2.1 and RFC 7662 §2.3 use the same). The description is written for the
 * client and never contains a secret; a refusal the client may retry later carries the delay for
 * its {@code Retry-After} header.
 */
final class TokenRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String error;

	private final HttpStatus status;

	private final Duration retryAfter;

	private TokenRequestException(String error, HttpStatus status, String description, Duration retryAfter) {
		super(description, null, false, false);
		this.error = error;
		this.status = status;
		this.retryAfter = retryAfter;
	}

	static TokenRequestException invalidRequest(String description) {
		return new TokenRequestException("invalid_request", HttpStatus.BAD_REQUEST, description, null);
	}

	/** A body over the size limit: {@code invalid_request}, as 413. */
	static TokenRequestException payloadTooLarge(String description) {
		return new TokenRequestException("invalid_request", HttpStatus.CONTENT_TOO_LARGE, description, null);
	}

	static TokenRequestException invalidClient(String description) {
		return new TokenRequestException("invalid_client", HttpStatus.UNAUTHORIZED, description, null);
	}

	static TokenRequestException unsupportedGrantType(String description) {
		return new TokenRequestException("unsupported_grant_type", HttpStatus.BAD_REQUEST, description, null);
	}

	static TokenRequestException invalidScope(String description) {
		return new TokenRequestException("invalid_scope", HttpStatus.BAD_REQUEST, description, null);
	}

	/**
	 * The authenticated client may not do this with the presented token, e.g. revoke another
	 * client's token (RFC 7009 §2.1): {@code unauthorized_client}, the RFC 6749 §5.2 code for an
	 * authenticated client that is not allowed what it asked, as 400.
	 */
	static TokenRequestException unauthorizedClient(String description) {
		return new TokenRequestException("unauthorized_client", HttpStatus.BAD_REQUEST, description, null);
	}

	/** Another method than POST: {@code invalid_request}, as 405 (the answer adds {@code Allow: POST}). */
	static TokenRequestException methodNotAllowed(String description) {
		return new TokenRequestException("invalid_request", HttpStatus.METHOD_NOT_ALLOWED, description, null);
	}

	/** The server cannot revoke tokens of the presented type (RFC 7009 §2.2.1), as 400. */
	static TokenRequestException unsupportedTokenType(String description) {
		return new TokenRequestException("unsupported_token_type", HttpStatus.BAD_REQUEST, description, null);
	}

	/**
	 * Too many failed client authentications: 429 with {@code Retry-After}. The error code is
	 * {@code temporarily_unavailable} (RFC 6749 §4.1.2.1), as §5.2 defines none for this case.
	 */
	static TokenRequestException tooManyFailures(String description, Duration retryAfter) {
		return new TokenRequestException("temporarily_unavailable", HttpStatus.TOO_MANY_REQUESTS, description, retryAfter);
	}

	/** No capacity to check a client secret now: 503 with {@code Retry-After}. */
	static TokenRequestException busy(String description, Duration retryAfter) {
		return new TokenRequestException("temporarily_unavailable", HttpStatus.SERVICE_UNAVAILABLE, description,
				retryAfter);
	}

	String error() {
		return this.error;
	}

	HttpStatus status() {
		return this.status;
	}

	/** The delay for a {@code Retry-After} header, or {@code null} for none. */
	Duration retryAfter() {
		return this.retryAfter;
	}

}
