package dev.joat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coverage-guided fuzzing of {@link JwkSetParser#parse(byte[])} with Jazzer. In the normal build
 * each test runs over its checked-in corpus in
 * {@code src/test/resources/dev/joat/JwkSetParserFuzzTestsInputs/}; see the README to fuzz. The
 * properties checked: the only exception ever thrown is {@link JwkSetException}; no input runs away
 * (the {@code @Timeout}); every key kept has a key id and an accepted algorithm that fits it.
 */
class JwkSetParserFuzzTests {

	private static final JwkSetParser PARSER = JwkSetParser.builder()
		.algorithms(SignatureAlgorithm.RS256, SignatureAlgorithm.PS384, SignatureAlgorithm.ES256, SignatureAlgorithm.ES384,
				SignatureAlgorithm.ES512, SignatureAlgorithm.EdDSA)
		.maxSize(64 * 1024)
		.maxKeys(16)
		.build();

	private static final String[] MEMBERS = { "kty", "crv", "alg", "use", "key_ops", "kid", "n", "e", "x", "y", "d", "k" };

	@FuzzTest
	@Timeout(30)
	void parseWhenAnyBytesThenOnlyJwkSetException(byte[] json) {
		parse(json);
	}

	/**
	 * Structurally valid JWK Sets whose members are fuzzed, so the fuzzer reaches the key decoding
	 * rather than stopping at the JSON.
	 */
	@FuzzTest
	@Timeout(30)
	void parseWhenJwkMembersAreFuzzedThenOnlyJwkSetException(FuzzedDataProvider data) {
		StringBuilder set = new StringBuilder("{\"keys\":[");
		int keys = data.consumeInt(1, 3);
		for (int i = 0; i < keys; i++) {
			set.append((i == 0) ? "{" : ",{");
			int members = data.consumeInt(0, 6);
			for (int m = 0; m < members; m++) {
				String name = data.pickValue(MEMBERS);
				if (set.indexOf("\"" + name + "\"", set.lastIndexOf("{")) >= 0) {
					continue;
				}
				set.append((m == 0) ? "" : ",").append('"').append(name).append("\":");
				set.append(data.consumeBoolean() ? "\"" + escape(data.consumeString(120)) + "\"" : data.consumeString(20));
			}
			set.append('}');
		}
		set.append("]}");
		parse(set.toString().replace("{,", "{").getBytes(StandardCharsets.UTF_8));
	}

	private static void parse(byte[] json) {
		JwkSetParser.Result result;
		try {
			result = PARSER.parse(json);
		}
		catch (JwkSetException ex) {
			assertThat(ex.getMessage()).isNotBlank();
			return;
		}
		assertThat(result.keys().size() + result.skipped().size()).isLessThanOrEqualTo(PARSER.maxKeys());
		for (VerificationKey key : result.keys().keys()) {
			assertThat(key.keyId()).isNotEmpty();
			assertThat(PARSER.algorithms()).contains(key.algorithm());
			assertThat(key.publicKey().getAlgorithm()).isIn("RSA", "EC", "EdDSA", "Ed25519");
		}
	}

	private static String escape(String text) {
		return text.replace("\\", "\\\\").replace("\"", "\\\"");
	}

}
