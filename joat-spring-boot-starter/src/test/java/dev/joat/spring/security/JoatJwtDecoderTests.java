package dev.joat.spring.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import ch.qos.logback.classic.Level;
import dev.joat.MutableClock;
import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.spring.boot.JoatAutoConfigurationTests;
import dev.joat.spring.boot.ResourceServerFilterChainTests;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

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
	void decodeWhenSecretLookupFailsThenGenericBadJwtAndOperatorWarnedWithCauseWithoutLineBreaks() {
		JoatJwtDecoder failing = new JoatJwtDecoder(TokenParser.builder((header, claims) -> {
			throw new IllegalStateException("vault at 10.0.0.7 refused kid " + header.get("kid"));
		}).build());
		String forged = signed("{\"alg\":\"HS256\",\"kid\":\"k\\r\\nERROR forged line\"}", "{\"aud\":\"abcd\",\"exp\":"
				+ (Instant.now().getEpochSecond() + 60) + "}");
		try (CapturedLogs logs = CapturedLogs.start()) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> failing.decode(forged))
				.withMessage("The token could not be verified")
				.satisfies((ex) -> assertThat(ex.getCause()).isNull());
			assertThat(logs.warnOrAbove()).containsExactly("WARN dev.joat.spring.security.JoatJwtDecoder: Bearer tokens are"
					+ " refused because the secret lookup fails: java.lang.IllegalStateException: vault at 10.0.0.7 refused"
					+ " kid k??ERROR forged line (1 time since the last report; at most one report every 60s)");
		}
	}

	@Test
	void decodeWhenSecretLookupFailsOnEveryRequestThenOneWarningPerMinuteWithCount() {
		MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
		JoatJwtDecoder failing = new JoatJwtDecoder(TokenParser.builder((header, claims) -> {
			throw new IllegalStateException("vault down");
		}).build(), clock);
		String token = validToken();
		try (CapturedLogs logs = CapturedLogs.start()) {
			for (int i = 0; i < 500; i++) {
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> failing.decode(token));
				clock.advance(Duration.ofMillis(100));
			}
			assertThat(logs.warnOrAbove()).hasSize(1);
			clock.advance(Duration.ofSeconds(20));
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> failing.decode(token));
			assertThat(logs.warnOrAbove()).hasSize(2).last().asString()
				.endsWith("vault down (500 times since the last report; at most one report every 60s)");
		}
	}

	@Test
	void decodeWhenResolverAnswersShortSecretThenRateLimitedWarningNamingTheFault() {
		JoatJwtDecoder shortSecret = new JoatJwtDecoder(TokenParser.builder((header, claims) -> new byte[16]).build());
		try (CapturedLogs logs = CapturedLogs.start()) {
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> shortSecret.decode(validToken()))
				.withMessage("The token could not be verified");
			assertThat(logs.warnOrAbove()).singleElement().asString()
				.contains("java.lang.IllegalStateException: The SecretResolver answered a 16-byte secret for HS256");
		}
	}

	@Test
	void decodeWhenResolverAnswersNullThenGenericBadJwtLoggedAtDebugOnly() {
		JoatJwtDecoder unknownClient = new JoatJwtDecoder(TokenParser.builder((header, claims) -> null).build());
		try (CapturedLogs logs = CapturedLogs.start()) {
			for (int i = 0; i < 3; i++) {
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> unknownClient.decode(validToken()))
					.withMessage("The token could not be verified");
			}
			assertThat(logs.warnOrAbove()).isEmpty();
			assertThat(logs.lines(Level.DEBUG)).containsOnly("DEBUG dev.joat.spring.security.JoatJwtDecoder: Bearer token"
					+ " refused (SECRET_UNAVAILABLE): Secret unavailable: no secret for this token");
		}
	}

	@Test
	void decodeWhenTokenRefusedThenLoggedAtDebugOnly() {
		try (CapturedLogs logs = CapturedLogs.start()) {
			assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> this.decoder.decode(signed("{\"alg\":\"HS256\",\"typ\":\"\\nJWT\"}", "{}")));
			assertThat(logs.warnOrAbove()).isEmpty();
			assertThat(logs.lines(Level.DEBUG)).containsExactly("DEBUG dev.joat.spring.security.JoatJwtDecoder: Bearer token"
					+ " refused (WRONG_TYPE): Wrong token type: 'typ' must be JWT or at+jwt");
		}
	}

	@Test
	void decodeWhenExpNotAfterIatThenBadJwtNotIllegalArgument() {
		long now = Instant.now().getEpochSecond();
		String token = signed("{\"alg\":\"HS256\"}", "{\"aud\":\"abcd\",\"iat\":" + now + ",\"exp\":" + now + "}");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.decoder.decode(token))
			.withMessage("Invalid claim: 'exp' must be after 'iat'");
	}

	@Test
	void decodeWhenValidatorRefusesThenJwtValidationExceptionWithItsFirstDescription() {
		JoatJwtDecoder decoder = new JoatJwtDecoder(TokenParser.builder(SecretResolver.of(SECRET)).build());
		decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.failure(
				new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, null, null),
				new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "The \"tenant\" is\r\nsuspended", null),
				new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, "second", null)));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder.decode(validToken()))
			.withMessage("The 'tenant' is??suspended")
			.satisfies((ex) -> assertThat(ex.getErrors()).hasSize(3));
	}

	@Test
	void decodeWhenValidatorRefusesWithoutDescriptionThenSpringsGenericDescription() {
		JoatJwtDecoder decoder = new JoatJwtDecoder(TokenParser.builder(SecretResolver.of(SECRET)).build());
		decoder.setJwtValidator((jwt) -> OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN)));
		assertThatExceptionOfType(JwtValidationException.class).isThrownBy(() -> decoder.decode(validToken()))
			.withMessage("Unable to validate Jwt");
	}

	@Test
	void decodeWhenValidatorAcceptsThenItSawTheVerifiedJwt() {
		JoatJwtDecoder decoder = new JoatJwtDecoder(TokenParser.builder(SecretResolver.of(SECRET)).build());
		List<String> seen = new java.util.ArrayList<>();
		decoder.setJwtValidator((jwt) -> {
			seen.add(jwt.getSubject());
			return OAuth2TokenValidatorResult.success();
		});
		assertThat(decoder.decode(validToken()).getSubject()).isEqualTo("abcd");
		assertThat(seen).containsExactly("abcd");
	}

	@Test
	void decodeWhenTokenRefusedByJoatThenValidatorNeverRuns() {
		JoatJwtDecoder decoder = new JoatJwtDecoder(TokenParser.builder(SecretResolver.of(SECRET)).build());
		decoder.setJwtValidator((jwt) -> {
			throw new AssertionError("ran on a refused token");
		});
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(validToken() + "x"))
			.withMessageStartingWith("Bad signature");
	}

	@Test
	void setJwtValidatorWhenNullThenNullPointerNamingIt() {
		assertThatNullPointerException().isThrownBy(() -> this.decoder.setJwtValidator(null))
			.withMessage("jwtValidator cannot be null");
	}

	@Test
	void decodeWhenCnfThenRefusedByDefault() {
		for (String cnf : List.of("{\"x5t#S256\":\"abc\"}", "{\"jkt\":\"abc\"}", "\"text\"", "null")) {
			assertThatExceptionOfType(JwtValidationException.class)
				.isThrownBy(() -> this.decoder.decode(tokenWithCnf(cnf)))
				.as(cnf)
				.withMessage("The token is bound to a key or certificate (cnf), which this server does not accept");
		}
	}

	@Test
	void decodeWhenCnfAndOptedInButNotAnX5tS256ThenRefusedAsUncheckable() {
		JoatJwtDecoder decoder = new JoatJwtDecoder(TokenParser.builder(SecretResolver.of(SECRET)).build());
		decoder.setAllowCertificateBoundTokens(true);
		for (String cnf : List.of("{\"jkt\":\"abc\"}", "{\"x5t#S256\":1}", "{\"x5t#S256\":\"abc\",\"jkt\":\"abc\"}",
				"\"text\"", "[]", "null")) {
			assertThatExceptionOfType(JwtValidationException.class)
				.isThrownBy(() -> decoder.decode(tokenWithCnf(cnf)))
				.as(cnf)
				.withMessage("The token's cnf can only hold an x5t#S256 certificate thumbprint");
		}
	}

	@Test
	void decodeWhenCnfAndOptedInWithoutRequestCertificateThenRefusedBySpringsThumbprintCheck() {
		JoatJwtDecoder decoder = new JoatJwtDecoder(TokenParser.builder(SecretResolver.of(SECRET)).build());
		decoder.setAllowCertificateBoundTokens(true);
		assertThatExceptionOfType(JwtValidationException.class)
			.isThrownBy(() -> decoder.decode(tokenWithCnf("{\"x5t#S256\":\"abc\"}")))
			.withMessage("Unable to obtain X509Certificate from current request.");
	}

	@Test
	void decodeWhenOptedInAndNoCnfThenAccepted() {
		JoatJwtDecoder decoder = new JoatJwtDecoder(TokenParser.builder(SecretResolver.of(SECRET)).build());
		decoder.setAllowCertificateBoundTokens(true);
		assertThat(decoder.decode(validToken()).getSubject()).isEqualTo("abcd");
	}

	private static String tokenWithCnf(String cnf) {
		return signed("{\"alg\":\"HS256\"}",
				"{\"aud\":\"abcd\",\"exp\":" + (Instant.now().getEpochSecond() + 60) + ",\"cnf\":" + cnf + "}");
	}

	private static String validToken() {
		return TokenGenerator.builder("joat", SecretResolver.of(SECRET)).build().issueToken("abcd", List.of());
	}

	private static String signed(String header, String payload) {
		try {
			return ResourceServerFilterChainTests.sign(header, payload);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void asErrorDescriptionWhenQuotesBackslashesOrNonAsciiThenReplaced() {
		assertThat(JoatJwtDecoder.asErrorDescription("Invalid claim: \"scp\" \\ caf\u00e9\n"))
			.isEqualTo("Invalid claim: 'scp' ? caf??");
	}

}
