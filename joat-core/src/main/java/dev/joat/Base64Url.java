package dev.joat;

import java.util.Arrays;
import java.util.Base64;

/**
 * Strict base64url (RFC 4648 §5) without padding, as RFC 7515 §2 requires for JWS segments.
 *
 * <p>Decoding accepts exactly one spelling of every byte string: only the 64 alphabet characters,
 * no {@code =} padding, no whitespace, no length of the form {@code 4n+1}, and zero unused bits in
 * the last character. The JDK decoder is more lenient (it accepts padding and ignores the unused
 * bits), which would give one token many spellings, so decoding is written out here; encoding is
 * the JDK's.
 */
final class Base64Url {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

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
		return (decodeInto(text, from, to, out) < 0) ? null : out;
	}

	/**
	 * Decodes {@code text[from, to)} into the start of {@code out}, which must hold
	 * {@link #decodedLength(int)} bytes.
	 * @return the number of bytes decoded, or -1 when that range is not canonical base64url
	 */
	static int decodeInto(byte[] text, int from, int to, byte[] out) {
		int remainder = (to - from) & 3;
		if (remainder == 1) {
			return -1;
		}
		int in = from;
		int o = 0;
		int fullEnd = to - remainder;
		while (in < fullEnd) {
			int bits = (sextet(text[in]) << 18) | (sextet(text[in + 1]) << 12) | (sextet(text[in + 2]) << 6)
					| sextet(text[in + 3]);
			if (bits < 0) {
				return -1;
			}
			out[o] = (byte) (bits >> 16);
			out[o + 1] = (byte) (bits >> 8);
			out[o + 2] = (byte) bits;
			in += 4;
			o += 3;
		}
		if (remainder == 2) {
			int a = sextet(text[in]);
			int b = sextet(text[in + 1]);
			if ((a | b) < 0 || (b & 0x0F) != 0) {
				return -1;
			}
			out[o++] = (byte) ((a << 2) | (b >> 4));
		}
		else if (remainder == 3) {
			int a = sextet(text[in]);
			int b = sextet(text[in + 1]);
			int c = sextet(text[in + 2]);
			if ((a | b | c) < 0 || (c & 0x03) != 0) {
				return -1;
			}
			out[o++] = (byte) ((a << 2) | (b >> 4));
			out[o++] = (byte) ((b << 4) | (c >> 2));
		}
		return o;
	}

	/**
	 * The sextet of a byte, or -1 outside the alphabet. Shifted left and OR-ed with others, a -1
	 * keeps the sign bit set, so one sign test checks a whole group.
	 */
	private static int sextet(byte b) {
		return SEXTETS[b & 0xFF];
	}

}
