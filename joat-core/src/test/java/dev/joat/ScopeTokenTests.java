package dev.joat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ScopeToken}: a scope value is non-empty, with no space, no control character and no
 * other whitespace (RFC 6749 §3.3 delimits scope values with spaces).
 */
class ScopeTokenTests {

	@ParameterizedTest
	@ValueSource(strings = { "read", "SCOPE_read", "a", "!", "~", "api:read/write", "caf\u00e9", "\u2603", "r\u00e9\u00e0d" })
	void isValidWhenPrintableWithoutWhitespaceThenValid(String token) {
		assertThat(ScopeToken.isValid(token)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "read write", "read\t", "\nread", "re\u0000ad", "read\u007f", "read\u0085",
			"read\u2003", "read\u2028", "\u3000" })
	void isValidWhenEmptyOrWithSpacesOrControlCharactersThenInvalid(String token) {
		assertThat(ScopeToken.isValid(token)).isFalse();
	}

	@Test
	void isValidWhenEveryCharacterUpTo0x3000ThenValidExactlyWhenNeitherControlNorWhitespace() {
		for (char c = 0; c <= 0x3000; c++) {
			boolean expected = c != ' ' && !Character.isISOControl(c) && !Character.isWhitespace(c);
			assertThat(ScopeToken.isValid("a" + c + "b")).as("U+%04X", (int) c).isEqualTo(expected);
		}
	}

}
