package dev.joat;

/**
 * The rule for one scope value, shared by the generator and the parser: non-empty, with no space
 * and no control character (the space is the delimiter of RFC 6749 §3.3's scope string).
 */
final class ScopeToken {

	private ScopeToken() {
	}

	static boolean isValid(String token) {
		if (token.isEmpty()) {
			return false;
		}
		for (int i = 0; i < token.length(); i++) {
			char c = token.charAt(i);
			if (c > ' ' && c < 0x7F) {
				// Printable ASCII other than the space: the usual case, and always valid.
				continue;
			}
			if (c <= ' ' || c == 0x7F || Character.isISOControl(c) || Character.isWhitespace(c)) {
				return false;
			}
		}
		return true;
	}

}
