package dev.joat.sample.token;

import org.springframework.http.HttpStatus;

/**
 * A token request refused with an RFC 6749 §5.2 error code. The description is written for the
 * client and never contains a secret.
 */
final class TokenRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String error;

	private final HttpStatus status;

	private TokenRequestException(String error, HttpStatus status, String description) {
		super(description, null, false, false);
		this.error = error;
		this.status = status;
	}

	static TokenRequestException invalidRequest(String description) {
		return new TokenRequestException("invalid_request", HttpStatus.BAD_REQUEST, description);
	}

	static TokenRequestException invalidClient(String description) {
		return new TokenRequestException("invalid_client", HttpStatus.UNAUTHORIZED, description);
	}

	static TokenRequestException unsupportedGrantType(String description) {
		return new TokenRequestException("unsupported_grant_type", HttpStatus.BAD_REQUEST, description);
	}

	static TokenRequestException invalidScope(String description) {
		return new TokenRequestException("invalid_scope", HttpStatus.BAD_REQUEST, description);
	}

	String error() {
		return this.error;
	}

	HttpStatus status() {
		return this.status;
	}

}
