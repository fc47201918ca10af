package dev.joat.test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.joat.Credentials;
import dev.joat.HmacAlgorithm;
import dev.joat.InvalidTokenException;
import dev.joat.InvalidTokenException.Reason;
import dev.joat.SecretResolver;
import dev.joat.SecretRing;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.TokenProfile;
import dev.joat.TokenRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The plain minting API against joat-core's real parser: each defect is refused for its one
 * reason, with the parser's exact message; valid tokens say what they were described to say.
 */
class JoatTestTokensTests {

	static final String ISSUER = "My OAuth2 Provider";

	static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);

	static final byte[] NEXT_SECRET = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8);

	static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	private final SecretResolver secrets = SecretResolver.of(SECRET);

	private final JoatTestTokens tokens = JoatTestTokens.of(TokenGenerator.builder(ISSUER, this.secrets).clock(CLOCK).build(),
			this.secrets, CLOCK);

	private final TokenParser parser = TokenParser.builder(this.secrets).issuer(ISSUER).clock(CLOCK).build();

	@Test
	void issueWhenDescribedThenTheParserReadsWhatWasDescribed() {
		String token = this.tokens.token().clientId("abcd").subject("alice").scopes("read", "write").tokenId("id-1")
			.claim("email", "alice@example.com").issue();

		Credentials credentials = this.parser.parseToken(token);
		assertThat(credentials.clientId()).isEqualTo("abcd");
		assertThat(credentials.userId()).isEqualTo("alice");
		assertThat(credentials.authorizedScope()).containsExactly("read", "write");
		assertThat(credentials.tokenId()).isEqualTo("id-1");
		assertThat(credentials.claims()).containsEntry("email", "alice@example.com");
		assertThat(credentials.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(1)));
	}

	@Test
	void issueWhenNothingDescribedThenValidTokenOfTheDefaultClientWithoutScope() {
		Credentials credentials = this.parser.parseToken(this.tokens.token().issue());

		assertThat(credentials.clientId()).isEqualTo(TokenSpec.DEFAULT_CLIENT_ID);
		assertThat(credentials.userId()).isEqualTo(TokenSpec.DEFAULT_CLIENT_ID);
		assertThat(credentials.authorizedScope()).isEmpty();
	}

	@Test
	void issueWhenValidThenExactlyWhatTheApplicationsGeneratorIssues() {
		TokenGenerator generator = TokenGenerator.builder(ISSUER, this.secrets).clock(CLOCK).build();

		// The same jti on both sides: the generator's own is random.
		assertThat(this.tokens.token().clientId("abcd").scopes("read").tokenId("t-1").issue())
			.isEqualTo(generator.issueToken(TokenRequest.builder("abcd", List.of("read")).tokenId("t-1").build()));
	}

	@Test
	void issueWhenLifetimeGivenThenExpiresAfterIt() {
		Credentials credentials = this.parser.parseToken(this.tokens.token().lifetime(Duration.ofMinutes(5)).issue());

		assertThat(credentials.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
	}

	@Test
	void issueWhenIssuedAtGivenThenIatAndExpFollowFromIt() {
		Instant issuedAt = NOW.minus(Duration.ofHours(2));
		Map<String, Object> claims = claims(this.tokens.token().issuedAt(issuedAt).lifetime(Duration.ofMinutes(30)).issue());

		assertThat(claims).containsEntry("iat", issuedAt.getEpochSecond())
			.containsEntry("exp", issuedAt.plus(Duration.ofMinutes(30)).getEpochSecond());
		assertRefused(this.tokens.token().issuedAt(issuedAt).lifetime(Duration.ofMinutes(30)).issue(), Reason.EXPIRED,
				"Token expired at 2025-12-31T22:30:00Z; current time 2026-01-01T00:00:00Z, allowed clock skew 60s");
	}

	@Test
	void issueWhenIssuedAtGivenAndExpiredThenExpiredTakesPrecedence() {
		Map<String, Object> claims = claims(this.tokens.token().issuedAt(NOW).expired().issue());

		assertThat(claims).containsEntry("exp", NOW.minus(Duration.ofDays(2)).getEpochSecond());
	}

	@Test
	void issuedAtWhenNullThenNullPointerException() {
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> this.tokens.token().issuedAt(null))
			.withMessage("issuedAt cannot be null");
	}

	@Test
	void authorizationHeaderWhenIssuedThenBearerAndAValidToken() {
		String header = this.tokens.token().scopes("read").authorizationHeader();

		assertThat(header).startsWith("Bearer ");
		assertThat(this.parser.parseToken(header.substring("Bearer ".length())).authorizedScope()).containsExactly("read");
	}

	@Test
	void issueWhenExpiredThenRefusedAsExpired() {
		assertRefused(this.tokens.token().scopes("read").expired().issue(), Reason.EXPIRED,
				"Token expired at 2025-12-30T00:00:00Z; current time 2026-01-01T00:00:00Z, allowed clock skew 60s");
	}

	@Test
	void issueWhenExpiredThenOnlyTheTimesDiffer() {
		Map<String, Object> valid = claims(this.tokens.token().scopes("read").tokenId("t-1").issue());
		Map<String, Object> expired = claims(this.tokens.token().scopes("read").tokenId("t-1").expired().issue());

		assertThat(expired).containsEntry("exp", NOW.minus(Duration.ofDays(2)).getEpochSecond());
		valid.keySet().removeAll(List.of("exp", "iat"));
		expired.keySet().removeAll(List.of("exp", "iat"));
		assertThat(expired).isEqualTo(valid);
	}

	@Test
	void issueWhenClaimIsNullAndTokenChangedThenSignedWithTheApplicationsSecret() {
		String token = this.tokens.token().claim("note", null).wrongIssuer().issue();

		assertThat(claims(token)).containsEntry("note", null);
		assertRefused(token, Reason.WRONG_ISSUER, "Wrong issuer: the token's \"iss\" is not accepted");
	}

	@Test
	void issueWhenNotYetValidThenRefusedAsNotYetValid() {
		assertRefused(this.tokens.token().scopes("read").notYetValid().issue(), Reason.NOT_YET_VALID,
				"Token is not valid before 2026-01-03T00:00:00Z; current time 2026-01-01T00:00:00Z, allowed clock skew 60s");
	}

	@Test
	void issueWhenWrongSignatureThenRefusedAsBadSignature() {
		String valid = this.tokens.token().scopes("read").tokenId("t-1").issue();
		String token = this.tokens.token().scopes("read").tokenId("t-1").wrongSignature().issue();

		assertThat(token.substring(0, token.lastIndexOf('.'))).isEqualTo(valid.substring(0, valid.lastIndexOf('.')));
		assertRefused(token, Reason.BAD_SIGNATURE, "Bad signature");
	}

	@Test
	void issueWhenWrongIssuerThenRefusedAsWrongIssuerAndOnlyIssDiffers() {
		String token = this.tokens.token().scopes("read").tokenId("t-1").wrongIssuer().issue();

		Map<String, Object> expected = claims(this.tokens.token().scopes("read").tokenId("t-1").issue());
		expected.put("iss", JoatTestTokens.WRONG_ISSUER);
		assertThat(claims(token)).isEqualTo(expected);
		assertRefused(token, Reason.WRONG_ISSUER, "Wrong issuer: the token's \"iss\" is not accepted");
	}

	@Test
	void issueWhenWrongAudienceThenRefusedAsWrongAudience() {
		TokenGenerator generator = TokenGenerator.builder(ISSUER, this.secrets).profile(TokenProfile.RFC_9068)
			.audience("https://api.example.com").clock(CLOCK).build();
		JoatTestTokens tokens = JoatTestTokens.of(generator, this.secrets, CLOCK);
		TokenParser parser = TokenParser.builder(this.secrets).issuer(ISSUER).audience("https://api.example.com")
			.clock(CLOCK).build();

		assertThat(parser.parseToken(tokens.token().scopes("read").issue()).authorizedScope()).containsExactly("read");
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(tokens.token().scopes("read").wrongAudience().issue()))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_AUDIENCE))
			.withMessage("Wrong audience: the token is not meant for this server");
	}

	@Test
	void issueWhenUnknownKeyIdAndSecretsByKeyIdThenRefusedAsUnknownKey() {
		SecretRing ring = SecretRing.builder().secret("2026-01", HmacAlgorithm.HS256, SECRET).build();
		JoatTestTokens tokens = JoatTestTokens.of(TokenGenerator.builder(ISSUER, ring).clock(CLOCK).build(), ring, CLOCK);
		TokenParser parser = TokenParser.builder(ring).issuer(ISSUER).clock(CLOCK).build();

		assertThat(parser.parseToken(tokens.token().scopes("read").issue()).authorizedScope()).containsExactly("read");
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(tokens.token().scopes("read").unknownKeyId().issue()))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY))
			.withMessage("Unknown key: the token's \"kid\" names no key of this server");
	}

	@Test
	void issueWhenUnknownKeyIdAndOneSecretWithoutKeyIdsThenTheKidIsIgnored() {
		String token = this.tokens.token().scopes("read").unknownKeyId().issue();

		assertThat(header(token)).containsEntry("kid", JoatTestTokens.UNKNOWN_KEY_ID);
		assertThat(this.parser.parseToken(token).authorizedScope()).containsExactly("read");
	}

	@Test
	void issueWhenWrongSignatureWithSecretsByKeyIdThenKeepsTheKidAndRefusedAsBadSignature() {
		SecretRing ring = SecretRing.builder().secret("2026-01", HmacAlgorithm.HS256, SECRET)
			.secret("2026-07", HmacAlgorithm.HS256, NEXT_SECRET).signingKeyId("2026-07").build();
		JoatTestTokens tokens = JoatTestTokens.of(ISSUER, ring);
		TokenParser parser = TokenParser.builder(ring).issuer(ISSUER).build();
		String token = tokens.token().wrongSignature().issue();

		assertThat(header(token)).containsEntry("kid", "2026-07");
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE))
			.withMessage("Bad signature");
	}

	@Test
	void issueWhenAlgorithmNotAllowedThenRefusedAsUnsupportedAlgorithm() {
		String token = this.tokens.token().scopes("read").algorithm("HS512").issue();

		assertThat(header(token)).containsEntry("alg", "HS512");
		assertRefused(token, Reason.UNSUPPORTED_ALGORITHM, "Unsupported algorithm \"HS512\"; accepted: [HS256]");
	}

	@Test
	void issueWhenAlgorithmAllowedThenSignedWithTheApplicationsSecretUnderIt() {
		SecretResolver longSecret = SecretResolver.of("0123456789abcdef".repeat(4));
		JoatTestTokens tokens = JoatTestTokens.of(ISSUER, longSecret);
		TokenParser parser = TokenParser.builder(longSecret).algorithms(HmacAlgorithm.HS256, HmacAlgorithm.HS384)
			.issuer(ISSUER).build();

		assertThat(parser.parseToken(tokens.token().scopes("read").algorithm("HS384").issue()).authorizedScope())
			.containsExactly("read");
	}

	@Test
	void issueWhenAlgorithmNoneThenEmptySignatureRefusedAsUnsupportedAlgorithm() {
		String token = this.tokens.token().algorithm("none").issue();

		assertThat(token).endsWith(".");
		assertRefused(token, Reason.UNSUPPORTED_ALGORITHM, "Unsupported algorithm \"none\"; accepted: [HS256]");
	}

	@Test
	void issueWhenAsymmetricAlgorithmThenRefusedAsUnsupportedAlgorithm() {
		assertRefused(this.tokens.token().algorithm("RS256").issue(), Reason.UNSUPPORTED_ALGORITHM,
				"Unsupported algorithm \"RS256\"; accepted: [HS256]");
	}

	@Test
	void issueWhenSecretsByKeyIdThenValidAndSignedWithTheSigningKey() {
		SecretRing ring = SecretRing.builder().secret("2026-01", HmacAlgorithm.HS256, SECRET)
			.secret("2026-07", HmacAlgorithm.HS384, "0123456789abcdef".repeat(3).getBytes(StandardCharsets.UTF_8))
			.signingKeyId("2026-07").build();
		JoatTestTokens tokens = JoatTestTokens.of(ISSUER, ring);
		String token = tokens.token().subject("alice").issue();

		assertThat(header(token)).containsEntry("kid", "2026-07").containsEntry("alg", "HS384");
		assertThat(TokenParser.builder(ring).issuer(ISSUER).build().parseToken(token).userId()).isEqualTo("alice");
	}

	@Test
	void clientIdWhenBlankThenIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.token().clientId(" "))
			.withMessage("clientId cannot be null or blank");
	}

	@Test
	void subjectWhenNullThenIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.token().subject(null))
			.withMessage("subject cannot be null or blank");
	}

	@Test
	void algorithmWhenEmptyThenIllegalArgumentException() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.token().algorithm(""))
			.withMessage("algorithm cannot be null or empty");
	}

	@Test
	void claimWhenRegisteredClaimThenIllegalArgumentExceptionFromTheGenerator() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.tokens.token().claim("iss", "someone").issue())
			.withMessage("extraClaims cannot override the registered claim \"iss\"");
	}

	@Test
	void ofWhenGeneratorNullThenNullPointerException() {
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> JoatTestTokens.of((TokenGenerator) null, this.secrets))
			.withMessage("generator cannot be null");
	}

	private void assertRefused(String token, Reason reason, String message) {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason))
			.withMessage(message);
	}

	static Map<String, Object> header(String token) {
		return segment(token, 0);
	}

	static Map<String, Object> claims(String token) {
		return segment(token, 1);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> segment(String token, int index) {
		byte[] json = Base64.getUrlDecoder().decode(token.split("\\.")[index]);
		Map<String, Object> values = new LinkedHashMap<>();
		JsonMapper.builder().build().readValue(json, Map.class).forEach((name, value) -> values.put((String) name,
				(value instanceof Integer number) ? Long.valueOf(number) : value));
		return values;
	}

}
