package dev.joat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

class TokenGeneratorTests {

	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

	private static final long NOW = TestTokens.NOW.getEpochSecond();

	@ParameterizedTest
	@EnumSource(HmacAlgorithm.class)
	void issueTokenWhenUserAndTokenIdThenExactlyPyJoatClaimsAndRoundTrips(HmacAlgorithm algorithm) {
		SecretResolver secret = SecretResolver.of(TestTokens.LONG_SECRET);
		TokenGenerator generator = TokenGenerator.builder(TestTokens.PROVIDER, secret)
			.algorithm(algorithm)
			.clock(TestTokens.CLOCK)
			.build();
		String token = generator.issueToken(
				TokenRequest.builder("abcd", List.of("profile", "read")).userId("1234").tokenId("t-1").build());

		assertThat(header(token)).containsExactly(entry("alg", algorithm.jwsName()), entry("typ", "JWT"));
		assertThat(payload(token)).containsOnly(entry("aud", "abcd"), entry("iss", TestTokens.PROVIDER),
				entry("exp", NOW + 3600), entry("iat", NOW), entry("scp", List.of("profile", "read")),
				entry("sub", "1234"), entry("jti", "t-1"));
		Credentials credentials = TokenParser.builder(secret).algorithms(algorithm).clock(TestTokens.CLOCK).build()
			.parseToken(token);
		assertThat(credentials).isEqualTo(new Credentials("1234", List.of("profile", "read"), "abcd",
				TestTokens.PROVIDER, "t-1", TestTokens.NOW, TestTokens.NOW.plusSeconds(3600), payload(token)));
	}

	@ParameterizedTest
	@EnumSource(HmacAlgorithm.class)
	void issueTokenWhenNoUserNoTokenIdThenSubIsClientIdAndRandomJti(HmacAlgorithm algorithm) {
		SecretResolver secret = SecretResolver.of(TestTokens.LONG_SECRET);
		TokenGenerator generator = TokenGenerator.builder(TestTokens.PROVIDER, secret)
			.algorithm(algorithm)
			.clock(TestTokens.CLOCK)
			.build();
		String token = generator.issueToken("abcd", List.of("read"));

		assertThat(payload(token)).containsOnly(entry("aud", "abcd"), entry("iss", TestTokens.PROVIDER),
				entry("exp", NOW + 3600), entry("iat", NOW), entry("scp", List.of("read")), entry("sub", "abcd"), entry("jti", payload(token).get("jti")));
		assertThat((String) payload(token).get("jti")).matches("[A-Za-z0-9_-]{22}");
		assertThat(payload(generator.issueToken("abcd", List.of("read"))).get("jti")).isNotEqualTo(payload(token).get("jti"));
		Credentials credentials = TokenParser.builder(secret).algorithms(algorithm).clock(TestTokens.CLOCK).build()
			.parseToken(token);
		assertThat(credentials.asMap()).containsExactly(entry("user_id", "abcd"), entry("authorized_scope", List.of("read")),
				entry("client_id", "abcd"), entry("provider", TestTokens.PROVIDER), entry("jti", credentials.tokenId()));
	}

	@Test
	void issueTokenWhenEmptyScopeThenEmptyScpArray() {
		String token = TestTokens.generator().build().issueToken("abcd", List.of());
		assertThat(payload(token)).containsEntry("scp", List.of());
		assertThat(TestTokens.parser().build().parseToken(token).authorizedScope()).isEmpty();
	}

	@Test
	void issueTokenWhenLifetimeAndIssuedAtOverriddenThenUsed() {
		Instant issuedAt = Instant.parse("2025-12-31T23:30:00Z");
		String token = TestTokens.generator().lifetime(Duration.ofMinutes(5)).build()
			.issueToken(TokenRequest.builder("abcd", List.of("read")).issuedAt(issuedAt).lifetime(Duration.ofHours(2)).build());
		assertThat(payload(token)).contains(entry("iat", issuedAt.getEpochSecond()),
				entry("exp", issuedAt.getEpochSecond() + 7200));
	}

	@Test
	void issueTokenWhenGeneratorLifetimeSetThenExpUsesIt() {
		String token = TestTokens.generator().lifetime(Duration.ofMinutes(5)).build().issueToken("abcd", List.of("read"));
		assertThat(payload(token)).containsEntry("exp", NOW + 300);
	}

	@Test
	void issueTokenWhenExtraClaimsThenWrittenAndParsedBack() {
		String token = TestTokens.generator().build()
			.issueToken(TokenRequest.builder("abcd", List.of("read"))
				.claim("tenant", "acme")
				.claim("level", 3)
				.claim("roles", List.of("a", "b"))
				.claim("meta", Map.of("k", true))
				.build());
		Credentials credentials = TestTokens.parser().build().parseToken(token);
		assertThat(credentials.claims()).contains(entry("tenant", "acme"), entry("level", 3L),
				entry("roles", List.of("a", "b")), entry("meta", Map.of("k", true)));
	}

	@Test
	void issueTokenWhenResolverCalledThenSeesFullClaimsIncludingJtiReadOnly() {
		AtomicReference<Map<String, Object>> seenHeader = new AtomicReference<>();
		AtomicReference<Map<String, Object>> seenClaims = new AtomicReference<>();
		SecretResolver recording = (header, claims) -> {
			seenHeader.set(header);
			seenClaims.set(claims);
			return TestTokens.SECRET.getBytes(StandardCharsets.UTF_8);
		};
		String token = TokenGenerator.builder(TestTokens.PROVIDER, recording).clock(TestTokens.CLOCK).build()
			.issueToken(TokenRequest.builder("abcd", List.of("read")).userId("u").tokenId("jti-7").build());
		assertThat(seenClaims.get()).isEqualTo(payload(token));
		assertThat(seenClaims.get()).containsEntry("jti", "jti-7");
		assertThat(seenHeader.get()).isEqualTo(header(token));
		assertThatUnsupported(() -> seenClaims.get().put("scp", List.of("admin")));
	}

	@Test
	void issueTokenWhenResolverReturnsNullThenIllegalState() {
		TokenGenerator generator = TokenGenerator.builder(TestTokens.PROVIDER, (h, c) -> null).build();
		assertThatIllegalStateException().isThrownBy(() -> generator.issueToken("abcd", List.of("read")))
			.withMessage("The secret resolver returned no secret for client abcd");
	}

	@Test
	void issueTokenWhenSecretShortThenIllegalStateUnlessAllowed() {
		SecretResolver shortSecret = SecretResolver.of(TestTokens.SEED_SECRET);
		assertThatIllegalStateException()
			.isThrownBy(() -> TokenGenerator.builder(TestTokens.PROVIDER, shortSecret).build().issueToken("abcd", List.of()))
			.withMessageContaining("shorter than the 32 bytes")
			.withMessageNotContaining(TestTokens.SEED_SECRET);
		String token = TokenGenerator.builder(TestTokens.PROVIDER, shortSecret).allowShortSecrets().clock(TestTokens.CLOCK)
			.build().issueToken("abcd", List.of("read"));
		assertThat(TokenParser.builder(shortSecret).allowShortSecrets().clock(TestTokens.CLOCK).build().parseToken(token)
			.clientId()).isEqualTo("abcd");
	}

	@Test
	void issueTokenWhenClientIdInvalidThenIllegalArgumentNamingIt() {
		TokenGenerator generator = TestTokens.generator().build();
		assertThatIllegalArgumentException().isThrownBy(() -> generator.issueToken(null, List.of()))
			.withMessage("clientId cannot be null or blank");
		assertThatIllegalArgumentException().isThrownBy(() -> generator.issueToken("  ", List.of()))
			.withMessage("clientId cannot be null or blank");
	}

	@Test
	void issueTokenWhenScopeNullThenIllegalArgumentNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestTokens.generator().build().issueToken("abcd", null))
			.withMessage("scope cannot be null");
	}

	@Test
	void issueTokenWhenScopeValueIsNotAnRfc6749ScopeTokenThenIllegalArgument() {
		TokenGenerator generator = TestTokens.generator().build();
		List<String> nullElement = new ArrayList<>();
		nullElement.add(null);
		for (List<String> scope : List.of(List.of("read write"), List.of("read\n"), List.of("\u0000"), List.of(""),
				List.of("tab\there"), List.of("read\u00a0"), List.of("re\u200bad"), List.of("\"read\""), List.of("caf\u00e9"),
				nullElement)) {
			assertThatIllegalArgumentException().as("scope %s", scope)
				.isThrownBy(() -> generator.issueToken("abcd", scope))
				.withMessage("scope values must be RFC 6749 scope tokens: printable ASCII without space, '\"' or '\\'");
		}
	}

	@Test
	void builderWhenLifetimeNotPositiveThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> TestTokens.generator().lifetime(Duration.ofSeconds(-1)))
			.withMessage("lifetime must be at least one second");
		assertThatIllegalArgumentException().isThrownBy(() -> TestTokens.generator().lifetime(Duration.ZERO))
			.withMessage("lifetime must be at least one second");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenRequest.builder("abcd", List.of()).lifetime(Duration.ofMinutes(-5)).build())
			.withMessage("lifetime must be at least one second");
	}

	@Test
	void builderWhenProviderBlankThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenGenerator.builder(" ", SecretResolver.of(TestTokens.SECRET)))
			.withMessage("provider cannot be null or blank");
	}

	@Test
	void requestWhenExtraClaimOverridesRegisteredThenIllegalArgument() {
		for (String registered : List.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scp", "scope", "client_id")) {
			assertThatIllegalArgumentException()
				.isThrownBy(() -> TokenRequest.builder("abcd", List.of()).claim(registered, "x").build())
				.withMessage("extraClaims cannot override the registered claim \"" + registered + "\"");
		}
	}

	@Test
	void requestWhenExtraClaimNotJsonThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenRequest.builder("abcd", List.of()).claim("when", Instant.EPOCH).build())
			.withMessageStartingWith("extraClaims cannot hold a java.time.Instant");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenRequest.builder("abcd", List.of()).claim("n", Double.NaN).build())
			.withMessage("extraClaims cannot hold NaN or infinite numbers");
	}

	@Test
	void requestWhenExtraClaimsMutatedAfterBuildThenTokenUnchanged() {
		List<String> roles = new ArrayList<>(List.of("a"));
		TokenRequest request = TokenRequest.builder("abcd", List.of()).claim("roles", roles).build();
		roles.add("admin");
		assertThat(request.extraClaims()).containsEntry("roles", List.of("a"));
	}

	static Map<String, Object> header(String token) {
		return decode(token.split("\\.")[0]);
	}

	static Map<String, Object> payload(String token) {
		return decode(token.split("\\.")[1]);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> decode(String segment) {
		return JSON.readValue(Base64.getUrlDecoder().decode(segment), Map.class);
	}

	private static void assertThatUnsupported(Runnable mutation) {
		org.assertj.core.api.Assertions.assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(mutation::run);
	}

}
