package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strict base64url (RFC 4648 §5) without padding, as RFC 7515 §2 requires for JWS segments.
 *
 * <p>Decoding accepts exactly one spelling of every byte string: only the 64 alphabet characters,
 * no {@code =} padding, no whitespace, no length of the form {@code 4n+1}, and zero unused bits in
 * the last character. The JDK's decoder is more lenient (it accepts padding and ignores the unused
 * bits), which would give one token many spellings; decoding is therefore a table loop of its own,
 * which also reads a segment where it lies in the token, without a copy ({@code Base64UrlTests}
 * proves it against the JDK's decoder). Encoding is the JDK's, or a table loop where the characters
 * go into the middle of a larger array (a token being assembled).
 */
final class Base64Url {

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

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
	static byte[] decode(byte[] text, int from, int to) {
		byte[] out = new byte[decodedLength(to - from)];
		return (decodeInto(text, from, to, out) < 0) ? null : out;
	}

	/**
	 * Decodes {@code text[from, to)} into the start of {@code out}, which must hold
	 * {@link #decodedLength(int)} bytes. A table loop straight from the range, four characters to
	 * three bytes: a character outside the alphabet has the sextet -1, whose shifted bits make the
	 * group negative, so one sign test per group checks four characters. On a refusal {@code out}
	 * may hold part of the decoding.
	 * @return the number of bytes decoded, or -1 when that range is not canonical base64url
	 */
	static int decodeInto(byte[] text, int from, int to, byte[] out) {
		int remainder = (to - from) & 3;
		if (remainder == 1) {
			return -1;
		}
		int[] sextets = SEXTETS;
		int whole = to - remainder;
		int position = 0;
		for (int i = from; i < whole; i += 4) {
			int bits = (sextets[text[i] & 0xFF] << 18) | (sextets[text[i + 1] & 0xFF] << 12)
					| (sextets[text[i + 2] & 0xFF] << 6) | sextets[text[i + 3] & 0xFF];
			if (bits < 0) {
				return -1;
			}
			out[position] = (byte) (bits >> 16);
			out[position + 1] = (byte) (bits >> 8);
			out[position + 2] = (byte) bits;
			position += 3;
		}
		if (remainder == 2) {
			int bits = (sextets[text[whole] & 0xFF] << 6) | sextets[text[whole + 1] & 0xFF];
			// Canonical: the bits of the last character that no byte uses are zero.
			if (bits < 0 || (bits & UNUSED_BITS[2]) != 0) {
				return -1;
			}
			out[position++] = (byte) (bits >> 4);
		}
		else if (remainder == 3) {
			int bits = (sextets[text[whole] & 0xFF] << 12) | (sextets[text[whole + 1] & 0xFF] << 6)
					| sextets[text[whole + 2] & 0xFF];
			if (bits < 0 || (bits & UNUSED_BITS[3]) != 0) {
				return -1;
			}
			out[position++] = (byte) (bits >> 10);
			out[position++] = (byte) (bits >> 2);
		}
		return position;
	}

}
