package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link Base64Url}'s strict decoding against its definition: a string is canonical unpadded
 * base64url exactly when the JDK's lenient decoder accepts it, it has no padding, and encoding
 * the result gives the string back. Checked on every string of up to four characters over an
 * alphabet with the characters near the edges of the rules, and on random longer ones.
 */
class Base64UrlTests {

	/** Some of the alphabet, characters with unused bits set, and everything that must be refused. */
	private static final char[] CHARACTERS = { 'A', 'B', 'Q', 'g', 'w', 'z', '0', '9', '-', '_', 'E', 'F', 'R',
			'=', '+', '/', ' ', '.', '\n', '\u0000', '\u00e9', '\u0141' };

	@Test
	void encodeIntoWhenAnyBytesAtAnOffsetThenSameAsTheJdkEncoder() {
		SplittableRandom random = new SplittableRandom(18);
		for (int length = 0; length <= 300; length++) {
			byte[] bytes = new byte[length + 5];
			random.nextBytes(bytes);
			String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(bytes, length));
			byte[] out = new byte[3 + Base64Url.encodedLength(length) + 2];
			int end = Base64Url.encodeInto(bytes, length, out, 3);
			assertThat(end).isEqualTo(3 + expected.length());
			assertThat(new String(out, 3, expected.length(), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
			assertThat(out).startsWith(0, 0, 0).endsWith(0, 0);
		}
	}

	@Test
	void encodeIntoWhenARangeOfTheBytesThenSameAsTheJdkEncoderOnThatRange() {
		SplittableRandom random = new SplittableRandom(4648);
		for (int round = 0; round < 2_000; round++) {
			byte[] bytes = new byte[random.nextInt(64)];
			random.nextBytes(bytes);
			int from = random.nextInt(bytes.length + 1);
			int length = random.nextInt(bytes.length - from + 1);
			String expected = Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(java.util.Arrays.copyOfRange(bytes, from, from + length));
			byte[] out = new byte[2 + expected.length()];
			int end = Base64Url.encodeInto(bytes, from, length, out, 2);
			assertThat(end).isEqualTo(2 + expected.length());
			assertThat(new String(out, 2, expected.length(), StandardCharsets.ISO_8859_1)).isEqualTo(expected);
		}
	}

	@Test
	void decodeWhenEveryShortStringThenCanonicalOnesDecodeAndOthersAreRefused() {
		int checked = 0;
		for (int length = 0; length <= 4; length++) {
			int[] digits = new int[length];
			int total = (int) Math.pow(CHARACTERS.length, length);
			for (int n = 0; n < total; n++) {
				int rest = n;
				char[] text = new char[length];
				for (int i = 0; i < length; i++) {
					digits[i] = rest % CHARACTERS.length;
					rest /= CHARACTERS.length;
					text[i] = CHARACTERS[digits[i]];
				}
				assertDecodesAsDefined(new String(text));
				checked++;
			}
		}
		assertThat(checked).isGreaterThan(240_000);
	}

	@Test
	void decodeWhenRandomLongerStringsThenCanonicalOnesDecodeAndOthersAreRefused() {
		SplittableRandom random = new SplittableRandom(7515);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		for (int round = 0; round < 20_000; round++) {
			int length = 5 + random.nextInt(120);
			StringBuilder text = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				text.append(alphabet.charAt(random.nextInt(alphabet.length())));
			}
			if (random.nextInt(4) == 0) {
				// One character anywhere replaced by one from the edges of the rules.
				text.setCharAt(random.nextInt(length), CHARACTERS[random.nextInt(CHARACTERS.length)]);
			}
			assertDecodesAsDefined(text.toString());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "QQ==", "QQ=", "QUI=", "Q", "QUJDR", "QR", "QUJ", "QQ==QQ", "Q=Q", "QU=I", "QUJD=",
			"+/+/", "QU I", " QUI", "QUI\n", "QUJD.", "Q\u00c1==" })
	void decodeWhenNotCanonicalThenRefused(String text) {
		byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
		assertThat(Base64Url.decode(ascii, 0, ascii.length)).isNull();
	}

	@Test
	void decodeIntoWhenGivenARangeThenDecodesOnlyThatRange() {
		byte[] text = "xx.QUJD.yy".getBytes(StandardCharsets.ISO_8859_1);
		byte[] out = new byte[8];
		byte[] segment = new byte[4];
		int length = Base64Url.decodeInto(text, 3, 7, segment, out);
		assertThat(length).isEqualTo(3);
		assertThat(new String(out, 0, length, StandardCharsets.US_ASCII)).isEqualTo("ABC");
		assertThat(out).endsWith(0, 0, 0, 0, 0);
	}

	@Test
	void decodeIntoWhenRandomRangesInsideALargerArrayThenSameAsDecodingTheRangeAlone() {
		SplittableRandom random = new SplittableRandom(4648);
		for (int round = 0; round < 5_000; round++) {
			byte[] bytes = new byte[random.nextInt(200)];
			random.nextBytes(bytes);
			String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
			if (random.nextInt(3) == 0 && !encoded.isEmpty()) {
				// One character anywhere replaced by one from the edges of the rules.
				char[] chars = encoded.toCharArray();
				chars[random.nextInt(chars.length)] = CHARACTERS[random.nextInt(CHARACTERS.length)];
				encoded = new String(chars);
			}
			// The range between two segments of other text, as a payload lies in a token.
			String text = "eyJ.x" + encoded + ".sig";
			byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
			byte[] out = new byte[Base64Url.decodedLength(encoded.length())];
			int length = Base64Url.decodeInto(ascii, 5, 5 + encoded.length(), null, out);
			byte[] expected = canonicalDecoding(encoded);
			if (expected == null) {
				assertThat(length).as("refuses %s", encoded).isEqualTo(-1);
			}
			else {
				assertThat(length).as("decodes %s", encoded).isEqualTo(expected.length);
				assertThat(out).as("decodes %s", encoded).isEqualTo(expected);
			}
		}
	}

	private static void assertDecodesAsDefined(String text) {
		byte[] ascii = text.getBytes(StandardCharsets.ISO_8859_1);
		byte[] expected = canonicalDecoding(text);
		byte[] decoded = Base64Url.decode(ascii, 0, ascii.length);
		if (expected == null) {
			assertThat(decoded).as("refuses %s", text).isNull();
		}
		else {
			assertThat(decoded).as("decodes %s", text).isEqualTo(expected);
		}
	}

	/** The definition: what the JDK decodes, when the string is its unpadded canonical spelling. */
	private static byte[] canonicalDecoding(String text) {
		byte[] decoded;
		try {
			decoded = Base64.getUrlDecoder().decode(text);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		return Base64.getUrlEncoder().withoutPadding().encodeToString(decoded).equals(text) ? decoded : null;
	}

}
