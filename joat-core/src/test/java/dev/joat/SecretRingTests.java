package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

import static dev.joat.TestTokens.claims;
import static dev.joat.TestTokens.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Rotating the signing secret with a {@link SecretRing}: old and new tokens verify mid-rotation,
 * old ones stop verifying once their key is removed.
 */
class SecretRingTests {

	private static final byte[] OLD = "old-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);

	private static final byte[] NEW = "new-secret-of-at-least-32-bytes!".getBytes(StandardCharsets.UTF_8);

	@Test
	void issueTokenWhenRingThenSignsWithSigningKeyAndWritesKid() {
		SecretRing ring = SecretRing.builder().secret("k1", HmacAlgorithm.HS256, OLD).secret("k2", HmacAlgorithm.HS256, NEW)
			.signingKeyId("k2").build();
		String token = TokenGenerator.builder(TestTokens.PROVIDER, ring).clock(TestTokens.CLOCK).build()
			.issueToken("abcd", List.of("read"));
		assertThat(TokenGeneratorTests.header(token)).containsExactly(entry("alg", "HS256"), entry("typ", "JWT"),
				entry("kid", "k2"));
		TokenParser onlyNew = TokenParser.builder(SecretResolver.of(NEW)).clock(TestTokens.CLOCK).build();
		assertThat(onlyNew.parseToken(token).clientId()).isEqualTo("abcd");
	}

	@Test
	void parseTokenWhenMidRotationThenOldAndNewTokensAcceptedAndOldRefusedAfterRemoval() {
		SecretRing before = SecretRing.builder().secret("k1", HmacAlgorithm.HS256, OLD).build();
		SecretRing during = SecretRing.builder().secret("k1", HmacAlgorithm.HS256, OLD).secret("k2", HmacAlgorithm.HS256, NEW)
			.signingKeyId("k2").build();
		SecretRing after = SecretRing.builder().secret("k2", HmacAlgorithm.HS256, NEW).build();
		String oldToken = TokenGenerator.builder(TestTokens.PROVIDER, before).clock(TestTokens.CLOCK).build()
			.issueToken("abcd", List.of("read"));
		String newToken = TokenGenerator.builder(TestTokens.PROVIDER, during).clock(TestTokens.CLOCK).build()
			.issueToken("abcd", List.of("read"));

		TokenParser midRotation = TokenParser.builder(during).clock(TestTokens.CLOCK).build();
		assertThat(midRotation.parseToken(oldToken).clientId()).isEqualTo("abcd");
		assertThat(midRotation.parseToken(newToken).clientId()).isEqualTo("abcd");

		TokenParser afterRemoval = TokenParser.builder(after).clock(TestTokens.CLOCK).build();
		assertThat(afterRemoval.parseToken(newToken).clientId()).isEqualTo("abcd");
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> afterRemoval.parseToken(oldToken))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY))
			.withMessage("Unknown key: the token's \"kid\" names no key of this server");
	}

	@Test
	void parseTokenWhenKidSignedWithAnotherKeysSecretThenBadSignature() {
		SecretRing ring = SecretRing.builder().secret("k1", HmacAlgorithm.HS256, OLD).secret("k2", HmacAlgorithm.HS256, NEW)
			.build();
		String claimsK2ButSignedWithK1 = sign("{\"alg\":\"HS256\",\"kid\":\"k2\"}", claims(), "HmacSHA256",
				new String(OLD, StandardCharsets.UTF_8));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> TokenParser.builder(ring).clock(TestTokens.CLOCK).build().parseToken(claimsK2ButSignedWithK1))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE));
	}

	@Test
	void parseTokenWhenNoKidThenRefusedUnlessDefaultKeyNamed() {
		String pyjoatToken = sign(TestTokens.HS256_HEADER, claims(), "HmacSHA256", new String(OLD, StandardCharsets.UTF_8));
		SecretRing noDefault = SecretRing.builder().secret("k1", HmacAlgorithm.HS256, OLD).build();
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> TokenParser.builder(noDefault).clock(TestTokens.CLOCK).build().parseToken(pyjoatToken))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY))
			.withMessage("Unknown key: the token names no \"kid\"");
		SecretRing withDefault = SecretRing.builder().secret("k1", HmacAlgorithm.HS256, OLD).secret("k2", HmacAlgorithm.HS256, NEW)
			.defaultKeyId("k1").build();
		assertThat(TokenParser.builder(withDefault).clock(TestTokens.CLOCK).build().parseToken(pyjoatToken).userId())
			.isEqualTo("1234");
	}

	@Test
	void parseTokenWhenAlgDiffersFromKeysAlgorithmThenUnsupportedAlgorithm() {
		byte[] long64 = TestTokens.LONG_SECRET.getBytes(StandardCharsets.UTF_8);
		SecretRing ring = SecretRing.builder().secret("hs512", HmacAlgorithm.HS512, long64).secret("hs256", HmacAlgorithm.HS256, NEW)
			.build();
		// Both algorithms are allowed by the parser, but key hs512 is bound to HS512 only.
		String hs256WithHs512Key = sign("{\"alg\":\"HS256\",\"kid\":\"hs512\"}", claims(), "HmacSHA256", TestTokens.LONG_SECRET);
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> TokenParser.builder(ring).clock(TestTokens.CLOCK).build().parseToken(hs256WithHs512Key))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM))
			.withMessage("Unsupported algorithm: the token's key is bound to HS512");
		String hs512 = sign("{\"alg\":\"HS512\",\"kid\":\"hs512\"}", claims(), "HmacSHA512", TestTokens.LONG_SECRET);
		assertThat(TokenParser.builder(ring).clock(TestTokens.CLOCK).build().parseToken(hs512).clientId()).isEqualTo("abcd");
	}

	@Test
	void resolveSecretWhenKidIsPathTraversalOrSqlThenTreatedAsOpaqueUnknownKey() {
		SecretRing ring = SecretRing.builder().secret("k1", HmacAlgorithm.HS256, OLD).build();
		for (String kid : List.of("../../../etc/passwd", "k1' OR '1'='1", "k1\u0000", "K1", "/dev/null")) {
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> ring.resolveSecret(Map.of("alg", "HS256", "kid", kid), Map.of()))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY));
		}
	}

	@Test
	void builderWhenInvalidThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRing.builder().build())
			.withMessage("a SecretRing needs at least one secret");
		assertThatIllegalArgumentException().isThrownBy(() -> SecretRing.builder().secret("k", HmacAlgorithm.HS256, new byte[31]))
			.withMessage("secret of key \"k\" is shorter than the 32 bytes RFC 7518 §3.2 requires for HS256");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SecretRing.builder().secret("k", HmacAlgorithm.HS256, OLD).secret("k", HmacAlgorithm.HS256, NEW))
			.withMessage("keyId \"k\" is already in the ring");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SecretRing.builder().secret("k", HmacAlgorithm.HS256, OLD).signingKeyId("x").build())
			.withMessage("signingKeyId \"x\" is not in the ring");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SecretRing.builder().secret("k", HmacAlgorithm.HS256, OLD).defaultKeyId("x").build())
			.withMessage("defaultKeyId \"x\" is not in the ring");
	}

	@Test
	void toStringWhenRingThenNoSecretShown() {
		SecretRing ring = SecretRing.builder().secret("k1", HmacAlgorithm.HS256, OLD).build();
		assertThat(ring.toString()).isEqualTo("SecretRing[keyIds=[k1], signingKeyId=k1]")
			.doesNotContain(new String(OLD, StandardCharsets.UTF_8));
	}

}
