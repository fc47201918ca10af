package dev.joat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.joat.InvalidTokenException.Reason;
import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.RevocationReplica;
import dev.joat.revocation.RevocationUnavailableException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link TokenParser.Builder#revocationList(RevocationList)}: the last step, on otherwise valid
 * tokens only; a revoked token is refused with {@code REVOKED}, a token without {@code jti} is
 * checked against the cut-offs (and refused with {@code MISSING_CLAIM} only when
 * {@code requireTokenId} says so), and a list that cannot answer is not a refusal.
 */
class TokenParserRevocationTests {

	private static final Instant NOW = TestTokens.NOW;

	private final InMemoryRevocationStore store = InMemoryRevocationStore.builder().clock(TestTokens.CLOCK).build();

	private final List<String> events = new ArrayList<>();

	private final TokenParser parser = TokenParser.builder(SecretResolver.of(TestTokens.SECRET))
		.clock(TestTokens.CLOCK)
		.revocationList(this.store)
		.listener(new TokenVerificationListener() {

			@Override
			public void tokenAccepted(String keyId) {
				TokenParserRevocationTests.this.events.add("accepted");
			}

			@Override
			public void tokenRefused(Reason reason, String keyId) {
				TokenParserRevocationTests.this.events.add("refused " + reason);
			}

		})
		.build();

	@Test
	void parseTokenWhenNothingRevokedThenAccepted() {
		assertThat(this.parser.parseToken(token("t-1", "abcd", "u-1", NOW)).tokenId()).isEqualTo("t-1");
		assertThat(this.events).containsExactly("accepted");
	}

	@Test
	void parseTokenWhenJtiRevokedThenRefusedAsRevoked() {
		this.store.revokeToken("t-1", NOW.plusSeconds(3600));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.parser.parseToken(token("t-1", "abcd", "u-1", NOW)))
			.withMessage("Token revoked")
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.REVOKED));
		assertThat(this.parser.parseToken(token("t-2", "abcd", "u-1", NOW)).tokenId()).isEqualTo("t-2");
		assertThat(this.events).containsExactly("refused REVOKED", "accepted");
	}

	@Test
	void parseTokenWhenClientRevokedBeforeIssueThenRefusedAndTokenIssuedAfterCutoffAccepted() {
		this.store.revokeClientTokens("abcd", NOW, NOW.plusSeconds(3600));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.parser.parseToken(token("t-1", "abcd", "u-1", NOW.minusSeconds(1))))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.REVOKED));
		assertThat(this.parser.parseToken(token("t-2", "abcd", "u-1", NOW)).clientId()).isEqualTo("abcd");
		assertThat(this.parser.parseToken(token("t-3", "other", "u-1", NOW.minusSeconds(1))).clientId())
			.isEqualTo("other");
	}

	@Test
	void parseTokenWhenRfc9068ClientRevokedThenClientIdClaimMatched() {
		TokenGenerator generator = TokenGenerator.builder(TestTokens.PROVIDER, SecretResolver.of(TestTokens.SECRET))
			.profile(TokenProfile.RFC_9068)
			.audience("api")
			.clock(Clock.fixed(NOW.minusSeconds(5), ZoneOffset.UTC))
			.build();
		this.store.revokeClientTokens("abcd", NOW, NOW.plusSeconds(3600));
		String token = generator.issueToken(TokenRequest.builder("abcd", List.of("read")).build());
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.REVOKED));
	}

	@Test
	void parseTokenWhenSubjectRevokedBeforeIssueThenRefusedAndTokenIssuedAfterCutoffAccepted() {
		this.store.revokeSubjectTokens("u-1", NOW, NOW.plusSeconds(3600));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.parser.parseToken(token("t-1", "abcd", "u-1", NOW.minusSeconds(30))))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.REVOKED));
		assertThat(this.parser.parseToken(token("t-2", "abcd", "u-1", NOW)).userId()).isEqualTo("u-1");
		assertThat(this.parser.parseToken(token("t-3", "abcd", "u-2", NOW.minusSeconds(30))).userId()).isEqualTo("u-2");
	}

	@Test
	void parseTokenWhenNoIssueTimeAndSubjectRevokedThenRefused() {
		this.store.revokeSubjectTokens("1234", NOW, NOW.plusSeconds(3600));
		long exp = NOW.getEpochSecond() + 600;
		String token = TestTokens.sign(TestTokens.HS256_HEADER,
				"{\"aud\":\"abcd\",\"exp\":" + exp + ",\"sub\":\"1234\",\"jti\":\"t-1\"}");
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.REVOKED));
	}

	@Test
	void parseTokenWhenNoJtiAndRevocationCheckedThenAccepted() {
		String token = TestTokens.sign(TestTokens.HS256_HEADER, TestTokens.claims());
		assertThat(this.parser.parseToken(token).tokenId()).isNull();
		assertThat(this.events).containsExactly("accepted");
	}

	@Test
	void parseTokenWhenNoJtiNoSubNoIatAndRevocationCheckedThenAccepted() {
		long exp = NOW.getEpochSecond() + 600;
		String token = TestTokens.sign(TestTokens.HS256_HEADER, "{\"aud\":\"abcd\",\"exp\":" + exp + "}");
		assertThat(this.parser.parseToken(token).clientId()).isEqualTo("abcd");
	}

	@Test
	void parseTokenWhenNoJtiAndClientOrSubjectRevokedThenRefusedAsRevoked() {
		String token = TestTokens.sign(TestTokens.HS256_HEADER, payloadWithoutJti("abcd", "1234", NOW.minusSeconds(10)));
		this.store.revokeSubjectTokens("1234", NOW, NOW.plusSeconds(3600));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.REVOKED));
		InMemoryRevocationStore clients = InMemoryRevocationStore.builder().clock(TestTokens.CLOCK).build();
		clients.revokeClientTokens("abcd", NOW, NOW.plusSeconds(3600));
		TokenParser parser = TokenParser.builder(SecretResolver.of(TestTokens.SECRET))
			.clock(TestTokens.CLOCK)
			.revocationList(clients)
			.build();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.REVOKED));
	}

	@Test
	void parseTokenWhenNoJtiAndItsClientSubjectRevokedAfterIatThenRefusedAndNeighboursAccepted() {
		Instant iat = NOW.minusSeconds(10);
		String token = TestTokens.sign(TestTokens.HS256_HEADER, payloadWithoutJti("abcd", "1234", iat));
		this.store.revokeClientSubjectTokens("abcd", "1234", iat.plusSeconds(1), NOW.plusSeconds(3600));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.REVOKED));
		// The same user of another client, another user of the same client, and a later token: accepted.
		this.parser.parseToken(TestTokens.sign(TestTokens.HS256_HEADER, payloadWithoutJti("efgh", "1234", iat)));
		this.parser.parseToken(TestTokens.sign(TestTokens.HS256_HEADER, payloadWithoutJti("abcd", "5678", iat)));
		this.parser.parseToken(
				TestTokens.sign(TestTokens.HS256_HEADER, payloadWithoutJti("abcd", "1234", iat.plusSeconds(1))));
		assertThat(this.events).containsExactly("refused REVOKED", "accepted", "accepted", "accepted");
	}

	@Test
	void parseTokenWhenNoJtiAndTokenIdRequiredThenRefusedAsMissingClaim() {
		TokenParser parser = TokenParser.builder(SecretResolver.of(TestTokens.SECRET))
			.clock(TestTokens.CLOCK)
			.revocationList(this.store)
			.requireTokenId(true)
			.build();
		String token = TestTokens.sign(TestTokens.HS256_HEADER, TestTokens.claims());
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(token))
			.withMessage("Missing claim: \"jti\" is required when revocation is checked")
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MISSING_CLAIM));
	}

	@Test
	void parseTokenWhenTokenIdRequiredWithoutRevocationListThenJtiStaysOptional() {
		TokenParser parser = TokenParser.builder(SecretResolver.of(TestTokens.SECRET))
			.clock(TestTokens.CLOCK)
			.requireTokenId(true)
			.build();
		String token = TestTokens.sign(TestTokens.HS256_HEADER, TestTokens.claims());
		assertThat(parser.parseToken(token).tokenId()).isNull();
	}

	@Test
	void parseTokenWhenJtiEmptyAndRevocationCheckedThenRefusedAsInvalidClaim() {
		String token = TestTokens.sign(TestTokens.HS256_HEADER, payload("", "1234"));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.parseToken(token))
			.withMessage("Invalid claim: \"jti\" must be 1 to 1024 characters when revocation is checked")
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.INVALID_CLAIM));
		assertThat(this.events).containsExactly("refused INVALID_CLAIM");
	}

	@Test
	void parseTokenWhenJtiLongerThanAStoreRecordsThenRefusedAsInvalidClaimAndAtTheLimitAccepted() {
		String tooLong = TestTokens.sign(TestTokens.HS256_HEADER, payload("j".repeat(1025), "1234"));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.parseToken(tooLong))
			.withMessage("Invalid claim: \"jti\" must be 1 to 1024 characters when revocation is checked");
		String atTheLimit = TestTokens.sign(TestTokens.HS256_HEADER, payload("j".repeat(1024), "1234"));
		assertThat(this.parser.parseToken(atTheLimit).tokenId()).hasSize(1024);
	}

	@Test
	void parseTokenWhenSubjectLongerThanAStoreRecordsThenRefusedAsInvalidClaim() {
		String token = TestTokens.sign(TestTokens.HS256_HEADER, payload("t-1", "s".repeat(1025)));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.parseToken(token))
			.withMessage("Invalid claim: \"sub\" must be 1 to 1024 characters when revocation is checked");
	}

	private static String payloadWithoutJti(String clientId, String subject, Instant issuedAt) {
		long exp = NOW.getEpochSecond() + 600;
		return "{\"aud\":\"" + clientId + "\",\"exp\":" + exp + ",\"iat\":" + issuedAt.getEpochSecond()
				+ ",\"scp\":[\"read\"],\"sub\":\"" + subject + "\"}";
	}

	private static String payload(String jti, String subject) {
		long exp = NOW.getEpochSecond() + 600;
		return "{\"aud\":\"abcd\",\"exp\":" + exp + ",\"sub\":\"" + subject + "\",\"jti\":\"" + jti + "\"}";
	}

	@Test
	void parseTokenWhenNoJtiAndNoRevocationListThenAccepted() {
		TokenParser plain = TokenParser.builder(SecretResolver.of(TestTokens.SECRET)).clock(TestTokens.CLOCK).build();
		assertThat(plain.parseToken(TestTokens.sign(TestTokens.HS256_HEADER, TestTokens.claims())).tokenId()).isNull();
	}

	@Test
	void parseTokenWhenTokenInvalidThenRevocationListNotConsulted() {
		List<String> lookups = new ArrayList<>();
		TokenParser recording = TokenParser.builder(SecretResolver.of(TestTokens.SECRET))
			.clock(TestTokens.CLOCK)
			.revocationList((tokenId, clientId, subject, issuedAt) -> {
				lookups.add(tokenId);
				return false;
			})
			.build();
		String expired = TestTokens.sign(TestTokens.HS256_HEADER, "{\"aud\":\"abcd\",\"exp\":"
				+ (NOW.getEpochSecond() - 3600) + ",\"jti\":\"t-1\"}");
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> recording.parseToken(expired))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.EXPIRED));
		String forged = token("t-2", "abcd", "u", NOW);
		String badSignature = forged.substring(0, forged.lastIndexOf('.') + 1) + "A".repeat(43);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> recording.parseToken(badSignature))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE));
		assertThat(lookups).isEmpty();
		recording.parseToken(token("t-3", "abcd", "u", NOW));
		assertThat(lookups).containsExactly("t-3");
	}

	@Test
	void parseTokenWhenListUnavailableThenItsExceptionPropagatesAndListenerNotTold() {
		RevocationReplica replica = RevocationReplica.builder(this.store).clock(TestTokens.CLOCK).build();
		TokenParser stale = TokenParser.builder(SecretResolver.of(TestTokens.SECRET))
			.clock(TestTokens.CLOCK)
			.revocationList(replica)
			.listener(new TokenVerificationListener() {

				@Override
				public void tokenRefused(Reason reason, String keyId) {
					TokenParserRevocationTests.this.events.add("refused " + reason);
				}

			})
			.build();
		String token = token("t-1", "abcd", "u", NOW);
		assertThatExceptionOfType(RevocationUnavailableException.class).isThrownBy(() -> stale.parseToken(token))
			.withMessage("Revocation list unavailable: not loaded yet")
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(5)));
		assertThat(this.events).isEmpty();
		replica.confirmFresh(NOW);
		assertThat(stale.parseToken(token).tokenId()).isEqualTo("t-1");
	}

	@Test
	void revocationListWhenNullThenRefused() {
		assertThatNullPointerException()
			.isThrownBy(() -> TokenParser.builder(SecretResolver.of(TestTokens.SECRET)).revocationList(null))
			.withMessage("revocationList cannot be null");
	}

	private static String token(String tokenId, String clientId, String userId, Instant issuedAt) {
		TokenGenerator generator = TokenGenerator.builder(TestTokens.PROVIDER, SecretResolver.of(TestTokens.SECRET))
			.build();
		return generator.issueToken(TokenRequest.builder(clientId, List.of("read"))
			.userId(userId)
			.tokenId(tokenId)
			.issuedAt(issuedAt)
			.build());
	}

}
