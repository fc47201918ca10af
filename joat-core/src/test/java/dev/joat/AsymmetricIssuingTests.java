package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

/** {@link TokenGenerator} with a {@link SigningKey}: the header, the claims and the signature. */
class AsymmetricIssuingTests {

	private static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

	private static final long NOW = TestTokens.NOW.getEpochSecond();

	@ParameterizedTest
	@EnumSource(SignatureAlgorithm.class)
	void issueTokenWhenSigningKeyThenHeaderNamesItsAlgorithmAndKidAndJdkVerifies(SignatureAlgorithm algorithm) {
		SigningKey key = TestSigningKeys.key(algorithm);
		TokenGenerator generator = TokenGenerator.builder(TestTokens.PROVIDER, key).clock(TestTokens.CLOCK).build();

		String token = generator.issueToken(
				TokenRequest.builder("abcd", List.of("profile", "read")).userId("1234").tokenId("t-1").build());

		assertThat(segment(token, 0)).isEqualTo("{\"alg\":\"" + algorithm.jwsName() + "\",\"typ\":\"JWT\",\"kid\":\"test-"
				+ algorithm + "\"}");
		assertThat(JSON.readValue(segment(token, 1), Map.class)).containsExactly(entry("aud", "abcd"),
				entry("iss", TestTokens.PROVIDER), entry("exp", NOW + 3600), entry("iat", NOW),
				entry("scp", List.of("profile", "read")), entry("sub", "1234"), entry("jti", "t-1"));
		assertThat(TestSigningKeys.verifiesWithJdk(token, key.verificationKey())).isTrue();
	}

	@ParameterizedTest
	@EnumSource(value = SignatureAlgorithm.class, names = { "ES256", "ES384", "ES512", "EdDSA" })
	void issueTokenWhenEcdsaOrEdDsaThenSignatureIsTheRawFixedLengthForm(SignatureAlgorithm algorithm) {
		String token = TokenGenerator.builder(TestTokens.PROVIDER, TestSigningKeys.key(algorithm)).build()
			.issueToken("abcd", List.of());

		// RFC 7518 §3.4: r || s, each as long as the curve's order, never the DER sequence.
		assertThat(Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1)))
			.hasSize(algorithm.signatureLength());
	}

	@Test
	void issueTokenWhenRfc9068ProfileThenTypIsAtJwt() {
		SigningKey key = TestSigningKeys.key(SignatureAlgorithm.ES256);
		String token = TokenGenerator.builder(TestTokens.PROVIDER, key)
			.profile(TokenProfile.RFC_9068)
			.audience("https://api.example")
			.build()
			.issueToken("abcd", List.of("read"));

		assertThat(segment(token, 0)).isEqualTo("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"test-ES256\"}");
		assertThat(TestSigningKeys.verifiesWithJdk(token, key.verificationKey())).isTrue();
	}

	@Test
	void issueTokenWhenKeyHasNoKeyIdThenHeaderHasNoKid() {
		SigningKey key = SigningKey.generate(SignatureAlgorithm.EdDSA);
		String token = TokenGenerator.builder(TestTokens.PROVIDER, key).build().issueToken("abcd", List.of());
		assertThat(segment(token, 0)).isEqualTo("{\"alg\":\"EdDSA\",\"typ\":\"JWT\"}");
	}

	@Test
	void issueTokenWhenListenerThenToldTheKeysAlgorithmAndKid() {
		List<String> told = new ArrayList<>();
		TokenGenerator.builder(TestTokens.PROVIDER, TestSigningKeys.key(SignatureAlgorithm.PS256))
			.listener((algorithm, keyId, profile) -> told.add(algorithm + " " + keyId + " " + profile))
			.build()
			.issueToken("abcd", List.of());
		assertThat(told).containsExactly("PS256 test-PS256 PYJOAT");
	}

	@Test
	void builderWhenSigningKeyThenHmacOnlySettingsAreRefused() {
		TokenGenerator.Builder builder = TokenGenerator.builder(TestTokens.PROVIDER,
				TestSigningKeys.key(SignatureAlgorithm.ES256));
		assertThatIllegalStateException().isThrownBy(() -> builder.algorithm(HmacAlgorithm.HS256))
			.withMessage("algorithm(HmacAlgorithm) applies to HMAC signing only: a SigningKey signs with the algorithm"
					+ " it is bound to");
		assertThatIllegalStateException().isThrownBy(() -> builder.keyId("other"))
			.withMessage("keyId(String) applies to HMAC signing only: the kid of a SigningKey is its own: set it with"
					+ " SigningKey.withKeyId");
		assertThatIllegalStateException().isThrownBy(builder::allowShortSecrets)
			.withMessage("allowShortSecrets() applies to HMAC signing only: a SigningKey has no secret");
	}

	@ParameterizedTest
	@EnumSource(value = SignatureAlgorithm.class, names = { "ES256", "EdDSA", "RS256" })
	void issueTokenWhenManyThreadsShareTheKeyThenEveryTokenVerifies(SignatureAlgorithm algorithm) throws Exception {
		SigningKey key = TestSigningKeys.key(algorithm);
		TokenGenerator generator = TokenGenerator.builder(TestTokens.PROVIDER, key).build();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Callable<List<String>>> tasks = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				tasks.add(() -> {
					List<String> tokens = new ArrayList<>();
					for (int i = 0; i < 50; i++) {
						tokens.add(generator.issueToken("client-" + i, List.of("read")));
					}
					return tokens;
				});
			}
			for (Future<List<String>> tokens : threads.invokeAll(tasks)) {
				for (String token : tokens.get()) {
					assertThat(TestSigningKeys.verifiesWithJdk(token, key.verificationKey())).as(token).isTrue();
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static String segment(String token, int index) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
	}

}
