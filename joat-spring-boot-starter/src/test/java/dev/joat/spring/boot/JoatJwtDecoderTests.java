package dev.joat.spring.boot;

import java.time.Instant;
import java.util.List;

import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JoatJwtDecoderTests {

	private static final String SECRET = JoatAutoConfigurationTests.SECRET;

	private final JoatJwtDecoder decoder = new JoatJwtDecoder(TokenParser.builder(SecretResolver.of(SECRET)).build());

	@Test
	void decodeWhenValidThenJwtWithInstantsListAudienceAndHeaders() throws Exception {
		long now = Instant.now().getEpochSecond();
		String token = ResourceServerFilterChainTests.sign("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k\"}",
				"{\"aud\":\"abcd\",\"iss\":\"joat\",\"exp\":" + (now + 60) + ",\"iat\":" + now + ",\"nbf\":" + now
						+ ",\"scp\":[\"read\"],\"sub\":\"1234\"}");
		Jwt jwt = this.decoder.decode(token);
		assertThat(jwt.getTokenValue()).isEqualTo(token);
		assertThat(jwt.getHeaders()).containsEntry("kid", "k").containsEntry("alg", "HS256");
		assertThat(jwt.getExpiresAt()).isEqualTo(Instant.ofEpochSecond(now + 60));
		assertThat(jwt.getIssuedAt()).isEqualTo(Instant.ofEpochSecond(now));
		assertThat(jwt.getNotBefore()).isEqualTo(Instant.ofEpochSecond(now));
		assertThat(jwt.getAudience()).containsExactly("abcd");
		assertThat(jwt.getSubject()).isEqualTo("1234");
		assertThat(jwt.getClaimAsStringList("scp")).containsExactly("read");
	}

	@Test
	void decodeWhenNoSubThenSubIsTheClientId() throws Exception {
		long now = Instant.now().getEpochSecond();
		String token = ResourceServerFilterChainTests.sign("{\"alg\":\"HS256\"}",
				"{\"client_id\":\"abcd\",\"aud\":\"https://api\",\"exp\":" + (now + 60) + "}");
		assertThat(this.decoder.decode(token).getSubject()).isEqualTo("abcd");
	}

	@Test
	void decodeWhenRefusedThenBadJwtWithClientSafeDescription() {
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode("a.b"))
			.withMessage("Malformed token: it has fewer than three segments");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void decodeWhenSecretLookupFailsThenGenericBadJwtAndOperatorWarnedWithCause(CapturedOutput output) {
		JoatJwtDecoder failing = new JoatJwtDecoder(TokenParser.builder((header, claims) -> {
			throw new IllegalStateException("vault at 10.0.0.7 refused password hunter2");
		}).build());
		String valid = dev.joat.TokenGenerator.builder("joat", SecretResolver.of(SECRET)).build().issueToken("abcd", List.of());
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> failing.decode(valid))
			.withMessage("The token could not be verified")
			.satisfies((ex) -> assertThat(ex.getCause()).isNull());
		assertThat(output).contains("WARN").contains("its secret could not be resolved")
			.contains("IllegalStateException: vault at 10.0.0.7 refused password hunter2")
			.doesNotContain(SECRET);
	}

	@Test
	void asErrorDescriptionWhenQuotesBackslashesOrNonAsciiThenReplaced() {
		assertThat(JoatJwtDecoder.asErrorDescription("Invalid claim: \"scp\" \\ caf\u00e9\n"))
			.isEqualTo("Invalid claim: 'scp' ? caf??");
	}

}
