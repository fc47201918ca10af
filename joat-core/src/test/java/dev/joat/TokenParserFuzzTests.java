package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Coverage-guided fuzzing of {@link TokenParser#parseToken(String)} with Jazzer.
 *
 * <p>In the normal build ({@code ./mvnw verify}) each test runs in regression mode over its
 * checked-in corpus in {@code src/test/resources/dev/joat/TokenParserFuzzTestsInputs/}. To fuzz for
 * real, for ten minutes per test, see the README ("Fuzzing"). The properties checked: the only
 * exception ever thrown is {@link InvalidTokenException}; no input runs away (the
 * {@code @Timeout} is also the per-input timeout while fuzzing); and whatever is accepted has the
 * shape credentials promise.
 */
class TokenParserFuzzTests {

	private static final TokenParser PARSER = TestTokens.parser().build();

	private static final TokenParser LENIENT_PARSER = TokenParser.builder(SecretResolver.of(TestTokens.LONG_SECRET))
		.algorithms(HmacAlgorithm.HS256, HmacAlgorithm.HS384, HmacAlgorithm.HS512)
		.clock(TestTokens.CLOCK)
		.build();

	private static final String[] ALGORITHMS = { "HS256", "HS384", "HS512" };

	@FuzzTest
	@Timeout(30)
	void parseTokenWhenArbitraryStringThenOnlyInvalidTokenException(byte[] input) {
		parse(PARSER, new String(input, StandardCharsets.UTF_8));
	}

	/**
	 * Structurally valid, correctly signed tokens whose header and payload JSON are fuzzed, so the
	 * fuzzer reaches past the signature into JSON reading and claim checks.
	 */
	@FuzzTest
	@Timeout(30)
	void parseTokenWhenSignedTokenWithFuzzedJsonThenOnlyInvalidTokenException(FuzzedDataProvider data) {
		int algorithm = data.consumeInt(0, 2);
		boolean rawHeader = data.consumeBoolean();
		String header = rawHeader ? data.consumeString(200)
				: "{\"alg\":\"" + ALGORITHMS[algorithm] + "\",\"typ\":\"" + data.consumeString(12) + "\"}";
		byte[] payload = data.consumeRemainingAsBytes();
		String token = sign(header.getBytes(StandardCharsets.UTF_8), payload, algorithm);
		parse(LENIENT_PARSER, token);
	}

	private static final TokenParser KEY_PARSER = TokenParser.withKeys(TestKeys.keySet())
		.signatureAlgorithms(SignatureAlgorithm.values())
		.clock(TestTokens.CLOCK)
		.build();

	private static final SignatureAlgorithm[] SIGNATURE_ALGORITHMS = SignatureAlgorithm.values();

	/**
	 * Tokens with valid claims for a parser of public keys, whose signature bytes are fuzzed (ECDSA
	 * {@code r} and {@code s} near 0 and n, wrong lengths, DER-like prefixes): each is refused with an
	 * {@link InvalidTokenException}, never accepted, and nothing else escapes the JDK's verifiers.
	 */
	@FuzzTest
	@Timeout(30)
	void parseTokenWhenFuzzedSignatureForPublicKeysThenRefused(FuzzedDataProvider data) {
		SignatureAlgorithm algorithm = SIGNATURE_ALGORITHMS[data.consumeInt(0, SIGNATURE_ALGORITHMS.length - 1)];
		String keyId = data.consumeBoolean() ? TestKeys.keyId(algorithm) : null;
		byte[] signature = data.consumeRemainingAsBytes();
		String token = TestTokens.b64(TestKeys.header(algorithm, keyId)) + "." + TestTokens.b64(TestTokens.claims()) + "."
				+ TestTokens.b64(signature);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> KEY_PARSER.parseToken(token))
			.satisfies((ex) -> assertThat(ex.getReason()).isIn(InvalidTokenException.Reason.BAD_SIGNATURE,
					InvalidTokenException.Reason.MALFORMED_SIGNATURE));
	}

	private static void parse(TokenParser parser, String token) {
		Credentials credentials;
		try {
			credentials = parser.parseToken(token);
		}
		catch (InvalidTokenException ex) {
			assertThat(ex.getReason()).isNotNull();
			assertThat(ex.getMessage()).isNotBlank().doesNotContain(TestTokens.SECRET);
			return;
		}
		assertThat(credentials.clientId()).isNotEmpty();
		assertThat(credentials.expiresAt()).isAfter(TestTokens.NOW.minusSeconds(61));
		for (String scope : credentials.authorizedScope()) {
			assertThat(scope).isNotEmpty().doesNotContain(" ");
		}
		Map<String, Object> claims = credentials.claims();
		assertThat(claims).containsKey("exp");
		assertThat(List.copyOf(credentials.authorizedScope())).isEqualTo(credentials.authorizedScope());
	}

	private static String sign(byte[] header, byte[] payload, int algorithm) {
		String jca = new String[] { "HmacSHA256", "HmacSHA384", "HmacSHA512" }[algorithm];
		String signingInput = TestTokens.b64(header) + "." + TestTokens.b64(payload);
		return signingInput + "."
				+ TestTokens.b64(TestTokens.hmac(jca, TestTokens.LONG_SECRET.getBytes(StandardCharsets.UTF_8), signingInput));
	}

}
