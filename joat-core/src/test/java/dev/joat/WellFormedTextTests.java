package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * The generator refuses, at every entry point where a string becomes part of a token, what the
 * strict reader refuses: an unpaired surrogate (RFC 7493 §2.1); and it issues a proper surrogate
 * pair, which parses back to the same string.
 */
class WellFormedTextTests {

	/** A high surrogate alone, a low one alone, a pair in the wrong order, a high one at the end. */
	static final List<String> UNPAIRED = List.of("a\uD83Db", "a\uDE00b", "\uDE00\uD83D", "ab\uD83D");

	/** U+1F600 as its surrogate pair, between other characters. */
	private static final String EMOJI = "x\uD83D\uDE00y";

	private static final String SUFFIX = " has an unpaired surrogate: a token holding it would not parse (RFC 7493 §2.1)";

	@Test
	void hasUnpairedSurrogateWhenEveryCharacterAloneOrPairedThenSameAsUtf8RoundTrip() {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			// The JDK's UTF-8 encoder replaces exactly the unpaired surrogates, so they do not round-trip.
			for (String text : List.of(String.valueOf((char) c), "a" + (char) c + "\uDE00", "\uD83D" + (char) c)) {
				boolean lost = !text.equals(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
				assertThat(WellFormedText.hasUnpairedSurrogate(text)).as("U+%04X in %s", c, text.codePoints().boxed().toList())
					.isEqualTo(lost);
			}
		}
	}

	@ParameterizedTest
	@FieldSource("UNPAIRED")
	void builderWhenClientIdHasUnpairedSurrogateThenIllegalArgumentNamingIt(String unpaired) {
		assertRefused(() -> TokenRequest.builder(unpaired, List.of("read")).build(), "clientId");
		assertRefused(() -> TestTokens.generator().build().issueToken(unpaired, List.of("read")), "clientId");
	}

	@ParameterizedTest
	@FieldSource("UNPAIRED")
	void builderWhenUserIdOrTokenIdHasUnpairedSurrogateThenIllegalArgumentNamingIt(String unpaired) {
		assertRefused(() -> TokenRequest.builder("abcd", List.of()).userId(unpaired).build(), "userId");
		assertRefused(() -> TokenRequest.builder("abcd", List.of()).tokenId(unpaired).build(), "tokenId");
	}

	@ParameterizedTest
	@FieldSource("UNPAIRED")
	void builderWhenExtraClaimNameHasUnpairedSurrogateThenIllegalArgument(String unpaired) {
		assertRefused(() -> TokenRequest.builder("abcd", List.of()).claim(unpaired, "value").build(),
				"an extraClaims name");
	}

	@ParameterizedTest
	@FieldSource("UNPAIRED")
	void builderWhenExtraClaimStringAnywhereHasUnpairedSurrogateThenIllegalArgumentNamingTheClaim(String unpaired) {
		Map<String, Object> keyed = new LinkedHashMap<>();
		keyed.put("fine", 1);
		keyed.put(unpaired, true);
		List<Object> deep = new ArrayList<>();
		deep.add(null);
		deep.add(List.of(Map.of("k", List.of("ok", unpaired))));
		List<Function<String, Object>> values = List.of(value -> value, value -> List.of("ok", value),
				value -> Map.of("k", value), value -> keyed, value -> deep);
		for (Function<String, Object> value : values) {
			assertRefused(() -> TokenRequest.builder("abcd", List.of()).claim("tenant", "acme")
				.claim("roles", value.apply(unpaired))
				.build(), "extraClaims \"roles\"");
		}
	}

	@Test
	void builderWhenExtraClaimNameUnprintableThenMessageQuotesItPrintably() {
		assertRefused(() -> TokenRequest.builder("abcd", List.of()).claim("r\u00f4les\n", "a\uD83D").build(),
				"extraClaims \"r?les?\"");
	}

	@ParameterizedTest
	@FieldSource("UNPAIRED")
	void builderWhenScopeHasUnpairedSurrogateThenRefusedAsNoScopeToken(String unpaired) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenRequest.builder("abcd", List.of("read", unpaired)).build())
			.withMessage("scope values must be RFC 6749 scope tokens: printable ASCII without space, '\"' or '\\'");
	}

	@ParameterizedTest
	@FieldSource("UNPAIRED")
	void generatorBuilderWhenProviderKeyIdOrAudienceHasUnpairedSurrogateThenIllegalArgumentNamingIt(String unpaired) {
		assertRefused(() -> TokenGenerator.builder(unpaired, SecretResolver.of(TestTokens.SECRET)), "provider");
		assertRefused(() -> TestTokens.generator().keyId(unpaired), "keyId");
		assertRefused(() -> TestTokens.generator().audience("https://api.example", unpaired), "audience");
		SecretRing ring = SecretRing.builder()
			.secret(unpaired, HmacAlgorithm.HS256, TestTokens.SECRET.getBytes(StandardCharsets.UTF_8))
			.build();
		assertRefused(() -> TokenGenerator.builder(TestTokens.PROVIDER, ring), "keyId");
	}

	@Test
	void issueTokenWhenEveryStringHasSurrogatePairThenIssuedAndParsedBackUnchanged() {
		SecretRing ring = SecretRing.builder()
			.secret("kid-" + EMOJI, HmacAlgorithm.HS256, TestTokens.SECRET.getBytes(StandardCharsets.UTF_8))
			.build();
		Map<String, Object> nested = Map.of("key-" + EMOJI, List.of("value-" + EMOJI));
		String token = TokenGenerator.builder("provider-" + EMOJI, ring).clock(TestTokens.CLOCK).build()
			.issueToken(TokenRequest.builder("client-" + EMOJI, List.of("read"))
				.userId("user-" + EMOJI)
				.tokenId("jti-" + EMOJI)
				.claim("name-" + EMOJI, "value-" + EMOJI)
				.claim("nested", nested)
				.build());

		assertThat(TokenGeneratorTests.header(token)).containsEntry("kid", "kid-" + EMOJI);
		Credentials credentials = TokenParser.builder(ring).clock(TestTokens.CLOCK).build().parseToken(token);
		assertThat(credentials.clientId()).isEqualTo("client-" + EMOJI);
		assertThat(credentials.userId()).isEqualTo("user-" + EMOJI);
		assertThat(credentials.tokenId()).isEqualTo("jti-" + EMOJI);
		assertThat(credentials.provider()).isEqualTo("provider-" + EMOJI);
		assertThat(credentials.claims()).contains(entry("name-" + EMOJI, "value-" + EMOJI), entry("nested", nested));
	}

	@Test
	void issueTokenWhenRfc9068AudienceHasSurrogatePairThenIssuedAndParsedBack() {
		String audience = "https://api.example/" + EMOJI;
		String token = TestTokens.generator().profile(TokenProfile.RFC_9068).audience(audience).build()
			.issueToken(TokenRequest.builder("client-" + EMOJI, List.of("read")).build());

		Credentials credentials = TestTokens.parser().requireType(TokenType.AT_JWT).audience(audience).build()
			.parseToken(token);
		assertThat(credentials.clientId()).isEqualTo("client-" + EMOJI);
		assertThat(credentials.claims()).containsEntry("aud", audience);
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> TestTokens.parser().requireType(TokenType.AT_JWT).audience("https://api.example/x")
				.build()
				.parseToken(token));
	}

	private static void assertRefused(ThrowingCallable call, String what) {
		assertThatIllegalArgumentException().isThrownBy(call).withMessage(what + SUFFIX);
	}

}
