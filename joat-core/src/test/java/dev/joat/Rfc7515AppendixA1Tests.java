package dev.joat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.EnumSet;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The HS256 example of RFC 7515 Appendix A.1: its header has CR LF whitespace inside the JSON,
 * and its key is raw bytes, not text.
 */
class Rfc7515AppendixA1Tests {

	private static final String TOKEN = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9"
			+ ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
			+ ".dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

	private static final byte[] KEY = Base64.getUrlDecoder()
		.decode("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow");

	@Test
	void verifySignatureWhenAppendixA1ThenValid() {
		CompactJws jws = CompactJws.split(TOKEN, 8192);
		JoseHeader header = JoseHeader.read(jws.decodeHeader(), EnumSet.of(HmacAlgorithm.HS256));
		assertThat(header.type()).isEqualTo("JWT");
		assertThatCode(() -> TokenParser.verifySignature(jws, header, KEY)).doesNotThrowAnyException();
	}

	@Test
	void verifySignatureWhenOneKeyBitFlippedThenBadSignature() {
		byte[] key = KEY.clone();
		key[0] ^= 1;
		CompactJws jws = CompactJws.split(TOKEN, 8192);
		JoseHeader header = JoseHeader.read(jws.decodeHeader(), EnumSet.of(HmacAlgorithm.HS256));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> TokenParser.verifySignature(jws, header, key))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE));
	}

	@Test
	void parseTokenWhenAppendixA1BeforeExpiryThenSignatureAcceptedButNoClientNamed() {
		Clock beforeExpiry = Clock.fixed(Instant.ofEpochSecond(1300819380 - 10), ZoneOffset.UTC);
		TokenParser parser = TokenParser.builder(SecretResolver.of(KEY)).clock(beforeExpiry).build();
		// Everything up to the claims passes; an access token must also name its client.
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(TOKEN))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MISSING_CLAIM));
	}

}
