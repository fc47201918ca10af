package dev.joat;

import java.time.Instant;
import java.util.List;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

import static dev.joat.TestTokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/**
 * The JWT profile for OAuth 2.0 access tokens (RFC 9068): typed {@code at+jwt}, with
 * {@code client_id}, a {@code scope} string, a {@code jti} always, and the resource server as
 * {@code aud}.
 */
class Rfc9068ProfileTests {

	private static final long NOW = TestTokens.NOW.getEpochSecond();

	private final TokenGenerator generator = TestTokens.generator()
		.profile(TokenProfile.RFC_9068)
		.audience("https://api.example")
		.build();

	@Test
	void issueTokenWhenRfc9068ThenTypedAtJwtWithProfileClaims() {
		String token = this.generator.issueToken(TokenRequest.builder("abcd", List.of("profile", "read")).userId("1234").build());
		assertThat(TokenGeneratorTests.header(token)).containsExactly(entry("alg", "HS256"), entry("typ", "at+jwt"));
		assertThat(TokenGeneratorTests.payload(token)).containsOnlyKeys("iss", "sub", "aud", "exp", "iat", "jti", "client_id",
				"scope");
		assertThat(TokenGeneratorTests.payload(token)).contains(entry("iss", TestTokens.PROVIDER), entry("sub", "1234"),
				entry("aud", "https://api.example"), entry("exp", NOW + 3600), entry("iat", NOW), entry("client_id", "abcd"),
				entry("scope", "profile read"));
	}

	@Test
	void issueTokenWhenNoJtiGivenThenRandom128BitJti() {
		String first = (String) TokenGeneratorTests.payload(this.generator.issueToken("abcd", List.of())).get("jti");
		String second = (String) TokenGeneratorTests.payload(this.generator.issueToken("abcd", List.of())).get("jti");
		assertThat(first).hasSize(22).matches("[A-Za-z0-9_-]+").isNotEqualTo(second);
		String given = (String) TokenGeneratorTests
			.payload(this.generator.issueToken(TokenRequest.builder("abcd", List.of()).tokenId("mine").build())).get("jti");
		assertThat(given).isEqualTo("mine");
	}

	@Test
	void issueTokenWhenNoUserThenSubIsClientIdAndEmptyScopeOmitted() {
		String token = this.generator.issueToken("abcd", List.of());
		assertThat(TokenGeneratorTests.payload(token)).contains(entry("sub", "abcd")).doesNotContainKey("scope");
	}

	@Test
	void issueTokenWhenSeveralAudiencesThenAudArray() {
		String token = TestTokens.generator().profile(TokenProfile.RFC_9068).audience("https://a", "https://b").build()
			.issueToken("abcd", List.of("read"));
		assertThat(TokenGeneratorTests.payload(token)).containsEntry("aud", List.of("https://a", "https://b"));
	}

	@Test
	void parseTokenWhenEitherLayoutThenSameCredentials() {
		TokenRequest request = TokenRequest.builder("abcd", List.of("profile", "read")).userId("1234").tokenId("t-1").build();
		String rfc9068 = this.generator.issueToken(request);
		String pyjoat = TestTokens.generator().build().issueToken(request);
		TokenParser parser = TestTokens.parser().build();
		Credentials fromRfc9068 = parser.parseToken(rfc9068);
		Credentials fromPyjoat = parser.parseToken(pyjoat);
		assertThat(fromRfc9068.asMap()).isEqualTo(fromPyjoat.asMap());
		assertThat(fromRfc9068.asMap()).containsEntry("client_id", "abcd").containsEntry("user_id", "1234")
			.containsEntry("authorized_scope", List.of("profile", "read")).containsEntry("jti", "t-1");
		assertThat(fromRfc9068.expiresAt()).isEqualTo(fromPyjoat.expiresAt()).isEqualTo(Instant.ofEpochSecond(NOW + 3600));
	}

	@Test
	void parseTokenWhenRequireAtJwtThenOnlyAtJwtAccepted() {
		TokenParser parser = TestTokens.parser().requireType(TokenType.AT_JWT).audience("https://api.example").build();
		assertThat(parser.parseToken(this.generator.issueToken("abcd", List.of("read"))).clientId()).isEqualTo("abcd");
		String applicationAtJwt = sign("{\"alg\":\"HS256\",\"typ\":\"application/at+jwt\"}",
				"{\"client_id\":\"abcd\",\"aud\":\"https://api.example\",\"exp\":" + (NOW + 60) + "}");
		assertThat(parser.parseToken(applicationAtJwt).clientId()).isEqualTo("abcd");
		for (String header : List.of(TestTokens.HS256_HEADER, "{\"alg\":\"HS256\"}", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}")) {
			String token = sign(header, "{\"client_id\":\"abcd\",\"aud\":\"https://api.example\",\"exp\":" + (NOW + 60) + "}");
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(token))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_TYPE))
				.withMessage("Wrong token type: \"typ\" must be at+jwt");
		}
	}

	@Test
	void parseTokenWhenRequireAtJwtThenPyjoatTokenRefused() {
		TokenParser parser = TestTokens.parser().requireType(TokenType.AT_JWT).build();
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(TestTokens.generator().build().issueToken("abcd", List.of("read"))))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_TYPE));
	}

	@Test
	void parseTokenWhenAudienceIsAnotherResourceServerThenWrongAudience() {
		TokenParser parser = TestTokens.parser().requireType(TokenType.AT_JWT).audience("https://other.example").build();
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(this.generator.issueToken("abcd", List.of("read"))))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.WRONG_AUDIENCE));
	}

	@Test
	void builderWhenRfc9068WithoutAudienceOrPyjoatWithAudienceThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestTokens.generator().profile(TokenProfile.RFC_9068).build())
			.withMessageStartingWith("an RFC 9068 token needs an audience");
		assertThatIllegalArgumentException().isThrownBy(() -> TestTokens.generator().audience("https://api").build())
			.withMessageStartingWith("audience applies to the RFC 9068 profile only");
	}

	@Test
	void typeWhenHeaderValuesThenMatchedIgnoringCaseAndPrefix() {
		assertThat(TokenType.fromHeaderValue("AT+JWT")).isEqualTo(TokenType.AT_JWT);
		assertThat(TokenType.fromHeaderValue("application/jwt")).isEqualTo(TokenType.JWT);
		assertThat(TokenType.fromHeaderValue("jose")).isNull();
	}

	@Test
	void issueTokenWhenRfc9068AndResolverReturnsNullThenIllegalStateNamingTheClientNotTheAudience() {
		TokenGenerator generator = TokenGenerator.builder(TestTokens.PROVIDER, (header, claims) -> null)
			.profile(TokenProfile.RFC_9068)
			.audience("https://api.example")
			.build();
		assertThatIllegalStateException().isThrownBy(() -> generator.issueToken("abcd", List.of("read")))
			.withMessage("The secret resolver returned no secret for client abcd");
	}

	@Test
	void typeWhenHeaderValueNullThenNoType() {
		assertThat(TokenType.fromHeaderValue(null)).isNull();
	}

}
