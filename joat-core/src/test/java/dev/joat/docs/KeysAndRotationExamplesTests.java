package dev.joat.docs;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.joat.HmacAlgorithm;
import dev.joat.InvalidTokenException;
import dev.joat.SecretRing;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** "Keys and rotation": a {@link SecretRing} signs with the new key and still verifies the old one's tokens. */
class KeysAndRotationExamplesTests {

	private final byte[] oldSecret = "old-secret-0123456789abcdef-0123".getBytes(StandardCharsets.UTF_8);

	private final byte[] newSecret = "new-secret-0123456789abcdef-0123".getBytes(StandardCharsets.UTF_8);

	@Test
	void secretRingWhenNewKeySignsThenOldTokensStillVerifyUntilTheOldKeyIsRemoved() {
		String oldToken = TokenGenerator
			.builder("My OAuth2 Provider", SecretRing.builder().secret("2026-01", HmacAlgorithm.HS256, this.oldSecret).build())
			.build()
			.issueToken("abcd", List.of("read"));

		// tag::secret-ring[]
		SecretRing ring = SecretRing.builder()
			.secret("2026-01", HmacAlgorithm.HS256, oldSecret)
			.secret("2026-07", HmacAlgorithm.HS256, newSecret)
			.signingKeyId("2026-07")
			.build();
		TokenGenerator generator = TokenGenerator.builder("My OAuth2 Provider", ring).build();
		TokenParser parser = TokenParser.builder(ring).issuer("My OAuth2 Provider").build();
		// end::secret-ring[]

		String newToken = generator.issueToken("abcd", List.of("read"));
		assertThat(header(newToken)).contains("\"kid\":\"2026-07\"");
		assertThat(parser.parseToken(newToken).clientId()).isEqualTo("abcd");
		assertThat(parser.parseToken(oldToken).clientId()).isEqualTo("abcd");

		TokenParser afterRotation = TokenParser
			.builder(SecretRing.builder().secret("2026-07", HmacAlgorithm.HS256, this.newSecret).build())
			.issuer("My OAuth2 Provider")
			.build();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> afterRotation.parseToken(oldToken))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.UNKNOWN_KEY));
	}

	private static String header(String token) {
		return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
	}

}
