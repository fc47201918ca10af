package dev.joat.spring.security;

import dev.joat.KeySource;
import org.jspecify.annotations.Nullable;

/**
 * A {@link KeySource} that answers some key ids itself and hands every other one to the key
 * source it wraps, and says which: e.g. joat-test's key source of a test context, which adds the
 * test key to the application's. What reports on a key source (the {@code /actuator/joat/jwks}
 * endpoint) looks through it with {@link #find(KeySource, Class)} to the one it wraps, so a
 * wrapped {@link JwkSetKeySource} still shows its own status. Implementations are thread-safe, as
 * every key source.
 */
public interface DelegatingKeySource extends KeySource {

	/**
	 * The key source this one wraps.
	 * @return the wrapped key source, never {@code null}
	 */
	KeySource getDelegate();

	/**
	 * {@code keySource} itself when it is a {@code type}, else the first key source of that type
	 * found by following {@link #getDelegate()}.
	 * @param <T> the type looked for
	 * @param keySource a key source, or {@code null}
	 * @param type the type looked for, e.g. {@code JwkSetKeySource.class}
	 * @return the key source found, or {@code null} when none of the chain is a {@code type}
	 */
	static <T extends KeySource> @Nullable T find(@Nullable KeySource keySource, Class<T> type) {
		KeySource current = keySource;
		while (current != null) {
			if (type.isInstance(current)) {
				return type.cast(current);
			}
			current = (current instanceof DelegatingKeySource delegating) ? delegating.getDelegate() : null;
		}
		return null;
	}

}
