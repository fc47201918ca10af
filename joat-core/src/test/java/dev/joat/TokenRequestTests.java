package dev.joat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenRequestTests {

	@Test
	void builderWhenOnlyRequiredValuesThenOptionalValuesDefaultToNullAndNoClaims() {
		TokenRequest request = TokenRequest.builder("abcd", List.of("read")).build();

		assertThat(request.clientId()).isEqualTo("abcd");
		assertThat(request.scope()).containsExactly("read");
		assertThat(request.userId()).isNull();
		assertThat(request.tokenId()).isNull();
		assertThat(request.issuedAt()).isNull();
		assertThat(request.lifetime()).isNull();
		assertThat(request.extraClaims()).isEmpty();
	}

	@Test
	void builderWhenEveryValueSetThenAccessorsReturnThem() {
		Instant issuedAt = Instant.parse("2026-01-01T00:00:00Z");
		TokenRequest request = TokenRequest.builder("abcd", List.of("profile", "read"))
			.userId("1234")
			.tokenId("t-1")
			.issuedAt(issuedAt)
			.lifetime(Duration.ofMinutes(5))
			.claim("tenant", "acme")
			.claim("level", 3L)
			.build();

		assertThat(request.clientId()).isEqualTo("abcd");
		assertThat(request.scope()).containsExactly("profile", "read");
		assertThat(request.userId()).isEqualTo("1234");
		assertThat(request.tokenId()).isEqualTo("t-1");
		assertThat(request.issuedAt()).isEqualTo(issuedAt);
		assertThat(request.lifetime()).isEqualTo(Duration.ofMinutes(5));
		assertThat(request.extraClaims()).containsExactly(Map.entry("tenant", "acme"), Map.entry("level", 3L));
	}

	@Test
	void builderWhenClientIdNullThenIllegalArgumentNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenRequest.builder(null, List.of()).build())
			.withMessage("clientId cannot be null or blank");
	}

	@Test
	void builderWhenScopeNullThenIllegalArgumentNamingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenRequest.builder("abcd", null).build())
			.withMessage("scope cannot be null");
	}

	@Test
	void builderWhenUserIdOrTokenIdBlankThenIllegalArgumentNamingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenRequest.builder("abcd", List.of()).userId(" ").build())
			.withMessage("userId cannot be blank");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenRequest.builder("abcd", List.of()).tokenId("").build())
			.withMessage("tokenId cannot be blank");
	}

	@Test
	void builderWhenIssuedAtBefore1970ThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenRequest.builder("abcd", List.of()).issuedAt(Instant.ofEpochSecond(-1)).build())
			.withMessage("issuedAt cannot be before 1970");
	}

	@Test
	void builderWhenExtraClaimNameNullThenIllegalArgument() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenRequest.builder("abcd", List.of()).claim(null, "x").build())
			.withMessage("extraClaims cannot have a null or empty name");
	}

	@Test
	void builderWhenExtraClaimIntegerLongerThan64CharactersThenIllegalArgumentNamingTheClaim() {
		BigInteger longest = new BigInteger("-" + "9".repeat(63));
		BigInteger tooLong = new BigInteger("9".repeat(65));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenRequest.builder("abcd", List.of()).claim("big", List.of(longest, tooLong)).build())
			.withMessage("extraClaims \"big\" has a number longer than 64 characters, which a token parser refuses");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> TokenRequest.builder("abcd", List.of()).claim("big", new BigInteger("-" + "9".repeat(64)))
				.build())
			.withMessage("extraClaims \"big\" has a number longer than 64 characters, which a token parser refuses");
	}

	@Test
	void issueTokenWhenExtraClaimIntegerOf64CharactersThenParsedBack() {
		BigInteger longest = new BigInteger("-" + "9".repeat(63));
		String token = TestTokens.generator().build()
			.issueToken(TokenRequest.builder("abcd", List.of()).claim("big", Map.of("n", longest)).build());
		assertThat(TestTokens.parser().build().parseToken(token).claims()).containsEntry("big", Map.of("n", longest));
	}

	@Test
	void buildWhenInputsChangedAfterwardsThenRequestUnchanged() {
		List<String> scope = new ArrayList<>(List.of("read"));
		Map<String, Object> nested = new LinkedHashMap<>(Map.of("a", 1L));
		TokenRequest.Builder builder = TokenRequest.builder("abcd", scope).claim("nested", nested);
		TokenRequest request = builder.build();

		scope.add("write");
		nested.put("b", 2L);
		builder.userId("someone-else").claim("late", true);

		assertThat(request.scope()).containsExactly("read");
		assertThat(request.extraClaims()).containsExactly(Map.entry("nested", Map.of("a", 1L)));
		assertThat(request.userId()).isNull();
	}

	@Test
	@SuppressWarnings("unchecked")
	void accessorsWhenCollectionsMutatedThenUnsupported() {
		TokenRequest request = TokenRequest.builder("abcd", List.of("read"))
			.claim("roles", List.of("a"))
			.claim("nested", Map.of("a", 1L))
			.build();

		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> request.scope().add("x"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> request.extraClaims().put("x", "y"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> ((Map<String, Object>) request.extraClaims().get("nested")).put("b", 2L));
	}

	@Test
	void equalsWhenSameValuesThenEqualWithSameHashCodeAndDescribedByValue() {
		TokenRequest one = TokenRequest.builder("abcd", List.of("read")).userId("1234").lifetime(Duration.ofSeconds(60))
			.build();
		TokenRequest same = TokenRequest.builder("abcd", new ArrayList<>(List.of("read"))).userId("1234")
			.lifetime(Duration.ofMinutes(1))
			.build();
		TokenRequest other = TokenRequest.builder("abcd", List.of("read")).userId("5678").build();

		assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
		assertThat(one).hasToString("TokenRequest[clientId=abcd, scope=[read], userId=1234, tokenId=null, "
				+ "issuedAt=null, lifetime=PT1M, extraClaims={}]");
	}

}
