package dev.joat;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a {@link KeySource} has no keys fresh enough to verify with: its issuer has been
 * unreachable for longer than the source tolerates, or it has not fetched any keys yet.
 *
 * <p>This is deliberately not an {@link InvalidTokenException}: the token may well be valid, so a
 * resource server answers {@code 503 Service Unavailable} with a {@code Retry-After} of
 * {@link #getRetryAfter()}, not {@code 401}, as it does for
 * {@link dev.joat.revocation.RevocationUnavailableException}. The message is safe to log; it never
 * holds a token, a claim or key material. The exception carries no stack trace: it is thrown on a
 * known path, possibly for every request while the outage lasts.
 */
public class KeysUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	/**
	 * Creates an exception.
	 * @param message what is unavailable and why, safe to log
	 * @param retryAfter when trying again may succeed; positive
	 */
	public KeysUnavailableException(String message, Duration retryAfter) {
		this(message, retryAfter, null);
	}

	/**
	 * Creates an exception keeping the failure that caused it.
	 * @param message what is unavailable and why, safe to log
	 * @param retryAfter when trying again may succeed; positive
	 * @param cause the underlying failure, for server-side logs; may be {@code null}
	 */
	public KeysUnavailableException(String message, Duration retryAfter, @Nullable Throwable cause) {
		super(Objects.requireNonNull(message, "message cannot be null"), cause, true, false);
		Objects.requireNonNull(retryAfter, "retryAfter cannot be null");
		if (retryAfter.isNegative() || retryAfter.isZero()) {
			throw new IllegalArgumentException("retryAfter must be positive");
		}
		this.retryAfter = retryAfter;
	}

	/**
	 * When trying again may succeed: the hint for an HTTP {@code Retry-After} header.
	 * @return a positive duration
	 */
	public Duration getRetryAfter() {
		return this.retryAfter;
	}

	/**
	 * {@link #getRetryAfter()} in whole seconds, rounded up and at least 1, as {@code Retry-After}
	 * (RFC 9110 §10.2.3) takes it.
	 * @return the delay in seconds
	 */
	public long getRetryAfterSeconds() {
		long seconds = this.retryAfter.getSeconds() + ((this.retryAfter.getNano() > 0) ? 1 : 0);
		return Math.max(1, seconds);
	}

}
