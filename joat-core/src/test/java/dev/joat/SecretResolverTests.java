package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

import static dev.joat.TestTokens.HS256_HEADER;
import static dev.joat.TestTokens.claims;
import static dev.joat.TestTokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The contract between the parser and a {@link SecretResolver}: what it sees, and what happens
 * to each kind of unusable answer.
 */
class SecretResolverTests {

	private static final String TOKEN = sign(HS256_HEADER, claims());

	@Test
	void parseTokenWhenResolverReturnsNullOrEmptyThenSecretUnavailableWithoutCause() {
		assertThat(assertRefusedBy((header, claims) -> null, "Secret unavailable: no secret for this token").getCause())
			.isNull();
		assertThat(assertRefusedBy((header, claims) -> new byte[0], "Secret unavailable: no secret for this token")
			.getCause()).isNull();
	}

	@Test
	void parseTokenWhenResolverReturnsShortSecretThenSecretUnavailableWithTheResolverFaultAsCause() {
		InvalidTokenException ex = assertRefusedBy((header, claims) -> new byte[31],
				"Secret unavailable: the secret for HS256 is shorter than the 32 bytes RFC 7518 §3.2 requires;"
						+ " for a legacy PyJOAT deployment, opt in with allowShortSecrets()");
		assertThat(ex.getCause()).isInstanceOf(IllegalStateException.class)
			.hasMessage("The SecretResolver answered a 31-byte secret for HS256");
	}

	@Test
	void parseTokenWhenResolverThrowsThenSecretUnavailableWithCauseKeptAndMessageHidden() {
		IllegalStateException failure = new IllegalStateException("vault password is hunter2");
		InvalidTokenException ex = assertRefusedBy((header, claims) -> {
			throw failure;
		}, "Secret unavailable: the secret lookup failed");
		assertThat(ex.getCause()).isSameAs(failure);
		assertThat(ex.getMessage()).doesNotContain("hunter2");
	}

	@Test
	void parseTokenWhenResolverCalledThenSeesHeaderAndUnverifiedClaimsReadOnly() {
		AtomicReference<Map<String, Object>> seenHeader = new AtomicReference<>();
		AtomicReference<Map<String, Object>> seenClaims = new AtomicReference<>();
		SecretResolver recording = (header, claims) -> {
			seenHeader.set(header);
			seenClaims.set(claims);
			return TestTokens.SECRET.getBytes(StandardCharsets.UTF_8);
		};
		String token = sign("{\"alg\":\"HS256\",\"kid\":\"../../etc/passwd' OR 1=1 --\"}", claims());
		TokenParser.builder(recording).clock(TestTokens.CLOCK).build().parseToken(token);
		assertThat(seenHeader.get()).containsEntry("kid", "../../etc/passwd' OR 1=1 --");
		assertThat(seenClaims.get()).containsEntry("aud", "abcd").containsEntry("sub", "1234");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> seenHeader.get().put("alg", "none"));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> seenClaims.get().put("scp", List.of("admin")));
		@SuppressWarnings("unchecked")
		List<Object> scp = (List<Object>) seenClaims.get().get("scp");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> scp.add("admin"));
	}

	@Test
	void parseTokenWhenSignatureBadThenResolverWasStillCalledOnlyOnce() {
		int[] calls = new int[1];
		SecretResolver counting = (header, claims) -> {
			calls[0]++;
			return "another secret of thirty-two bytes".getBytes(StandardCharsets.UTF_8);
		};
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> TokenParser.builder(counting).clock(TestTokens.CLOCK).build().parseToken(TOKEN))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE));
		assertThat(calls[0]).isOne();
	}

	@Test
	void parseTokenWhenStructureOrAlgorithmInvalidThenResolverNeverCalled() {
		SecretResolver failing = (header, claims) -> {
			throw new AssertionError("resolver must not be called");
		};
		TokenParser parser = TokenParser.builder(failing).clock(TestTokens.CLOCK).build();
		for (String token : List.of("x.y", sign("{\"alg\":\"none\"}", claims()), sign(HS256_HEADER, "[]"),
				TOKEN + "=")) {
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(token));
		}
	}

	@Test
	void ofWhenArrayChangedAfterwardsThenResolverKeepsOriginalSecret() {
		byte[] secret = TestTokens.SECRET.getBytes(StandardCharsets.UTF_8);
		SecretResolver resolver = SecretResolver.of(secret);
		secret[0] ^= 1;
		assertThat(TokenParser.builder(resolver).clock(TestTokens.CLOCK).build().parseToken(TOKEN).clientId())
			.isEqualTo("abcd");
	}

	@Test
	void ofWhenAnswerModifiedThenLaterAnswersUnchanged() {
		SecretResolver resolver = SecretResolver.of(TestTokens.SECRET);
		resolver.resolveSecret(Map.of(), Map.of())[0] ^= 1;
		assertThat(resolver.resolveSecret(Map.of(), Map.of())).isEqualTo(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void ofWhenStringThenUtf8Bytes() {
		assertThat(SecretResolver.of("s\u00e9cret").resolveSecret(Map.of(), Map.of()))
			.isEqualTo("s\u00e9cret".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void ofWhenNullOrEmptyThenRejected() {
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> SecretResolver.of((byte[]) null))
			.withMessage("secret cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> SecretResolver.of("")).withMessage("secret cannot be empty");
	}

	@Test
	void toStringWhenFixedSecretThenSecretNotShown() {
		assertThat(SecretResolver.of(TestTokens.SECRET).toString()).isEqualTo("FixedSecret[32 bytes]");
	}

	private static InvalidTokenException assertRefusedBy(SecretResolver resolver, String message) {
		TokenParser parser = TokenParser.builder(resolver).clock(TestTokens.CLOCK).build();
		InvalidTokenException ex = org.junit.jupiter.api.Assertions.assertThrows(InvalidTokenException.class,
				() -> parser.parseToken(TOKEN));
		assertThat(ex.getReason()).isEqualTo(Reason.SECRET_UNAVAILABLE);
		assertThat(ex.getMessage()).isEqualTo(message);
		return ex;
	}

}
