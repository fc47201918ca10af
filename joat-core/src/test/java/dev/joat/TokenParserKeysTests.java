package dev.joat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link TokenParser#withKeys(KeySource)}: the asymmetric algorithms, key selection by {@code kid}
 * and algorithm, the listener's key id, and a source without keys.
 */
class TokenParserKeysTests {

	private static final KeySet KEYS = TestKeys.keySet();

	private static TokenParser.Builder parser(KeySource keys) {
		return TokenParser.withKeys(keys).issuer(TestTokens.PROVIDER).clock(TestTokens.CLOCK);
	}

	private static InvalidTokenException refusal(TokenParser parser, String token) {
		return org.junit.jupiter.api.Assertions.assertThrows(InvalidTokenException.class, () -> parser.parseToken(token));
	}

	@ParameterizedTest
	@EnumSource(SignatureAlgorithm.class)
	void parseTokenWhenSignedByTheKeyOfEachAlgorithmThenAccepted(SignatureAlgorithm algorithm) {
		TokenParser parser = parser(KEYS).signatureAlgorithms(algorithm).build();
		String token = TestKeys.token(algorithm);
		assertThat(parser.parseToken(token).clientId()).isEqualTo("abcd");
		// The second time, the header comes from the cache; the signature is verified again.
		assertThat(parser.parseToken(token).userId()).isEqualTo("1234");
		assertThat(refusal(parser, tamper(token)).getReason()).isIn(Reason.BAD_SIGNATURE, Reason.MALFORMED_SIGNATURE);
	}

	@ParameterizedTest
	@EnumSource(SignatureAlgorithm.class)
	void parseTokenWhenPayloadChangedThenBadSignature(SignatureAlgorithm algorithm) {
		TokenParser parser = parser(KEYS).signatureAlgorithms(algorithm).build();
		String[] parts = TestKeys.token(algorithm).split("\\.");
		String forged = parts[0] + "." + TestTokens.b64(TestTokens.claims("\"scope\":\"admin\"")) + "." + parts[2];
		assertThat(refusal(parser, forged).getReason()).isEqualTo(Reason.BAD_SIGNATURE);
	}

	@Test
	void parseTokenWhenAlgorithmNotAllowedThenUnsupportedAlgorithm() {
		TokenParser parser = parser(KEYS).build();
		assertThat(parser.parseToken(TestKeys.token(SignatureAlgorithm.RS256)).clientId()).isEqualTo("abcd");
		assertThat(refusal(parser, TestKeys.token(SignatureAlgorithm.ES256)).getReason())
			.isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
	}

	@Test
	void withKeysWhenKeySetThenAcceptsTheSetsAlgorithms() {
		TokenParser parser = TokenParser.withKeys(KeySet.of(TestKeys.key(SignatureAlgorithm.ES384)))
			.clock(TestTokens.CLOCK)
			.build();
		assertThat(parser.parseToken(TestKeys.token(SignatureAlgorithm.ES384)).clientId()).isEqualTo("abcd");
		assertThat(refusal(parser, TestKeys.token(SignatureAlgorithm.RS256)).getReason())
			.isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
	}

	@Test
	void parseTokenWhenKidNamesAKeyOfAnotherAlgorithmThenUnsupportedAlgorithm() {
		TokenParser parser = parser(KEYS).signatureAlgorithms(SignatureAlgorithm.values()).build();
		// Signed by the RS256 key, but naming the ES256 key's kid.
		String token = TestKeys.sign(SignatureAlgorithm.RS256, TestKeys.header(SignatureAlgorithm.RS256, "es256"),
				TestTokens.claims());
		InvalidTokenException ex = refusal(parser, token);
		assertThat(ex.getReason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
		assertThat(ex.getMessage()).isEqualTo("Unsupported algorithm: the key named by \"kid\" verifies ES256 only, not RS256");
	}

	@Test
	void parseTokenWhenKidUnknownThenUnknownKey() {
		TokenParser parser = parser(KEYS).build();
		String token = TestKeys.sign(SignatureAlgorithm.RS256, TestKeys.header(SignatureAlgorithm.RS256, "../../etc/passwd"),
				TestTokens.claims());
		InvalidTokenException ex = refusal(parser, token);
		assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY);
		assertThat(ex.getMessage()).doesNotContain("passwd");
	}

	@Test
	void parseTokenWhenKidUnknownAndAKeyWithoutKeyIdThenThatKeyVerifies() {
		KeySet configured = KeySet.of(VerificationKey.of(SignatureAlgorithm.RS256, TestKeys.pair(SignatureAlgorithm.RS256).getPublic()));
		TokenParser parser = parser(configured).build();
		String token = TestKeys.sign(SignatureAlgorithm.RS256, TestKeys.header(SignatureAlgorithm.RS256, "issuer-kid"),
				TestTokens.claims());
		assertThat(parser.parseToken(token).clientId()).isEqualTo("abcd");
	}

	@Test
	void parseTokenWhenNoKidAndTwoKeysOfItsAlgorithmThenEitherVerifies() {
		KeyPair other = TestKeys.ec("secp256r1");
		KeySet keys = KeySet.of(VerificationKey.of(SignatureAlgorithm.ES256, other.getPublic()).withKeyId("old"),
				TestKeys.key(SignatureAlgorithm.ES256));
		TokenParser parser = parser(keys).signatureAlgorithms(SignatureAlgorithm.ES256).build();
		String header = TestKeys.header(SignatureAlgorithm.ES256, null);
		assertThat(parser.parseToken(TestKeys.sign(SignatureAlgorithm.ES256, header, TestTokens.claims())).clientId())
			.isEqualTo("abcd");
		assertThat(parser.parseToken(TestKeys.sign(SignatureAlgorithm.ES256, other.getPrivate(), header, TestTokens.claims()))
			.clientId()).isEqualTo("abcd");
		String stranger = TestKeys.sign(SignatureAlgorithm.ES256, TestKeys.ec("secp256r1").getPrivate(), header, TestTokens.claims());
		assertThat(refusal(parser, stranger).getReason()).isEqualTo(Reason.BAD_SIGNATURE);
	}

	@Test
	void parseTokenWhenNoKidAndMoreKeysOfItsAlgorithmThanTriedThenUnknownKey() {
		List<VerificationKey> keys = new ArrayList<>();
		keys.add(TestKeys.key(SignatureAlgorithm.ES256));
		for (int i = 0; i < TokenParser.MAX_KEYS_WITHOUT_KEY_ID; i++) {
			keys.add(VerificationKey.of(SignatureAlgorithm.ES256, TestKeys.ec("secp256r1").getPublic()).withKeyId("k" + i));
		}
		TokenParser parser = parser(KeySet.of(keys)).signatureAlgorithms(SignatureAlgorithm.ES256).build();
		String token = TestKeys.sign(SignatureAlgorithm.ES256, TestKeys.header(SignatureAlgorithm.ES256, null), TestTokens.claims());
		InvalidTokenException ex = refusal(parser, token);
		assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY);
		assertThat(ex.getMessage()).isEqualTo("Unknown key: the token has no \"kid\" and this server has more than 2 keys for ES256");
		// Naming its kid, the same token verifies.
		assertThat(parser.parseToken(TestKeys.token(SignatureAlgorithm.ES256)).clientId()).isEqualTo("abcd");
	}

	@Test
	void parseTokenWhenNoKeyOfItsAlgorithmThenUnknownKey() {
		TokenParser parser = parser(KeySet.of(TestKeys.key(SignatureAlgorithm.ES256)))
			.signatureAlgorithms(SignatureAlgorithm.ES256, SignatureAlgorithm.EdDSA)
			.build();
		String token = TestKeys.sign(SignatureAlgorithm.EdDSA, TestKeys.header(SignatureAlgorithm.EdDSA, null), TestTokens.claims());
		assertThat(refusal(parser, token).getReason()).isEqualTo(Reason.UNKNOWN_KEY);
		assertThat(refusal(TokenParser.withKeys(KeySet.empty()).build(), TestKeys.token(SignatureAlgorithm.RS256)).getReason())
			.isEqualTo(Reason.UNKNOWN_KEY);
	}

	@Test
	void parseTokenWhenRsaKeysOfTwoSizesWithoutKidThenTheSignaturesOwnSizeVerifies() {
		KeyPair large = TestKeys.generate("RSA", 3072);
		KeySet keys = KeySet.of(VerificationKey.of(SignatureAlgorithm.RS256, TestKeys.pair(SignatureAlgorithm.RS256).getPublic()),
				VerificationKey.of(SignatureAlgorithm.RS256, large.getPublic()));
		TokenParser parser = parser(keys).build();
		String header = TestKeys.header(SignatureAlgorithm.RS256, null);
		assertThat(parser.parseToken(TestKeys.sign(SignatureAlgorithm.RS256, large.getPrivate(), header, TestTokens.claims())).clientId())
			.isEqualTo("abcd");
		assertThat(parser.parseToken(TestKeys.sign(SignatureAlgorithm.RS256, header, TestTokens.claims())).clientId())
			.isEqualTo("abcd");
		String[] parts = TestKeys.sign(SignatureAlgorithm.RS256, header, TestTokens.claims()).split("\\.");
		byte[] signature = java.util.Base64.getUrlDecoder().decode(parts[2]);
		String shortened = parts[0] + "." + parts[1] + "." + TestTokens.b64(Arrays.copyOf(signature, 100));
		assertThat(refusal(parser, shortened).getReason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
	}

	@Test
	void parseTokenWhenKeySourceAskedThenGetsTheTokensKidAsSent() {
		List<String> asked = new ArrayList<>();
		TokenParser parser = parser((keyId) -> {
			asked.add(keyId);
			return KEYS;
		}).build();
		parser.parseToken(TestKeys.token(SignatureAlgorithm.RS256));
		parser.parseToken(TestKeys.sign(SignatureAlgorithm.RS256, TestKeys.header(SignatureAlgorithm.RS256, null), TestTokens.claims()));
		assertThat(asked).containsExactly("rs256", null);
	}

	@Test
	void parseTokenWhenKeysUnavailableThenPropagatesAndListenerNotTold() {
		AtomicInteger told = new AtomicInteger();
		TokenVerificationListener listener = new TokenVerificationListener() {
			@Override
			public void tokenAccepted(String keyId) {
				told.incrementAndGet();
			}

			@Override
			public void tokenRefused(Reason reason, String keyId) {
				told.incrementAndGet();
			}
		};
		KeysUnavailableException outage = new KeysUnavailableException("No keys from the issuer", Duration.ofSeconds(5));
		TokenParser parser = parser((keyId) -> {
			throw outage;
		}).listener(listener).build();
		assertThatExceptionOfType(KeysUnavailableException.class).isThrownBy(() -> parser.parseToken(TestKeys.token(SignatureAlgorithm.RS256)))
			.isSameAs(outage);
		assertThat(told).hasValue(0);
		// A token refused before the keys are asked for is still a refusal.
		assertThat(refusal(parser, TestKeys.token(SignatureAlgorithm.ES256)).getReason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
		assertThat(told).hasValue(1);
	}

	@Test
	void verifyWhenListenerThenToldTheSetsKeyIdInstanceOrAConstant() {
		List<String> keyIds = new ArrayList<>();
		List<Reason> reasons = new ArrayList<>();
		TokenVerificationListener listener = new TokenVerificationListener() {
			@Override
			public void tokenAccepted(String keyId) {
				keyIds.add(keyId);
				reasons.add(null);
			}

			@Override
			public void tokenRefused(Reason reason, String keyId) {
				keyIds.add(keyId);
				reasons.add(reason);
			}
		};
		VerificationKey unnamed = VerificationKey.of(SignatureAlgorithm.ES256, TestKeys.pair(SignatureAlgorithm.ES256).getPublic());
		KeySet set = KeySet.of(TestKeys.key(SignatureAlgorithm.RS256), unnamed);
		TokenParser parser = parser(set)
			.signatureAlgorithms(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)
			.listener(listener)
			.build();
		parser.parseToken(TestKeys.token(SignatureAlgorithm.RS256));
		refusal(parser, tamper(TestKeys.token(SignatureAlgorithm.RS256)));
		refusal(parser, TestKeys.sign(SignatureAlgorithm.RS256, TestKeys.header(SignatureAlgorithm.RS256, "attacker-chosen"), TestTokens.claims()));
		parser.parseToken(TestKeys.sign(SignatureAlgorithm.ES256, TestKeys.header(SignatureAlgorithm.ES256, null), TestTokens.claims()));
		String header = TestKeys.header(SignatureAlgorithm.RS256, "rs256");
		long later = TestTokens.NOW.getEpochSecond() + 7200;
		refusal(parser, TestKeys.sign(SignatureAlgorithm.RS256, header, TestTokens.claims("\"nbf\":" + later)));
		// Refused before a key is chosen: the token's kid is not looked up, so it is "unknown".
		refusal(parser, TestKeys.sign(SignatureAlgorithm.RS256, header, TestTokens.claims("\"exp\":1")));
		assertThat(keyIds.get(0)).isSameAs(set.find("rs256").keyId());
		assertThat(keyIds).containsExactly("rs256", "rs256", TokenVerificationListener.UNKNOWN_KEY_ID,
				TokenVerificationListener.NO_KEY_ID, "rs256", TokenVerificationListener.UNKNOWN_KEY_ID);
		assertThat(reasons).containsExactly(null, Reason.BAD_SIGNATURE, Reason.UNKNOWN_KEY, null, Reason.NOT_YET_VALID,
				Reason.MALFORMED);
	}

	@Test
	void parseTokenWhenExpiredButWellSignedThenExpired() {
		TokenParser parser = parser(KEYS).clock(java.time.Clock.fixed(TestTokens.NOW.plusSeconds(7200), java.time.ZoneOffset.UTC)).build();
		assertThat(refusal(parser, TestKeys.token(SignatureAlgorithm.RS256)).getReason()).isEqualTo(Reason.EXPIRED);
	}

	@Test
	void parseTokenWhenHs256ThenUnsupportedAlgorithmWhateverItsSecret() {
		TokenParser parser = parser(KEYS).signatureAlgorithms(SignatureAlgorithm.values()).build();
		byte[] encoded = TestKeys.pair(SignatureAlgorithm.RS256).getPublic().getEncoded();
		String pem = "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
			.encodeToString(encoded) + "\n-----END PUBLIC KEY-----\n";
		for (byte[] secret : List.of(encoded, pem.getBytes(StandardCharsets.US_ASCII))) {
			for (String kid : Arrays.asList(null, "rs256")) {
				String header = "{\"alg\":\"HS256\"" + ((kid != null) ? ",\"kid\":\"" + kid + "\"" : "") + "}";
				String signingInput = TestTokens.b64(header) + "." + TestTokens.b64(TestTokens.claims());
				String token = signingInput + "." + TestTokens.b64(TestTokens.hmac("HmacSHA256", secret, signingInput));
				assertThat(refusal(parser, token).getReason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
			}
		}
	}

	@ParameterizedTest
	@EnumSource(SignatureAlgorithm.class)
	void parseTokenWhenSecretParserGetsAnAsymmetricTokenThenUnsupportedAlgorithm(SignatureAlgorithm algorithm) {
		TokenParser parser = TestTokens.parser().algorithms(HmacAlgorithm.values()).build();
		assertThat(refusal(parser, TestKeys.token(algorithm)).getReason()).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
	}

	@Test
	void parseTokenWhenCritOrWrongTypeThenRefusedAsForSecrets() {
		TokenParser parser = parser(KEYS).requireType(TokenType.AT_JWT).build();
		assertThat(refusal(parser, TestKeys.token(SignatureAlgorithm.RS256)).getReason()).isEqualTo(Reason.WRONG_TYPE);
		String crit = TestKeys.sign(SignatureAlgorithm.RS256, "{\"alg\":\"RS256\",\"kid\":\"rs256\",\"crit\":[\"exp\"],\"exp\":1}",
				TestTokens.claims());
		assertThat(refusal(parser(KEYS).build(), crit).getReason()).isEqualTo(Reason.UNSUPPORTED_HEADER);
	}

	@Test
	void builderWhenMixingSecretsAndKeysThenRefused() {
		assertThatIllegalStateException().isThrownBy(() -> TokenParser.withKeys(KEYS).algorithms(HmacAlgorithm.HS256))
			.withMessage("algorithms(HmacAlgorithm...) configures a parser of HMAC secrets; this one verifies with public keys: "
					+ "use signatureAlgorithms(SignatureAlgorithm...)");
		assertThatIllegalStateException().isThrownBy(() -> TokenParser.withKeys(KEYS).allowShortSecrets())
			.withMessage("allowShortSecrets() applies to HMAC secrets; this parser verifies with public keys");
		assertThatIllegalStateException().isThrownBy(() -> TestTokens.parser().signatureAlgorithms(SignatureAlgorithm.RS256))
			.withMessage("signatureAlgorithms(SignatureAlgorithm...) configures a parser of public keys; this one verifies "
					+ "HMAC secrets: use algorithms(HmacAlgorithm...)");
	}

	@Test
	void builderWhenArgumentsMissingThenThrows() {
		assertThatNullPointerException().isThrownBy(() -> TokenParser.withKeys((KeySource) null)).withMessage("keys cannot be null");
		assertThatNullPointerException().isThrownBy(() -> TokenParser.withKeys(KEYS).signatureAlgorithms((SignatureAlgorithm[]) null))
			.withMessage("algorithms cannot be null");
		assertThatNullPointerException().isThrownBy(() -> TokenParser.withKeys(KEYS).signatureAlgorithms(SignatureAlgorithm.RS256, null))
			.withMessage("algorithms cannot contain null");
		assertThatIllegalArgumentException().isThrownBy(() -> TokenParser.withKeys(KEYS).signatureAlgorithms())
			.withMessage("algorithms cannot be empty");
	}

	@Test
	void parseTokenWhenManyThreadsAlternateKeysThenEachTokenVerifiedByItsOwnKeyOnly() throws Exception {
		KeyPair other = TestKeys.ec("secp256r1");
		KeySet keys = KeySet.of(TestKeys.key(SignatureAlgorithm.ES256),
				VerificationKey.of(SignatureAlgorithm.ES256, other.getPublic()).withKeyId("other"), TestKeys.key(SignatureAlgorithm.RS256));
		TokenParser parser = parser(keys).signatureAlgorithms(SignatureAlgorithm.ES256, SignatureAlgorithm.RS256).build();
		String mine = TestKeys.token(SignatureAlgorithm.ES256);
		String others = TestKeys.sign(SignatureAlgorithm.ES256, other.getPrivate(), TestKeys.header(SignatureAlgorithm.ES256, "other"),
				TestTokens.claims());
		// Signed by the other key, naming mine: a Signature still initialised with the other key must not verify it.
		String misnamed = TestKeys.sign(SignatureAlgorithm.ES256, other.getPrivate(), TestKeys.header(SignatureAlgorithm.ES256, "es256"),
				TestTokens.claims());
		String rsa = TestKeys.token(SignatureAlgorithm.RS256);
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				results.add(executor.submit(() -> {
					int refused = 0;
					for (int i = 0; i < 100; i++) {
						assertThat(parser.parseToken(mine).clientId()).isEqualTo("abcd");
						assertThat(parser.parseToken(others).clientId()).isEqualTo("abcd");
						assertThat(parser.parseToken(rsa).clientId()).isEqualTo("abcd");
						try {
							parser.parseToken(misnamed);
						}
						catch (InvalidTokenException ex) {
							assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE);
							refused++;
						}
					}
					return refused;
				}));
			}
			for (java.util.concurrent.Future<Integer> result : results) {
				assertThat(result.get()).isEqualTo(100);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	/**
	 * {@code token} with the first character of its signature changed: the encoding stays canonical
	 * (the first character has no padding bits) and the signature's length stays the same.
	 */
	static String tamper(String token) {
		int dot = token.lastIndexOf('.');
		char first = token.charAt(dot + 1);
		return token.substring(0, dot + 1) + ((first == 'A') ? 'B' : 'A') + token.substring(dot + 2);
	}

}
