package dev.joat;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict base64url (RFC 4648 §5) without padding, as RFC 7515 §2 requires for JWS segments.
 *
 * <p>Decoding accepts exactly one spelling of every byte string: only the 64 alphabet characters,
 * no {@code =} padding, no whitespace, no length of the form {@code 4n+1}, and zero unused bits in
 * the last character. The JDK's decoder is more lenient (it accepts padding and ignores the unused
 * bits), which would give one token many spellings, so it is called only on ranges that pass
 * those two checks; encoding is the JDK's.
 */
final class Base64Url {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** The bits of the last character that must be zero, by the length of the last group. */
	private static final int[] UNUSED_BITS = { 0, 0, 0x0F, 0x03 };

	/** Sextet value of each byte value (index {@code b & 0xFF}), or -1 outside the alphabet. */
	private static final int[] SEXTETS = new int[256];

	static {
		Arrays.fill(SEXTETS, -1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (int i = 0; i < alphabet.length(); i++) {
			SEXTETS[alphabet.charAt(i)] = i;
		}
	}

	private Base64Url() {
	}

	static String encode(byte[] bytes) {
		return ENCODER.encodeToString(bytes);
	}

	static byte[] encodeToBytes(byte[] bytes) {
		return ENCODER.encode(bytes);
	}

	/** The encoding of {@code bytes[0, length)}. */
	static byte[] encodeToBytes(byte[] bytes, int length) {
		ByteBuffer encoded = ENCODER.encode(ByteBuffer.wrap(bytes, 0, length));
		return encoded.array();
	}

	/** The number of characters that {@code length} bytes encode to, without padding. */
	static int encodedLength(int length) {
		return (length * 4 + 2) / 3;
	}

	/** The number of bytes that {@code length} base64url characters decode to (at most). */
	static int decodedLength(int length) {
		int remainder = length & 3;
		return (length >> 2) * 3 + ((remainder == 0) ? 0 : remainder - 1);
	}

	/**
	 * Decodes {@code text[from, to)}.
	 * @return the decoded bytes, or {@code null} when that range is not canonical base64url
	 */
	static byte[] decode(byte[] text, int from, int to) {
		byte[] out = new byte[decodedLength(to - from)];
		return (decodeInto(text, from, to, null, out) < 0) ? null : out;
	}

	/**
	 * Decodes {@code text[from, to)} into the start of {@code out}, which must hold
	 * {@link #decodedLength(int)} bytes. The JDK's decoder does the work (it is intrinsified on
	 * most CPUs); it takes whole arrays, so the range is first copied into {@code segment}.
	 * @param segment an array of exactly {@code to - from} bytes to copy the range into, or
	 * {@code null} for a fresh one
	 * @return the number of bytes decoded, or -1 when that range is not canonical base64url
	 */
	static int decodeInto(byte[] text, int from, int to, byte[] segment, byte[] out) {
		int length = to - from;
		if (length == 0) {
			return 0;
		}
		int remainder = length & 3;
		if (remainder == 1) {
			return -1;
		}
		// The JDK's decoder refuses everything outside the alphabet and '=' anywhere but as the
		// padding at the end. A last character in the alphabet rules out padding; what is left to
		// check is that the bits the last character does not use are zero, which the JDK ignores.
		int last = sextet(text[to - 1]);
		if (last < 0 || (last & UNUSED_BITS[remainder]) != 0) {
			return -1;
		}
		byte[] copy = (segment != null) ? segment : new byte[length];
		System.arraycopy(text, from, copy, 0, length);
		try {
			return DECODER.decode(copy, out);
		}
		catch (IllegalArgumentException ex) {
			return -1;
		}
	}

	/** The sextet of a byte, or -1 outside the alphabet. */
	private static int sextet(byte b) {
		return SEXTETS[b & 0xFF];
	}

}
