package dev.joat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ScopeToken}: a scope value is an RFC 6749 §3.3 {@code scope-token}, one or more of
 * {@code %x21 / %x23-5B / %x5D-7E}.
 */
class ScopeTokenTests {

	@ParameterizedTest
	@ValueSource(strings = { "read", "SCOPE_read", "a", "!", "~", "#", "[", "]", "api:read/write", "urn:x:y?a=b&c=d" })
	void isValidWhenScopeTokenCharactersThenValid(String token) {
		assertThat(ScopeToken.isValid(token)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "read write", "read\t", "\nread", "re\u0000ad", "read\u007f", "read\u0085",
			"read\u2003", "read\u2028", "\u3000", "read\u00a0", "re\u200bad", "\"read\"", "read\\", "caf\u00e9",
			"\u2603", "r\u0435ad" })
	void isValidWhenEmptyOrOutsideScopeTokenCharactersThenInvalid(String token) {
		assertThat(ScopeToken.isValid(token)).isFalse();
	}

	@Test
	void isValidWhenNullThenInvalid() {
		assertThat(ScopeToken.isValid(null)).isFalse();
	}

	@Test
	void isValidWhenEveryCharacterThenValidExactlyInRfc6749ScopeTokenRanges() {
		for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
			boolean expected = c == 0x21 || (c >= 0x23 && c <= 0x5B) || (c >= 0x5D && c <= 0x7E);
			assertThat(ScopeToken.isValid("a" + (char) c + "b")).as("U+%04X", c).isEqualTo(expected);
			assertThat(ScopeToken.isValid(String.valueOf((char) c))).as("U+%04X alone", c).isEqualTo(expected);
		}
	}

}
