package dev.joat;

import org.jspecify.annotations.Nullable;

/**
 * What one scope value may be: an RFC 6749 §3.3 {@code scope-token}, one or more of the
 * characters {@code %x21 / %x23-5B / %x5D-7E} — printable ASCII other than the space (the
 * delimiter of a scope string), the double quote and the backslash. This is the one definition
 * joat uses everywhere: the generator's {@link TokenRequest}, the parser's {@code scp} and
 * {@code scope} claims, and the Spring starter's authorities. Non-ASCII characters (a
 * non-breaking or zero-width space, a look-alike letter) are refused, so two scopes that look the
 * same are the same. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6749#section-3.3">RFC 6749 §3.3</a>
 */
public final class ScopeToken {

	private ScopeToken() {
	}

	/**
	 * Whether {@code token} is one RFC 6749 scope token.
	 * @param token the value to check; may be {@code null}
	 * @return {@code true} when the value is non-empty and made only of {@code scope-token}
	 * characters; {@code false} for {@code null}, the empty string, and any value holding a space,
	 * a double quote, a backslash, a control character or a character outside ASCII
	 */
	public static boolean isValid(@Nullable String token) {
		if (token == null || token.isEmpty()) {
			return false;
		}
		for (int i = 0; i < token.length(); i++) {
			if (!isValidCharacter(token.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isValidCharacter(char c) {
		return c >= 0x21 && c <= 0x7E && c != '"' && c != '\\';
	}

}
