package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.jspecify.annotations.Nullable;

/**
 * Strict base64url (RFC 4648 §5) without padding, as RFC 7515 §2 requires for JWS segments.
 *
 * <p>Decoding accepts exactly one spelling of every byte string: only the 64 alphabet characters,
 * no {@code =} padding, no whitespace, no length of the form {@code 4n+1}, and zero unused bits in
 * the last character. The JDK's decoder is more lenient (it accepts padding and ignores the unused
 * bits), which would give one token many spellings, so it is called only on ranges that pass
 * those two checks. Encoding is the JDK's, or a table loop where the characters go into the middle
 * of a larger array (a token being assembled).
 */
final class Base64Url {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	/** The bits of the last character that must be zero, by the length of the last group. */
	private static final int[] UNUSED_BITS = { 0, 0, 0x0F, 0x03 };

	/** The character of each sextet value. */
	private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
		.getBytes(StandardCharsets.US_ASCII);

	/** Sextet value of each byte value (index {@code b & 0xFF}), or -1 outside the alphabet. */
	private static final int[] SEXTETS = new int[256];

	static {
		Arrays.fill(SEXTETS, -1);
		for (int i = 0; i < ALPHABET.length; i++) {
			SEXTETS[ALPHABET[i]] = i;
		}
	}

	private Base64Url() {
	}

	static String encode(byte[] bytes) {
		return ENCODER.encodeToString(bytes);
	}

	/**
	 * Encodes {@code bytes[0, length)} into {@code out} from {@code offset}, which must have room
	 * for {@link #encodedLength(int)} characters, without padding: the JDK's encoder writes only
	 * to the start of an array of its own, which would cost the issuer a copy of every token.
	 * @return the offset after the last character written
	 */
	static int encodeInto(byte[] bytes, int length, byte[] out, int offset) {
		return encodeInto(bytes, 0, length, out, offset);
	}

	/**
	 * Encodes {@code bytes[from, from + length)} into {@code out} from {@code offset}, like
	 * {@link #encodeInto(byte[], int, byte[], int)}.
	 * @return the offset after the last character written
	 */
	static int encodeInto(byte[] bytes, int from, int length, byte[] out, int offset) {
		int position = offset;
		int whole = from + length - length % 3;
		for (int i = from; i < whole; i += 3) {
			int bits = ((bytes[i] & 0xFF) << 16) | ((bytes[i + 1] & 0xFF) << 8) | (bytes[i + 2] & 0xFF);
			out[position] = ALPHABET[bits >>> 18];
			out[position + 1] = ALPHABET[(bits >>> 12) & 0x3F];
			out[position + 2] = ALPHABET[(bits >>> 6) & 0x3F];
			out[position + 3] = ALPHABET[bits & 0x3F];
			position += 4;
		}
		int rest = length % 3;
		if (rest == 1) {
			int bits = bytes[whole] & 0xFF;
			out[position++] = ALPHABET[bits >>> 2];
			out[position++] = ALPHABET[(bits << 4) & 0x3F];
		}
		else if (rest == 2) {
			int bits = ((bytes[whole] & 0xFF) << 8) | (bytes[whole + 1] & 0xFF);
			out[position++] = ALPHABET[bits >>> 10];
			out[position++] = ALPHABET[(bits >>> 4) & 0x3F];
			out[position++] = ALPHABET[(bits << 2) & 0x3F];
		}
		return position;
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
	static byte @Nullable [] decode(byte[] text, int from, int to) {
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
	static int decodeInto(byte[] text, int from, int to, byte @Nullable [] segment, byte[] out) {
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
