package dev.joat.revocation;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when revocation cannot be checked or recorded now: a {@link RevocationList} that cannot
 * confirm its data is fresh (and is configured to fail closed), or a {@link RevocationStore} that
 * cannot record a revocation (full, or its backend unreachable).
 *
 * <p>This is deliberately not an {@link dev.joat.InvalidTokenException}: the token may well be valid, so a
 * resource server answers {@code 503 Service Unavailable} with a {@code Retry-After} of
 * {@link #getRetryAfter()}, not {@code 401}. The message is safe to log; it never holds a token or a
 * claim. The exception carries no stack trace (it is thrown on a known path, possibly for every
 * request while the condition lasts).
 */
public class RevocationUnavailableException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	/**
	 * Creates an exception.
	 * @param message what is unavailable and why, safe to log
	 * @param retryAfter when trying again may succeed; positive, whole seconds are what HTTP can say
	 */
	public RevocationUnavailableException(String message, Duration retryAfter) {
		this(message, retryAfter, null);
	}

	/**
	 * Creates an exception keeping the failure that caused it.
	 * @param message what is unavailable and why, safe to log
	 * @param retryAfter when trying again may succeed; positive
	 * @param cause the underlying failure, for server-side logs; may be {@code null}
	 */
	public RevocationUnavailableException(String message, Duration retryAfter, @Nullable Throwable cause) {
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
