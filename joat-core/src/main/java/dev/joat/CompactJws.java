package dev.joat;

import java.nio.charset.StandardCharsets;

import dev.joat.InvalidTokenException.Reason;

/**
 * A token split into its three JWS Compact Serialization segments (RFC 7515 §7.1), the payload
 * and signature strictly base64url-decoded: the first, structural step of parsing. The header is
 * decoded on demand, since a parser that has seen the same header segment before need not decode
 * it again. Nothing here is verified yet. The payload array may be a scratch buffer longer than
 * its content: only the length given is meaningful.
 *
 * <p>Each {@link ParseBuffers} holds one, refilled by every {@link #split(String, int, ParseBuffers)}
 * (a record allocated per token was scalar-replaced only when C2 happened to inline the split, so
 * the parse's allocation depended on the order of compilation); it is valid until those buffers
 * are released.
 */
final class CompactJws {

	/** The token's characters as bytes; the signing input is {@code ascii[0, signingInputLength)}. */
	private byte[] ascii;

	/** The length of the encoded header, which starts the token. */
	private int headerLength;

	/** The length of {@code header.payload}. */
	private int signingInputLength;

	/** The decoded payload bytes, {@code payload[0, payloadLength)}. */
	private byte[] payload;

	/** The length of the decoded payload. */
	private int payloadLength;

	/** The decoded signature bytes, the whole array. */
	private byte[] signature;

	CompactJws() {
	}

	byte[] ascii() {
		return this.ascii;
	}

	int headerLength() {
		return this.headerLength;
	}

	int signingInputLength() {
		return this.signingInputLength;
	}

	byte[] payload() {
		return this.payload;
	}

	int payloadLength() {
		return this.payloadLength;
	}

	byte[] signature() {
		return this.signature;
	}

	/** Drops the references to the last token's bytes, so that a pooled one keeps no token alive. */
	void clear() {
		this.ascii = null;
		this.payload = null;
		this.signature = null;
	}

	/**
	 * Splits and decodes {@code token} into buffers of its own.
	 * @throws InvalidTokenException {@code TOO_LARGE} beyond {@code maxLength} characters,
	 * {@code MALFORMED} unless it is three canonical base64url segments
	 */
	static CompactJws split(String token, int maxLength) {
		return split(token, maxLength, ParseBuffers.unshared());
	}

	/**
	 * Splits and decodes {@code token} into {@code buffers}.
	 * @see #split(String, int)
	 */
	static CompactJws split(String token, int maxLength, ParseBuffers buffers) {
		if (token == null || token.isEmpty()) {
			throw malformed("no token was given");
		}
		int length = token.length();
		if (length > maxLength) {
			throw new InvalidTokenException(Reason.TOO_LARGE, "Token is longer than " + maxLength + " characters");
		}
		int firstDot = token.indexOf('.');
		int secondDot = (firstDot < 0) ? -1 : token.indexOf('.', firstDot + 1);
		if (secondDot >= 0 && token.indexOf('.', secondDot + 1) >= 0) {
			throw malformed("it has more than three segments (a JWE or nested token is not accepted)");
		}
		if (secondDot < 0) {
			throw malformed("it has fewer than three segments");
		}
		if (firstDot == 0) {
			throw malformed("the header segment is empty");
		}
		if (secondDot == firstDot + 1) {
			throw malformed("the payload segment is empty");
		}
		// An intrinsic copy for the usual one-byte-per-character string. Characters beyond Latin-1
		// become '?' and those beyond ASCII are negative bytes: both outside the base64url
		// alphabet, so decoding refuses them.
		byte[] ascii = token.getBytes(StandardCharsets.ISO_8859_1);
		if (ascii.length != length) {
			// A surrogate pair became one '?': the indices of the string no longer fit the bytes.
			throw notBase64Url(segmentOf(firstSurrogate(token), firstDot, secondDot));
		}
		int payloadSegmentLength = secondDot - firstDot - 1;
		byte[] payload = buffers.payload(Base64Url.decodedLength(payloadSegmentLength));
		int payloadLength = Base64Url.decodeInto(ascii, firstDot + 1, secondDot,
				buffers.payloadSegment(payloadSegmentLength), payload);
		if (payloadLength < 0) {
			throw notBase64Url("payload");
		}
		// An empty signature is well-formed JWS (an unsecured one, RFC 7515 §A.5): it is refused
		// later, by the algorithm allow-list or as a bad signature, which says more.
		int signatureSegmentLength = length - secondDot - 1;
		byte[] signature = buffers.signature(Base64Url.decodedLength(signatureSegmentLength));
		if (Base64Url.decodeInto(ascii, secondDot + 1, length, buffers.signatureSegment(signatureSegmentLength),
				signature) < 0) {
			throw notBase64Url("signature");
		}
		CompactJws jws = buffers.jws();
		jws.ascii = ascii;
		jws.headerLength = firstDot;
		jws.signingInputLength = secondDot;
		jws.payload = payload;
		jws.payloadLength = payloadLength;
		jws.signature = signature;
		return jws;
	}

	/**
	 * The decoded header bytes.
	 * @throws InvalidTokenException ({@code MALFORMED}) unless the header is canonical base64url
	 */
	byte[] decodeHeader() {
		byte[] header = Base64Url.decode(this.ascii, 0, this.headerLength);
		if (header == null) {
			throw notBase64Url("header");
		}
		return header;
	}

	private static int firstSurrogate(String token) {
		for (int i = 0; i < token.length(); i++) {
			if (Character.isSurrogate(token.charAt(i))) {
				return i;
			}
		}
		throw new IllegalStateException("A string whose Latin-1 bytes are fewer than its characters has a surrogate");
	}

	private static String segmentOf(int index, int firstDot, int secondDot) {
		return (index < firstDot) ? "header" : (index < secondDot) ? "payload" : "signature";
	}

	private static InvalidTokenException notBase64Url(String part) {
		return malformed("the " + part + " segment is not canonical unpadded base64url");
	}

	private static InvalidTokenException malformed(String why) {
		return new InvalidTokenException(Reason.MALFORMED, "Malformed token: " + why);
	}

}
