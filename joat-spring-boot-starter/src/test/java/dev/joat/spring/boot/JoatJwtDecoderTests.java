package dev.joat.spring.boot;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

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
	void decodeWhenNoSubThenSubIsTheClientIdAfterTheOtherClaims() throws Exception {
		long now = Instant.now().getEpochSecond();
		String token = ResourceServerFilterChainTests.sign("{\"alg\":\"HS256\"}",
				"{\"client_id\":\"abcd\",\"aud\":\"https://api\",\"exp\":" + (now + 60) + "}");
		Jwt jwt = this.decoder.decode(token);
		assertThat(jwt.getSubject()).isEqualTo("abcd");
		assertThat(List.copyOf(jwt.getClaims().keySet())).containsExactly("client_id", "aud", "exp", "sub");
	}

	@Test
	void decodeWhenValidThenSameClaimsAndHeadersAsSpringsNimbusDecoder() throws Exception {
		long now = Instant.now().getEpochSecond();
		String token = ResourceServerFilterChainTests.sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
				"{\"iss\":\"joat\",\"sub\":\"1234\",\"aud\":[\"a\",\"b\"],\"exp\":" + (now + 60) + ",\"nbf\":" + now
						+ ",\"iat\":" + now + ",\"jti\":\"j\",\"client_id\":\"abcd\",\"scope\":\"read write\","
						+ "\"n\":{\"x\":[1,true,null]}}");
		Jwt spring = NimbusJwtDecoder
			.withSecretKey(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
			.build()
			.decode(token);
		Jwt joat = this.decoder.decode(token);
		assertThat(joat.getHeaders()).isEqualTo(spring.getHeaders());
		assertThat(joat.getClaims()).containsOnlyKeys(spring.getClaims().keySet());
		for (String name : List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "client_id", "scope")) {
			assertThat(joat.getClaims().get(name)).as(name).isEqualTo(spring.getClaims().get(name));
		}
		assertThat(joat.getClaims().get("n")).isEqualTo(Map.of("x", Arrays.asList(1L, true, null)));
		assertThat(List.copyOf(joat.getClaims().keySet())).containsExactly("iss", "sub", "aud", "exp", "nbf", "iat",
				"jti", "client_id", "scope", "n");
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
