package dev.joat;

/**
 * Makes a short, printable quotation of untrusted input for an error message: at most
 * {@value #MAX_LENGTH} characters, with anything outside printable ASCII replaced.
 */
final class Printable {

	static final int MAX_LENGTH = 16;

	private Printable() {
	}

	static String prefix(String input) {
		StringBuilder quoted = new StringBuilder(MAX_LENGTH + 5).append('"');
		int length = Math.min(input.length(), MAX_LENGTH);
		for (int i = 0; i < length; i++) {
			char c = input.charAt(i);
			quoted.append((c >= 0x20 && c < 0x7F && c != '"' && c != '\\') ? c : '?');
		}
		if (input.length() > MAX_LENGTH) {
			quoted.append("...");
		}
		return quoted.append('"').toString();
	}

}
