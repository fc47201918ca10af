package dev.joat.spring.security;

import dev.joat.KeysUnavailableException;
import dev.joat.revocation.RevocationUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * The one rule behind {@link RevocationUnavailableFilter} and {@link RevocationUnavailableWebFilter}:
 * a request fails for a reason that is not the token's fault, so it gets {@code 503} with
 * {@code Retry-After}, never {@code 401} nor {@code 500}. Two such reasons: revocation cannot be
 * checked ({@link RevocationUnavailableException}), or the issuer's keys are unavailable
 * ({@link KeysUnavailableException}), each found anywhere in the cause chain.
 *
 * @param retryAfterSeconds the {@code Retry-After} value, at least 1
 * @param cause the exception found
 */
record ServiceUnavailable(long retryAfterSeconds, RuntimeException cause) {

	/** How many causes are followed. */
	private static final int MAX_CAUSE_DEPTH = 16;

	/**
	 * Why {@code ex} means {@code 503}, or {@code null} when it does not.
	 * @param ex the failure of a request
	 * @return the reason, or {@code null}
	 */
	static @Nullable ServiceUnavailable of(Throwable ex) {
		Throwable current = ex;
		for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
			if (current instanceof RevocationUnavailableException revocation) {
				return new ServiceUnavailable(revocation.getRetryAfterSeconds(), revocation);
			}
			if (current instanceof KeysUnavailableException keys) {
				return new ServiceUnavailable(keys.getRetryAfterSeconds(), keys);
			}
			current = (current.getCause() != current) ? current.getCause() : null;
		}
		return null;
	}

	/** Counts and logs (rate-limited) the refusal. */
	void report(JoatRevocationMonitor monitor) {
		if (this.cause instanceof KeysUnavailableException keys) {
			monitor.keysUnavailable(keys);
		}
		else {
			monitor.revocationUnavailable((RevocationUnavailableException) this.cause);
		}
	}

}
