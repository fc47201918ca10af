package dev.joat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The token of the PyJOAT README, minted by a Python issuer, parses in Java: the migration path.
 */
class SeedTokenTests {

	private static final Clock INSIDE_WINDOW = Clock.fixed(Instant.parse("2014-08-06T02:30:00Z"), ZoneOffset.UTC);

	@Test
	void parseTokenWhenSeedTokenInsideWindowWithShortSecretsAllowedThenPyJoatCredentials() {
		TokenParser parser = TokenParser.builder(SecretResolver.of(TestTokens.SEED_SECRET))
			.clock(INSIDE_WINDOW)
			.allowShortSecrets()
			.build();
		Credentials credentials = parser.parseToken(TestTokens.SEED_TOKEN);
		assertThat(credentials.asMap()).containsExactly(Map.entry("user_id", "1234"),
				Map.entry("authorized_scope", List.of("profile", "read")), Map.entry("client_id", "abcd"),
				Map.entry("provider", "My OAuth2 Provider"));
		assertThat(credentials.issuedAt()).isEqualTo(Instant.parse("2014-08-06T02:09:32Z"));
		assertThat(credentials.expiresAt()).isEqualTo(Instant.parse("2014-08-06T03:09:32Z"));
		assertThat(credentials.tokenId()).isNull();
	}

	@Test
	void parseTokenWhenSeedTokenWithIssuerConfiguredThenAccepted() {
		TokenParser parser = TokenParser.builder(SecretResolver.of(TestTokens.SEED_SECRET))
			.clock(INSIDE_WINDOW)
			.issuer("My OAuth2 Provider")
			.allowShortSecrets()
			.build();
		assertThat(parser.parseToken(TestTokens.SEED_TOKEN).provider()).isEqualTo("My OAuth2 Provider");
	}

	@Test
	void parseTokenWhenSeedTokenWithoutShortSecretsAllowedThenSecretUnavailableSayingHowToOptIn() {
		TokenParser parser = TokenParser.builder(SecretResolver.of(TestTokens.SEED_SECRET)).clock(INSIDE_WINDOW).build();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(TestTokens.SEED_TOKEN))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.SECRET_UNAVAILABLE))
			.withMessageContaining("shorter than the 32 bytes RFC 7518 §3.2 requires")
			.withMessageContaining("allowShortSecrets()")
			.withMessageNotContaining(TestTokens.SEED_SECRET);
	}

	@Test
	void parseTokenWhenSeedTokenAfterExpiryThenExpired() {
		Clock afterExpiry = Clock.fixed(Instant.parse("2014-08-06T03:10:33Z"), ZoneOffset.UTC);
		TokenParser parser = TokenParser.builder(SecretResolver.of(TestTokens.SEED_SECRET))
			.clock(afterExpiry)
			.allowShortSecrets()
			.build();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(TestTokens.SEED_TOKEN))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.EXPIRED))
			.withMessage("Token expired at 2014-08-06T03:09:32Z; current time 2014-08-06T03:10:33Z, allowed clock skew 60s");
	}

	@Test
	void parseTokenWhenSeedTokenWithWrongSecretThenBadSignature() {
		TokenParser parser = TokenParser.builder(SecretResolver.of("the most secret hmac salt ever!"))
			.clock(INSIDE_WINDOW)
			.allowShortSecrets()
			.build();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(TestTokens.SEED_TOKEN))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE));
	}

}
