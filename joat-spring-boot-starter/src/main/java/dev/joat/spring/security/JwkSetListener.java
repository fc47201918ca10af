package dev.joat.spring.security;

/**
 * Told when a {@link JwkSetKeySource} refresh completes, on the source's refresh thread: the hook
 * for meters without Micrometer here (the Boot layer counts {@code joat.jwks.refresh{outcome}} with
 * it). Implementations must be quick and must not throw; an exception is logged and ignored.
 */
@FunctionalInterface
public interface JwkSetListener {

	/**
	 * A refresh completed.
	 * @param outcome how it ended
	 * @param status the source's status right after it
	 */
	void refreshed(JwkSetStatus.Outcome outcome, JwkSetStatus status);

}
