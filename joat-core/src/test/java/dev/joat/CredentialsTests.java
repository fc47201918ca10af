package dev.joat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.entry;

class CredentialsTests {

	private static final Instant EXPIRES_AT = TestTokens.NOW.plusSeconds(3600);

	@Test
	void parseTokenWhenMinimalTokenThenOptionalPropertiesNullAndScopeEmpty() {
		String token = TestTokens.sign("{\"alg\":\"HS256\"}", "{\"aud\":\"abcd\",\"exp\":" + EXPIRES_AT.getEpochSecond() + "}");

		Credentials credentials = TestTokens.parser().build().parseToken(token);

		assertThat(credentials.userId()).isNull();
		assertThat(credentials.authorizedScope()).isEmpty();
		assertThat(credentials.clientId()).isEqualTo("abcd");
		assertThat(credentials.provider()).isNull();
		assertThat(credentials.tokenId()).isNull();
		assertThat(credentials.issuedAt()).isNull();
		assertThat(credentials.expiresAt()).isEqualTo(EXPIRES_AT);
		assertThat(credentials.claims()).containsOnly(entry("aud", "abcd"), entry("exp", EXPIRES_AT.getEpochSecond()));
	}

	@Test
	void parseTokenWhenScpOrScopeThenCollectionsCannotBeModified() {
		String scp = TestTokens.sign("{\"alg\":\"HS256\"}",
				"{\"aud\":\"abcd\",\"scp\":[\"read\"],\"exp\":" + EXPIRES_AT.getEpochSecond() + "}");
		String scope = TestTokens.sign("{\"alg\":\"HS256\"}",
				"{\"aud\":\"abcd\",\"scope\":\"read write\",\"exp\":" + EXPIRES_AT.getEpochSecond() + "}");

		for (String token : List.of(scp, scope)) {
			Credentials credentials = TestTokens.parser().build().parseToken(token);
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> credentials.authorizedScope().add("admin"));
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> credentials.claims().put("sub", "admin"));
		}
	}

	@Test
	void constructorWhenRequiredValueNullThenNullPointerNamingIt() {
		Map<String, Object> claims = Map.of();
		assertThatNullPointerException()
			.isThrownBy(() -> new Credentials(null, null, "abcd", null, null, null, EXPIRES_AT, claims))
			.withMessage("authorizedScope cannot be null");
		assertThatNullPointerException()
			.isThrownBy(() -> new Credentials(null, List.of(), null, null, null, null, EXPIRES_AT, claims))
			.withMessage("clientId cannot be null");
		assertThatNullPointerException()
			.isThrownBy(() -> new Credentials(null, List.of(), "abcd", null, null, null, null, claims))
			.withMessage("expiresAt cannot be null");
		assertThatNullPointerException()
			.isThrownBy(() -> new Credentials(null, List.of(), "abcd", null, null, null, EXPIRES_AT, null))
			.withMessage("claims cannot be null");
	}

	@Test
	void equalsWhenSameValuesThenEqualWithSameHashCodeAndDescribedByValue() {
		Credentials one = new Credentials("1234", List.of("read"), "abcd", "https://issuer", "t-1", TestTokens.NOW,
				EXPIRES_AT, Map.of("aud", "abcd"));
		Credentials same = new Credentials("1234", List.of("read"), "abcd", "https://issuer", "t-1", TestTokens.NOW,
				EXPIRES_AT, Map.of("aud", "abcd"));
		Credentials other = new Credentials("5678", List.of("read"), "abcd", "https://issuer", "t-1", TestTokens.NOW,
				EXPIRES_AT, Map.of("aud", "abcd"));

		assertThat(one).isEqualTo(same).hasSameHashCodeAs(same).isNotEqualTo(other);
		assertThat(one).hasToString("Credentials[userId=1234, authorizedScope=[read], clientId=abcd, "
				+ "provider=https://issuer, tokenId=t-1, issuedAt=2026-01-01T00:00:00Z, "
				+ "expiresAt=2026-01-01T01:00:00Z, claims={aud=abcd}]");
	}

	@Test
	void asMapWhenTokenIdPresentThenPyJoatKeysInOrder() {
		Credentials credentials = new Credentials("1234", List.of("read"), "abcd", "https://issuer", "t-1", null,
				EXPIRES_AT, Map.of());

		assertThat(credentials.asMap()).containsExactly(entry("user_id", "1234"), entry("authorized_scope", List.of("read")),
				entry("client_id", "abcd"), entry("provider", "https://issuer"), entry("jti", "t-1"));
	}

}
