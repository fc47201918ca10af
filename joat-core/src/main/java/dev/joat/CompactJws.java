package dev.joat;

import java.nio.charset.StandardCharsets;

import dev.joat.InvalidTokenException.Reason;

/**
 * A token split into its three JWS Compact Serialization segments (RFC 7515 §7.1), the payload
 * and signature strictly base64url-decoded: the first, structural step of parsing. The header is
 * decoded on demand, since a parser that has seen the same header segment before need not decode
 * it again. Nothing here is verified yet.
 *
 * @param ascii the token's characters as bytes; the signing input is {@code ascii[0, signingInputLength)}
 * @param headerLength the length of the encoded header, which starts the token
 * @param signingInputLength the length of {@code header.payload}
 * @param payload the decoded payload bytes
 * @param signature the decoded signature bytes
 */
record CompactJws(byte[] ascii, int headerLength, int signingInputLength, byte[] payload, byte[] signature) {

	/**
	 * Splits and decodes {@code token}.
	 * @throws InvalidTokenException {@code TOO_LARGE} beyond {@code maxLength} characters,
	 * {@code MALFORMED} unless it is three canonical base64url segments
	 */
	static CompactJws split(String token, int maxLength) {
		if (token == null || token.isEmpty()) {
			throw malformed("no token was given");
		}
		if (token.length() > maxLength) {
			throw new InvalidTokenException(Reason.TOO_LARGE, "Token is longer than " + maxLength + " characters");
		}
		// Characters beyond ISO-8859-1 become '?', and those in 0x80-0xFF negative bytes: neither is
		// in the base64url alphabet, so the decoder below refuses them.
		byte[] ascii = token.getBytes(StandardCharsets.ISO_8859_1);
		int firstDot = -1;
		int secondDot = -1;
		for (int i = 0; i < ascii.length; i++) {
			if (ascii[i] == '.') {
				if (firstDot < 0) {
					firstDot = i;
				}
				else if (secondDot < 0) {
					secondDot = i;
				}
				else {
					throw malformed("it has more than three segments (a JWE or nested token is not accepted)");
				}
			}
		}
		if (secondDot < 0) {
			throw malformed("it has fewer than three segments");
		}
		if (firstDot == 0) {
			throw malformed("the header segment is empty");
		}
		byte[] payload = decode(ascii, firstDot + 1, secondDot, "payload");
		// An empty signature is well-formed JWS (an unsecured one, RFC 7515 §A.5): it is refused
		// later, by the algorithm allow-list or as a bad signature, which says more.
		byte[] signature = (secondDot + 1 == ascii.length) ? new byte[0]
				: decode(ascii, secondDot + 1, ascii.length, "signature");
		return new CompactJws(ascii, firstDot, secondDot, payload, signature);
	}

	/**
	 * The decoded header bytes.
	 * @throws InvalidTokenException ({@code MALFORMED}) unless the header is canonical base64url
	 */
	byte[] decodeHeader() {
		return decode(this.ascii, 0, this.headerLength, "header");
	}

	private static byte[] decode(byte[] ascii, int from, int to, String part) {
		if (from == to) {
			throw malformed("the " + part + " segment is empty");
		}
		byte[] decoded = Base64Url.decode(ascii, from, to);
		if (decoded == null) {
			throw malformed("the " + part + " segment is not canonical unpadded base64url");
		}
		return decoded;
	}

	private static InvalidTokenException malformed(String why) {
		return new InvalidTokenException(Reason.MALFORMED, "Malformed token: " + why);
	}

}
