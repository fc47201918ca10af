package dev.joat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.joat.TestTokens.HS256_HEADER;
import static dev.joat.TestTokens.b64;
import static dev.joat.TestTokens.claims;
import static dev.joat.TestTokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * One test per validation rule of {@link TokenParser}, each asserting the refusal's reason.
 */
class TokenParserTests {

	private static final long NOW = TestTokens.NOW.getEpochSecond();

	private final TokenParser parser = TestTokens.parser().build();

	@Test
	void parseTokenWhenValidThenCredentials() {
		Credentials credentials = this.parser.parseToken(sign(HS256_HEADER, claims()));
		assertThat(credentials.userId()).isEqualTo("1234");
		assertThat(credentials.clientId()).isEqualTo("abcd");
		assertThat(credentials.authorizedScope()).containsExactly("profile", "read");
		assertThat(credentials.provider()).isEqualTo(TestTokens.PROVIDER);
	}

	@Test
	void verifyWhenValidThenHeaderAndSameCredentials() {
		String token = sign("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"k1\"}", claims());
		VerifiedToken verified = this.parser.verify(token);
		assertThat(verified.header()).containsExactly(java.util.Map.entry("alg", "HS256"), java.util.Map.entry("typ", "JWT"),
				java.util.Map.entry("kid", "k1"));
		assertThat(verified.credentials()).isEqualTo(this.parser.parseToken(token));
	}

	@Test
	void parseTokenWhenNullOrEmptyThenMalformed() {
		assertRefused(null, Reason.MALFORMED, "Malformed token: no token was given");
		assertRefused("", Reason.MALFORMED, "Malformed token: no token was given");
	}

	@Test
	void parseTokenWhenLongerThanMaxTokenLengthThenTooLarge() {
		String token = sign(HS256_HEADER, claims());
		TokenParser atLength = TestTokens.parser().maxTokenLength(token.length()).build();
		assertThat(atLength.parseToken(token).clientId()).isEqualTo("abcd");
		TokenParser belowLength = TestTokens.parser().maxTokenLength(token.length() - 1).build();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> belowLength.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.TOO_LARGE))
			.withMessage("Token is longer than " + (token.length() - 1) + " characters");
	}

	@Test
	void parseTokenWhenDefaultMaxLengthExceededThenTooLargeBeforeAnyDecoding() {
		assertRefused("a".repeat(8193), Reason.TOO_LARGE);
	}

	@Test
	void parseTokenWhenTwoSegmentsThenMalformed() {
		assertRefused(b64(HS256_HEADER) + "." + b64(claims()), Reason.MALFORMED,
				"Malformed token: it has fewer than three segments");
	}

	@Test
	void parseTokenWhenFourOrFiveSegmentsThenMalformed() {
		String token = sign(HS256_HEADER, claims());
		assertRefused(token + ".AAAA", Reason.MALFORMED,
				"Malformed token: it has more than three segments (a JWE or nested token is not accepted)");
		assertRefused(token + ".AAAA.AAAA", Reason.MALFORMED);
	}

	@Test
	void parseTokenWhenHeaderOrPayloadSegmentEmptyThenMalformed() {
		String[] parts = sign(HS256_HEADER, claims()).split("\\.");
		assertRefused("." + parts[1] + "." + parts[2], Reason.MALFORMED, "Malformed token: the header segment is empty");
		assertRefused(parts[0] + ".." + parts[2], Reason.MALFORMED, "Malformed token: the payload segment is empty");
	}

	@ParameterizedTest
	@ValueSource(strings = { "+", "/", "=", " ", "\n", "%", "\u00e9" })
	void parseTokenWhenSegmentHasCharacterOutsideBase64UrlThenMalformed(String bad) {
		String[] parts = sign(HS256_HEADER, claims()).split("\\.");
		String header = parts[0].substring(0, 4) + bad + parts[0].substring(5);
		assertRefused(header + "." + parts[1] + "." + parts[2], Reason.MALFORMED,
				"Malformed token: the header segment is not canonical unpadded base64url");
	}

	/**
	 * Characters beyond Latin-1, including ones whose low byte is a base64url character or a dot
	 * and surrogate pairs (two chars, one code point), in each segment and after the signature.
	 */
	@ParameterizedTest
	@CsvSource({ "0, header", "1, payload", "2, signature", "3, signature" })
	void parseTokenWhenCharactersBeyondLatin1ThenMalformedNamingTheSegment(int where, String segment) {
		String[] parts = sign(HS256_HEADER, claims()).split("\\.");
		for (String bad : List.of("\u0141", "\u012e", "\ud83d\ude00", "\ud83d", "\ude00\ud83d\ude00")) {
			String[] changed = parts.clone();
			if (where < 3) {
				changed[where] = changed[where].substring(0, 4) + bad + changed[where].substring(5);
			}
			else {
				changed[2] = changed[2] + bad;
			}
			assertRefused(String.join(".", changed), Reason.MALFORMED,
					"Malformed token: the " + segment + " segment is not canonical unpadded base64url");
		}
	}

	@Test
	void parseTokenWhenPaddedThenMalformed() {
		String[] parts = sign(HS256_HEADER, claims()).split("\\.");
		assertThat(parts[2].length() % 4).isEqualTo(3);
		assertRefused(parts[0] + "." + parts[1] + "." + parts[2] + "=", Reason.MALFORMED,
				"Malformed token: the signature segment is not canonical unpadded base64url");
	}

	@Test
	void parseTokenWhenNonZeroTrailingBitsThenMalformed() {
		String token = sign(HS256_HEADER, claims());
		// The 43rd character of a 32-byte signature carries 4 data bits and 2 unused ones.
		char last = token.charAt(token.length() - 1);
		int sextet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last);
		assertThat(sextet & 3).isZero();
		char sameBitsDifferentSpelling = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
			.charAt(sextet | 1);
		assertRefused(token.substring(0, token.length() - 1) + sameBitsDifferentSpelling, Reason.MALFORMED,
				"Malformed token: the signature segment is not canonical unpadded base64url");
	}

	@Test
	void parseTokenWhenSegmentLengthIsFourNPlusOneThenMalformed() {
		String[] parts = sign(HS256_HEADER, claims()).split("\\.");
		assertRefused(parts[0] + "." + parts[1] + "." + parts[2].substring(0, 41), Reason.MALFORMED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "[]", "\"HS256\"", "42", "null", "{\"alg\":\"HS256\"", "{\"alg\":\"HS256\"}x",
			"{\"alg\":\"HS256\"}{}", "{'alg':'HS256'}", "{\"alg\":\"HS256\",}" })
	void parseTokenWhenHeaderIsNotOneJsonObjectThenMalformed(String header) {
		assertRefused(sign(header, claims()), Reason.MALFORMED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not json", "[]", "\"abcd\"", "1407294572", "true", "{\"exp\":1", "{\"exp\":1}garbage" })
	void parseTokenWhenPayloadIsNotOneJsonObjectThenMalformed(String payload) {
		assertRefused(sign(HS256_HEADER, payload), Reason.MALFORMED);
	}

	@Test
	void parseTokenWhenHeaderHasDuplicateMemberThenMalformed() {
		assertRefused(sign("{\"alg\":\"none\",\"alg\":\"HS256\"}", claims()), Reason.MALFORMED,
				"Malformed token: the header has a duplicate member name");
	}

	@Test
	void parseTokenWhenPayloadHasDuplicateScpThenMalformedNeverLastOneWins() {
		assertRefused(sign(HS256_HEADER, claims("\"scp\":[\"admin\"]")), Reason.MALFORMED,
				"Malformed token: the payload has a duplicate member name");
	}

	@Test
	void parseTokenWhenNestedObjectHasDuplicateMemberThenMalformed() {
		assertRefused(sign(HS256_HEADER, claims("\"meta\":{\"a\":1,\"a\":2}")), Reason.MALFORMED);
	}

	@Test
	void parseTokenWhenPayloadNestsDeeperThanLimitThenMalformed() {
		String atLimit = "[".repeat(StrictJsonReader.MAX_NESTING_DEPTH - 1) + "]".repeat(StrictJsonReader.MAX_NESTING_DEPTH - 1);
		assertThat(this.parser.parseToken(sign(HS256_HEADER, claims("\"deep\":" + atLimit))).claims()).containsKey("deep");
		String beyond = "[".repeat(StrictJsonReader.MAX_NESTING_DEPTH) + "]".repeat(StrictJsonReader.MAX_NESTING_DEPTH);
		assertRefused(sign(HS256_HEADER, claims("\"deep\":" + beyond)), Reason.MALFORMED);
	}

	@Test
	void parseTokenWhenPayloadIsNotUtf8ThenMalformed() {
		byte[] latin1 = claims("\"name\":\"caf\u00e9\"").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
		assertRefused(signBytes(latin1), Reason.MALFORMED, "Malformed token: the payload is not valid UTF-8");
		byte[] overlong = claims("\"name\":\"X\"").replace("X", "\u0000").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		int at = indexOf(overlong, (byte) 0);
		byte[] withOverlongSlash = new byte[overlong.length + 1];
		System.arraycopy(overlong, 0, withOverlongSlash, 0, at);
		withOverlongSlash[at] = (byte) 0xC0;
		withOverlongSlash[at + 1] = (byte) 0xAF;
		System.arraycopy(overlong, at + 1, withOverlongSlash, at + 2, overlong.length - at - 1);
		assertRefused(signBytes(withOverlongSlash), Reason.MALFORMED, "Malformed token: the payload is not valid UTF-8");
	}

	@Test
	void parseTokenWhenPayloadHasRawControlCharacterOrByteOrderMarkThenMalformed() {
		assertRefused(sign(HS256_HEADER, claims("\"x\":\"a\u0001b\"")), Reason.MALFORMED,
				"Malformed token: the payload contains a control character");
		assertRefused(sign(HS256_HEADER, "\uFEFF" + claims()), Reason.MALFORMED,
				"Malformed token: the payload starts with a byte-order mark");
	}

	@Test
	void parseTokenWhenPayloadIsUtf16ThenMalformed() {
		byte[] utf16 = claims().getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
		assertRefused(signBytes(utf16), Reason.MALFORMED, "Malformed token: the payload contains a control character");
	}

	@Test
	void parseTokenWhenNonAsciiUtf8ThenAccepted() {
		Credentials credentials = this.parser.parseToken(sign(HS256_HEADER, claims("\"name\":\"caf\u00e9 \u2603\"")));
		assertThat(credentials.claims()).containsEntry("name", "caf\u00e9 \u2603");
	}

	@Test
	void parseTokenWhenHeaderHasNoAlgThenMalformed() {
		assertRefused(sign("{\"typ\":\"JWT\"}", claims()), Reason.MALFORMED, "Malformed token: the header has no \"alg\" string");
		assertRefused(sign("{\"alg\":256}", claims()), Reason.MALFORMED);
	}

	@ParameterizedTest
	@ValueSource(strings = { "none", "None", "NONE", "nOnE", "hs256", "RS256", "ES256", "PS256", "EdDSA", "HS384", "HS512", "" })
	void parseTokenWhenAlgNotAllowedThenUnsupportedAlgorithm(String alg) {
		assertRefused(sign("{\"alg\":\"" + alg + "\"}", claims()), Reason.UNSUPPORTED_ALGORITHM,
				"Unsupported algorithm \"" + alg + "\"; accepted: [HS256]");
	}

	@Test
	void parseTokenWhenAlgNotAllowedThenMessageQuotesOnlyShortPrintablePrefix() {
		String alg = "X".repeat(500) + "\\u0007";
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.parser.parseToken(sign("{\"alg\":\"" + alg + "\"}", claims())))
			.withMessage("Unsupported algorithm \"XXXXXXXXXXXXXXXX...\"; accepted: [HS256]");
	}

	@Test
	void parseTokenWhenAlgorithmsConfiguredThenOthersAccepted() {
		TokenParser parser = TokenParser.builder(SecretResolver.of(TestTokens.LONG_SECRET))
			.clock(TestTokens.CLOCK)
			.algorithms(HmacAlgorithm.HS512)
			.build();
		String hs512 = sign("{\"alg\":\"HS512\"}", claims(), "HmacSHA512", TestTokens.LONG_SECRET);
		assertThat(parser.parseToken(hs512).clientId()).isEqualTo("abcd");
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(sign("{\"alg\":\"HS256\"}", claims(), "HmacSHA256", TestTokens.LONG_SECRET)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM));
	}

	@Test
	void parseTokenWhenCritPresentThenUnsupportedHeader() {
		assertRefused(sign("{\"alg\":\"HS256\",\"crit\":[\"exp\"]}", claims()), Reason.UNSUPPORTED_HEADER,
				"Unsupported header: \"crit\" names extensions this server does not understand");
		assertRefused(sign("{\"alg\":\"HS256\",\"crit\":[]}", claims()), Reason.UNSUPPORTED_HEADER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "JWT", "jwt", "application/jwt", "at+jwt", "AT+JWT", "application/at+jwt" })
	void parseTokenWhenTypIsJwtOrAtJwtThenAccepted(String typ) {
		assertThat(this.parser.parseToken(sign("{\"alg\":\"HS256\",\"typ\":\"" + typ + "\"}", claims())).clientId())
			.isEqualTo("abcd");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"JOSE\"", "\"id+jwt\"", "\"application/jose\"", "\"\"", "1", "null", "[\"JWT\"]" })
	void parseTokenWhenTypIsAnythingElseThenWrongType(String typ) {
		assertRefused(sign("{\"alg\":\"HS256\",\"typ\":" + typ + "}", claims()), Reason.WRONG_TYPE,
				"Wrong token type: \"typ\" must be JWT or at+jwt");
	}

	@Test
	void parseTokenWhenKidNotStringThenMalformed() {
		assertRefused(sign("{\"alg\":\"HS256\",\"kid\":1}", claims()), Reason.MALFORMED,
				"Malformed token: the header's \"kid\" is not a string");
	}

	@Test
	void parseTokenWhenWrongSecretThenBadSignature() {
		assertRefused(sign(HS256_HEADER, claims(), "HmacSHA256", "another secret of thirty-two bytes"), Reason.BAD_SIGNATURE,
				"Bad signature");
	}

	@Test
	void parseTokenWhenPayloadTamperedThenBadSignature() {
		String[] parts = sign(HS256_HEADER, claims()).split("\\.");
		String escalated = b64(claims().replace("[\"profile\",\"read\"]", "[\"admin\"]"));
		assertRefused(parts[0] + "." + escalated + "." + parts[2], Reason.BAD_SIGNATURE);
	}

	@Test
	void parseTokenWhenHeaderTamperedThenBadSignature() {
		String[] parts = sign(HS256_HEADER, claims()).split("\\.");
		assertRefused(b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"x\"}") + "." + parts[1] + "." + parts[2],
				Reason.BAD_SIGNATURE);
	}

	@Test
	void parseTokenWhenSignatureStrippedOrTruncatedThenBadSignature() {
		String token = sign(HS256_HEADER, claims());
		String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
		assertRefused(unsigned, Reason.BAD_SIGNATURE);
		assertRefused(token.substring(0, token.length() - 3), Reason.BAD_SIGNATURE);
	}

	@Test
	void parseTokenWhenExpMissingThenMissingClaim() {
		assertRefused(sign(HS256_HEADER, "{\"aud\":\"abcd\",\"scp\":[]}"), Reason.MISSING_CLAIM,
				"Missing claim: \"exp\" is required");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"1767229200\"", "true", "1767229200.5", "1.7672292E9", "-1", "null", "[1767229200]",
			"{}", "99999999999999999999", "9223372036854775807" })
	void parseTokenWhenExpNotANumericDateThenInvalidClaim(String exp) {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + exp + "}";
		assertRefused(sign(HS256_HEADER, payload), Reason.INVALID_CLAIM);
	}

	@ParameterizedTest
	@ValueSource(strings = { "nbf", "iat" })
	void parseTokenWhenNbfOrIatNotANumericDateThenInvalidClaim(String claim) {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"" + claim + "\":\"soon\"}";
		assertRefused(sign(HS256_HEADER, payload), Reason.INVALID_CLAIM,
				"Invalid claim: \"" + claim + "\" must be a NumericDate (whole seconds since the epoch)");
	}

	@Test
	void parseTokenWhenExpiredBeyondSkewThenExpired() {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW - 60) + "}";
		assertRefused(sign(HS256_HEADER, payload), Reason.EXPIRED,
				"Token expired at 2025-12-31T23:59:00Z; current time 2026-01-01T00:00:00Z, allowed clock skew 60s");
	}

	@Test
	void parseTokenWhenExpiredWithinSkewThenAccepted() {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW - 59) + "}";
		assertThat(this.parser.parseToken(sign(HS256_HEADER, payload)).clientId()).isEqualTo("abcd");
	}

	@Test
	void parseTokenWhenSkewIsZeroThenExpiredAtExp() {
		TokenParser strict = TestTokens.parser().clockSkew(Duration.ZERO).build();
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> strict.parseToken(sign(HS256_HEADER, "{\"aud\":\"abcd\",\"exp\":" + NOW + "}")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.EXPIRED));
		assertThat(strict.parseToken(sign(HS256_HEADER, "{\"aud\":\"abcd\",\"exp\":" + (NOW + 1) + "}")).clientId())
			.isEqualTo("abcd");
	}

	@Test
	void parseTokenWhenNbfInFutureBeyondSkewThenNotYetValid() {
		assertRefused(sign(HS256_HEADER, claims("\"nbf\":" + (NOW + 61))), Reason.NOT_YET_VALID);
		assertThat(this.parser.parseToken(sign(HS256_HEADER, claims("\"nbf\":" + (NOW + 60)))).clientId()).isEqualTo("abcd");
	}

	@Test
	void parseTokenWhenIatInFutureBeyondSkewThenNotYetValid() {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW + 3600) + ",\"iat\":" + (NOW + 61) + "}";
		assertRefused(sign(HS256_HEADER, payload), Reason.NOT_YET_VALID,
				"Token is issued in the future, at 2026-01-01T00:01:01Z; current time 2026-01-01T00:00:00Z, allowed clock skew 60s");
	}

	@Test
	void parseTokenWhenExpNotAfterIatThenInvalidClaim() {
		String expAtIat = "{\"aud\":\"abcd\",\"iat\":" + (NOW + 30) + ",\"exp\":" + (NOW + 30) + "}";
		assertRefused(sign(HS256_HEADER, expAtIat), Reason.INVALID_CLAIM, "Invalid claim: \"exp\" must be after \"iat\"");
		String expBeforeIat = "{\"aud\":\"abcd\",\"iat\":" + (NOW + 30) + ",\"exp\":" + (NOW + 10) + "}";
		assertRefused(sign(HS256_HEADER, expBeforeIat), Reason.INVALID_CLAIM, "Invalid claim: \"exp\" must be after \"iat\"");
		String oneSecondLater = "{\"aud\":\"abcd\",\"iat\":" + (NOW + 30) + ",\"exp\":" + (NOW + 31) + "}";
		assertThat(this.parser.parseToken(sign(HS256_HEADER, oneSecondLater)).clientId()).isEqualTo("abcd");
	}

	@Test
	void parseTokenWhenIssuerConfiguredAndOtherIssuerThenWrongIssuer() {
		TokenParser withIssuer = TestTokens.parser().issuer("Another Provider").build();
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> withIssuer.parseToken(sign(HS256_HEADER, claims())))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_ISSUER))
			.withMessage("Wrong issuer: the token's \"iss\" is not accepted");
	}

	@Test
	void parseTokenWhenIssuerConfiguredAndOneOfSeveralThenAccepted() {
		TokenParser withIssuers = TestTokens.parser().issuer("Another Provider", TestTokens.PROVIDER).build();
		assertThat(withIssuers.parseToken(sign(HS256_HEADER, claims())).provider()).isEqualTo(TestTokens.PROVIDER);
	}

	@Test
	void parseTokenWhenIssuerConfiguredAndIssMissingThenMissingClaim() {
		TokenParser withIssuer = TestTokens.parser().issuer(TestTokens.PROVIDER).build();
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> withIssuer.parseToken(sign(HS256_HEADER, "{\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + "}")))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MISSING_CLAIM));
	}

	@Test
	void parseTokenWhenIssNotStringThenInvalidClaim() {
		assertRefused(sign(HS256_HEADER, "{\"aud\":\"abcd\",\"iss\":1,\"exp\":" + (NOW + 60) + "}"), Reason.INVALID_CLAIM,
				"Invalid claim: \"iss\" must be a string");
	}

	@Test
	void parseTokenWhenAudienceConfiguredThenStringOrArrayMustName() {
		TokenParser withAudience = TestTokens.parser().audience("abcd", "api").build();
		assertThat(withAudience.parseToken(sign(HS256_HEADER, claims())).clientId()).isEqualTo("abcd");
		String array = "{\"client_id\":\"abcd\",\"aud\":[\"other\",\"api\"],\"exp\":" + (NOW + 60) + "}";
		assertThat(withAudience.parseToken(sign(HS256_HEADER, array)).clientId()).isEqualTo("abcd");
		String wrong = "{\"client_id\":\"abcd\",\"aud\":[\"other\"],\"exp\":" + (NOW + 60) + "}";
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> withAudience.parseToken(sign(HS256_HEADER, wrong)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_AUDIENCE));
		String missing = "{\"client_id\":\"abcd\",\"exp\":" + (NOW + 60) + "}";
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> withAudience.parseToken(sign(HS256_HEADER, missing)))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MISSING_CLAIM));
	}

	@Test
	void parseTokenWhenAudIsArrayWithoutClientIdThenInvalidClaim() {
		assertRefused(sign(HS256_HEADER, "{\"aud\":[\"abcd\"],\"exp\":" + (NOW + 60) + "}"), Reason.INVALID_CLAIM,
				"Invalid claim: \"aud\" must be one string naming the client when there is no \"client_id\" nor \"azp\"");
	}

	@Test
	void parseTokenWhenAzpWithoutClientIdThenItNamesTheClientAsKeycloakAndEntraWriteIt() {
		String payload = "{\"azp\":\"my-client\",\"aud\":[\"account\",\"api\"],\"exp\":" + (NOW + 60) + "}";
		assertThat(this.parser.parseToken(sign(HS256_HEADER, payload)).clientId()).isEqualTo("my-client");
		String both = "{\"client_id\":\"abcd\",\"azp\":\"my-client\",\"exp\":" + (NOW + 60) + "}";
		assertThat(this.parser.parseToken(sign(HS256_HEADER, both)).clientId()).isEqualTo("abcd");
		assertRefused(sign(HS256_HEADER, "{\"azp\":7,\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + "}"), Reason.INVALID_CLAIM);
	}

	@Test
	void parseTokenWhenAudHasNonStringsThenInvalidClaim() {
		assertRefused(sign(HS256_HEADER, "{\"client_id\":\"abcd\",\"aud\":[1],\"exp\":" + (NOW + 60) + "}"),
				Reason.INVALID_CLAIM, "Invalid claim: \"aud\" must be a string or an array of strings");
	}

	@Test
	void parseTokenWhenNoClientIdNorAudThenMissingClaim() {
		assertRefused(sign(HS256_HEADER, "{\"sub\":\"1234\",\"exp\":" + (NOW + 60) + "}"), Reason.MISSING_CLAIM);
	}

	@Test
	void parseTokenWhenClientIdClaimThenItNamesTheClient() {
		String payload = "{\"client_id\":\"abcd\",\"aud\":\"https://api.example\",\"exp\":" + (NOW + 60) + "}";
		assertThat(this.parser.parseToken(sign(HS256_HEADER, payload)).clientId()).isEqualTo("abcd");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"read\"", "[1,2]", "[\"read\",null]", "[[\"read\"]]", "null", "{}", "[\"read write\"]",
			"[\"\"]" })
	void parseTokenWhenScpIsNotAnArrayOfScopeTokensThenInvalidClaim(String scp) {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"scp\":" + scp + "}";
		assertRefused(sign(HS256_HEADER, payload), Reason.INVALID_CLAIM);
	}

	@Test
	void parseTokenWhenScopeIsAnArrayOfScopeTokensThenAcceptedAsSpringAuthorizationServerWritesIt() {
		String payload = "{\"sub\":\"abcd\",\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"scope\":[\"read\",\"write\"]}";
		assertThat(this.parser.parseToken(sign(HS256_HEADER, payload)).authorizedScope()).containsExactly("read", "write");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[1,2]", "[\"read\",null]", "[[\"read\"]]", "null", "{}", "[\"read write\"]", "[\"\"]", "7" })
	void parseTokenWhenScopeIsNeitherAStringNorAnArrayOfScopeTokensThenInvalidClaim(String scope) {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"scope\":" + scope + "}";
		assertRefused(sign(HS256_HEADER, payload), Reason.INVALID_CLAIM);
	}

	@ParameterizedTest
	@ValueSource(strings = { "read\\u00a0", "re\\u200bad", "\\\"read\\\"", "read\\\\", "caf\\u00e9", "\\u2603" })
	void parseTokenWhenScpElementHasCharacterOutsideRfc6749ScopeTokenThenInvalidClaim(String element) {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"scp\":[\"read\",\"" + element + "\"]}";
		assertRefused(sign(HS256_HEADER, payload), Reason.INVALID_CLAIM,
				"Invalid claim: \"scp\" holds a value that is not an RFC 6749 scope token");
		String scope = "{\"client_id\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"scope\":\"read " + element + "\"}";
		assertRefused(sign(HS256_HEADER, scope), Reason.INVALID_CLAIM,
				"Invalid claim: \"scope\" must be RFC 6749 scope tokens separated by single spaces");
	}

	@Test
	void parseTokenWhenScpElementsCoverEveryScopeTokenCharacterThenAccepted() {
		StringBuilder scp = new StringBuilder();
		List<String> expected = new ArrayList<>();
		for (char c = 0x21; c <= 0x7E; c++) {
			if (c == '"' || c == '\\') {
				continue;
			}
			scp.append((scp.length() == 0) ? "\"" : ",\"").append(c).append("x\"");
			expected.add(c + "x");
		}
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"scp\":[" + scp + "]}";
		assertThat(this.parser.parseToken(sign(HS256_HEADER, payload)).authorizedScope()).containsExactlyElementsOf(expected)
			.hasSize(92);
	}

	@Test
	void parseTokenWhenScopeStringThenSplitAtSpaces() {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"scope\":\"read profile\"}";
		assertThat(this.parser.parseToken(sign(HS256_HEADER, payload)).authorizedScope()).containsExactly("read", "profile");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"read  profile\"", "\" read\"", "\"read \"", "\"read\\tprofile\"", "1" })
	void parseTokenWhenScopeIsNotASpaceDelimitedStringThenInvalidClaim(String scope) {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"scope\":" + scope + "}";
		assertRefused(sign(HS256_HEADER, payload), Reason.INVALID_CLAIM);
	}

	@Test
	void parseTokenWhenBothScpAndScopeThenInvalidClaim() {
		assertRefused(sign(HS256_HEADER, claims("\"scope\":\"admin\"")), Reason.INVALID_CLAIM,
				"Invalid claim: a token may carry \"scp\" or \"scope\", not both");
	}

	@Test
	void parseTokenWhenNoScopeThenEmptyScope() {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + "}";
		assertThat(this.parser.parseToken(sign(HS256_HEADER, payload)).authorizedScope()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "sub", "jti", "client_id" })
	void parseTokenWhenStringClaimHasOtherTypeThenInvalidClaim(String claim) {
		String payload = "{\"aud\":\"abcd\",\"exp\":" + (NOW + 60) + ",\"" + claim + "\":42}";
		assertRefused(sign(HS256_HEADER, payload), Reason.INVALID_CLAIM, "Invalid claim: \"" + claim + "\" must be a string");
	}

	@Test
	void parseTokenWhenClaimsReturnedThenUnmodifiable() {
		Credentials credentials = this.parser.parseToken(sign(HS256_HEADER, claims()));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> credentials.claims().put("scp", List.of("admin")));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> credentials.authorizedScope().add("admin"));
	}

	@Test
	void builderWhenInvalidSettingsThenIllegalArgumentNamingThem() {
		SecretResolver resolver = SecretResolver.of(TestTokens.SECRET);
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> TokenParser.builder(null))
			.withMessage("secretResolver cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> TokenParser.builder(resolver).algorithms())
			.withMessage("algorithms cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> TokenParser.builder(resolver).issuer())
			.withMessage("issuers cannot be empty");
		assertThatIllegalArgumentException().isThrownBy(() -> TokenParser.builder(resolver).audience(""))
			.withMessage("audiences cannot contain null or empty values");
		assertThatIllegalArgumentException().isThrownBy(() -> TokenParser.builder(resolver).clockSkew(Duration.ofSeconds(-1)))
			.withMessage("clockSkew cannot be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> TokenParser.builder(resolver).maxTokenLength(0))
			.withMessage("maxTokenLength must be positive");
	}

	private void assertRefused(String token, Reason reason) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	private void assertRefused(String token, Reason reason, String message) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason))
			.withMessage(message);
	}

	private static String signBytes(byte[] payload) {
		String signingInput = b64(HS256_HEADER) + "." + b64(payload);
		return signingInput + "." + b64(TestTokens.hmac("HmacSHA256",
				TestTokens.SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), signingInput));
	}

	private static int indexOf(byte[] bytes, byte b) {
		for (int i = 0; i < bytes.length; i++) {
			if (bytes[i] == b) {
				return i;
			}
		}
		return -1;
	}

}
