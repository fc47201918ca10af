package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link TokenVerificationListener} and {@link TokenIssuanceListener}: told every outcome, with
 * bounded values only — a key id of the ring or one of two constants, never the token's own string.
 */
class TokenListenerTests {

	private static final byte[] K1 = "k1-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);

	private static final byte[] K2 = "k2-secret-of-at-least-32-bytes!!".getBytes(StandardCharsets.UTF_8);

	private final SecretRing ring = SecretRing.builder().secret("k1", HmacAlgorithm.HS256, K1)
		.secret("k2", HmacAlgorithm.HS256, K2).signingKeyId("k2").build();

	private final RecordingListener listener = new RecordingListener();

	private final TokenParser parser = TokenParser.builder(this.ring).issuer(TestTokens.PROVIDER).clock(TestTokens.CLOCK)
		.listener(this.listener).build();

	@Test
	void verifyWhenAcceptedThenListenerToldTheRingsKeyIdInstance() {
		String token = TokenGenerator.builder(TestTokens.PROVIDER, this.ring).clock(TestTokens.CLOCK).build()
			.issueToken("abcd", List.of("read"));
		this.parser.verify(token);
		assertThat(this.listener.events).containsExactly("accepted k2");
		assertThat(this.listener.keyIds.get(0)).isSameAs(this.ring.keyIds().stream().filter("k2"::equals).findFirst().get());
	}

	@Test
	void verifyWhenKidNotInRingThenRefusedWithUnknownKeyId() {
		String token = TestTokens.sign("{\"alg\":\"HS256\",\"kid\":\"attacker-chosen\"}", TestTokens.claims());
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.verify(token));
		assertThat(this.listener.events).containsExactly("refused UNKNOWN_KEY unknown");
	}

	@Test
	void verifyWhenNoKidThenRefusedWithNoKeyId() {
		String token = TestTokens.sign(TestTokens.HS256_HEADER, TestTokens.claims());
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.verify(token));
		assertThat(this.listener.events).containsExactly("refused UNKNOWN_KEY none");
	}

	@Test
	void verifyWhenRefusedAfterHeaderThenListenerToldReasonAndRingKeyId() {
		String token = TestTokens.sign("{\"alg\":\"HS256\",\"kid\":\"k1\"}", TestTokens.claims(), "HmacSHA256",
				new String(K2, StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.verify(token));
		assertThat(this.listener.events).containsExactly("refused BAD_SIGNATURE k1");
	}

	@Test
	void verifyWhenExpiredThenListenerToldExpired() {
		String claims = "{\"iss\":\"" + TestTokens.PROVIDER + "\",\"exp\":1,\"aud\":\"abcd\",\"sub\":\"1\"}";
		String token = TestTokens.sign("{\"alg\":\"HS256\",\"kid\":\"k1\"}", claims, "HmacSHA256",
				new String(K1, StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.verify(token));
		assertThat(this.listener.events).containsExactly("refused EXPIRED k1");
	}

	@Test
	void verifyWhenRefusedBeforeHeaderIsReadThenNoKeyId() {
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.verify("x".repeat(9000)));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> this.parser.verify("a.b"));
		assertThat(this.listener.events).containsExactly("refused TOO_LARGE none", "refused MALFORMED none");
	}

	@Test
	void verifyWhenResolverIsNotARingThenEveryKidIsUnknown() {
		TokenParser parser = TestTokens.parser().listener(this.listener).build();
		parser.verify(TestTokens.sign("{\"alg\":\"HS256\",\"kid\":\"whatever\"}", TestTokens.claims()));
		parser.verify(TestTokens.sign(TestTokens.HS256_HEADER, TestTokens.claims()));
		assertThat(this.listener.events).containsExactly("accepted unknown", "accepted none");
	}

	@Test
	void verifyWhenHeaderCachedThenListenerStillToldEachTime() {
		String token = TokenGenerator.builder(TestTokens.PROVIDER, this.ring).clock(TestTokens.CLOCK).build()
			.issueToken("abcd", List.of("read"));
		this.parser.verify(token);
		this.parser.verify(token);
		assertThat(this.listener.events).containsExactly("accepted k2", "accepted k2");
	}

	@Test
	void listenerWhenNullThenThrows() {
		assertThatNullPointerException().isThrownBy(() -> TestTokens.parser().listener(null))
			.withMessage("listener cannot be null");
		assertThatNullPointerException()
			.isThrownBy(() -> TestTokens.generator().listener((TokenIssuanceListener) null))
			.withMessage("listener cannot be null");
	}

	@Test
	void issueTokenWhenListenerThenToldAlgorithmKeyIdAndProfileOnly() {
		List<String> issued = new ArrayList<>();
		TokenIssuanceListener issuance = (algorithm, keyId, profile) -> issued.add(algorithm + " " + keyId + " " + profile);
		TokenGenerator.builder(TestTokens.PROVIDER, this.ring).clock(TestTokens.CLOCK).listener(issuance).build()
			.issueToken("abcd", List.of("read"));
		TokenGenerator.builder(TestTokens.PROVIDER, SecretResolver.of(TestTokens.LONG_SECRET)).clock(TestTokens.CLOCK)
			.algorithm(HmacAlgorithm.HS512).profile(TokenProfile.RFC_9068).audience("https://api.example")
			.listener(issuance).build()
			.issueToken("abcd", List.of("read"));
		assertThat(issued).containsExactly("HS256 k2 PYJOAT", "HS512 none RFC_9068");
	}

	@Test
	void issueTokenWhenSecretMissingThenListenerNotTold() {
		List<String> issued = new ArrayList<>();
		TokenGenerator generator = TokenGenerator.builder(TestTokens.PROVIDER, (header, claims) -> null)
			.listener((algorithm, keyId, profile) -> issued.add(algorithm)).build();
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> generator.issueToken("abcd", List.of("read")));
		assertThat(issued).isEmpty();
	}

	private static final class RecordingListener implements TokenVerificationListener {

		private final List<String> events = new ArrayList<>();

		private final List<String> keyIds = new ArrayList<>();

		@Override
		public void tokenAccepted(String keyId) {
			this.events.add("accepted " + keyId);
			this.keyIds.add(keyId);
		}

		@Override
		public void tokenRefused(Reason reason, String keyId) {
			this.events.add("refused " + reason + " " + keyId);
			this.keyIds.add(keyId);
		}

	}

}
