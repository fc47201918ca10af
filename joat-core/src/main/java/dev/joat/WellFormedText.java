package dev.joat;

import org.jspecify.annotations.Nullable;

/**
 * The generator's side of the strict reader's RFC 7493 §2.1 rule: a string that goes into a
 * token's header or payload must be well-formed UTF-16, every surrogate half of a pair. An unpaired
 * surrogate has no UTF-8 form; the JSON writer (like Jackson) would write it as a
 * <code>&#92;uXXXX</code> escape, which {@link StrictJsonReader} refuses, so the generator would
 * issue a token its own parser refuses. {@link TokenRequest} and {@link TokenGenerator.Builder}
 * check every string they are given here, the one place of this rule. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7493#section-2.1">RFC 7493 §2.1</a>
 */
final class WellFormedText {

	private WellFormedText() {
	}

	/**
	 * Refuses {@code text} when it has an unpaired surrogate, naming {@code what} and never
	 * quoting the text.
	 * @param text the string to check; {@code null} passes
	 * @param what what the string is, for the message (such as {@code userId})
	 * @throws IllegalArgumentException when a surrogate in {@code text} is not half of a pair
	 */
	static void require(@Nullable String text, String what) {
		if (text != null && hasUnpairedSurrogate(text)) {
			throw new IllegalArgumentException(what + " has an unpaired surrogate: a token holding it would not"
					+ " parse (RFC 7493 §2.1)");
		}
	}

	/** Whether a surrogate in {@code text} is not a high surrogate followed by a low one. */
	static boolean hasUnpairedSurrogate(String text) {
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (!Character.isSurrogate(c)) {
				continue;
			}
			if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
				continue;
			}
			return true;
		}
		return false;
	}

}
