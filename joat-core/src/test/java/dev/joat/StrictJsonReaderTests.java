package dev.joat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * {@link StrictJsonReader} against Jackson ({@link JacksonOracle}) on hand-picked inputs: the same
 * result where both accept, a refusal wherever Jackson refuses, and a refusal of what Jackson
 * accepts only where it is deliberate. The fuzz test {@link StrictJsonReaderFuzzTests} does the
 * same on generated inputs, {@link JsonTestSuiteTests} on the JSONTestSuite corpus.
 */
class StrictJsonReaderTests {

	@ParameterizedTest
	@ValueSource(strings = { "{}", " { } ", "{\"a\":1}", "{\"a\":-0}", "{\"a\":-0.0}", "{\"a\":0.5}", "{\"a\":1e5}",
			"{\"a\":1E+5}", "{\"a\":-1.5e-300}", "{\"a\":1e400}", "{\"a\":123456789012345678}",
			"{\"a\":1234567890123456789}", "{\"a\":9223372036854775807}", "{\"a\":9223372036854775808}",
			"{\"a\":-9223372036854775808}", "{\"a\":-9223372036854775809}", "{\"a\":true,\"b\":false,\"c\":null}",
			"{\"a\":[]}", "{\"a\":[1,[2,[3]],{\"b\":{}}]}", "{\"\":\"\"}", "{\"a\":\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"}",
			"{\"a\":\"\\u0041\\u00e9\\u2603\\ud83d\\ude00\"}", "{\"\\uD83D\\uDE00\":\"\\uDBFF\\uDFFF\"}", "{\"caf\u00e9\":\"\u2603\"}",
			"{\"a\":\"x\\u0000y\"}", "{\"aud\":\"abcd\",\"scp\":[\"read\"],\"exp\":1}", "\t{\r\n\"a\"\t:\n1\r}\n",
			"{\"a\":\"\u007f\"}", "{\"a\":\"\\u0061\",\"b\":\"a\"}" })
	void readObjectWhenValidThenSameAsJackson(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		assertThat(JacksonOracle.compare(bytes).strictAccepted()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}",
			"{\"a\":1}{}", "{\"a\":1}x", "{'a':1}", "{a:1}", "{\"a\":01}", "{\"a\":-}", "{\"a\":1.}", "{\"a\":.5}",
			"{\"a\":1e}", "{\"a\":+1}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":nul}",
			"{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\u12g4\"}", "{\"a\":\"unterminated}", "{\"a\":[1,]}",
			"{\"a\":[1 2]}", "{\"a\":1 /* c */}", "{\"a\":\"tab\there\"}", "{\"a\":\"nl\nhere\"}", "{\"a\":1,\"a\":2}",
			"{\"a\":{\"b\":1,\"b\":1}}", "{\"a\":\"x\",\"\\u0061\":\"y\"}" })
	void readObjectWhenInvalidThenBothRefuse(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		assertThat(JacksonOracle.accepts(bytes)).isFalse();
		assertThat(JacksonOracle.compare(bytes).strictAccepted()).isFalse();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> StrictJsonReader.readObject(bytes, "payload"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.MALFORMED))
			.withMessageStartingWith("Malformed token: the payload ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "[{}]", "\"a\"", "1", "-0.5", "null", "true", " [1,2] " })
	void readObjectWhenTopLevelIsNotAnObjectThenRefusedByDesign(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> StrictJsonReader.readObject(bytes, "payload"))
			.withMessage("Malformed token: the payload is not a JSON object");
		assertThat(JacksonOracle.compare(bytes).deliberate()).containsExactly(JacksonOracle.DeliberateRefusal.NOT_AN_OBJECT);
	}

	@Test
	void readObjectWhenNestedToTheLimitThenAcceptedAndBeyondRefused() {
		int depth = StrictJsonReader.MAX_NESTING_DEPTH;
		String atLimit = "{\"a\":" + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
		assertThat(StrictJsonReader.readObject(atLimit.getBytes(StandardCharsets.UTF_8), "payload")).containsKey("a");
		String beyond = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> StrictJsonReader.readObject(beyond.getBytes(StandardCharsets.UTF_8), "payload"))
			.withMessage("Malformed token: the payload nests deeper than 8 levels");
		String deepObjects = "{\"a\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> StrictJsonReader.readObject(deepObjects.getBytes(StandardCharsets.UTF_8), "payload"))
			.withMessage("Malformed token: the payload nests deeper than 8 levels");
		assertThat(JacksonOracle.compare(atLimit.getBytes(StandardCharsets.UTF_8)).deliberate()).isEmpty();
		assertThat(JacksonOracle.compare(beyond.getBytes(StandardCharsets.UTF_8)).deliberate())
			.containsExactly(JacksonOracle.DeliberateRefusal.NESTING);
		assertThat(JacksonOracle.compare(deepObjects.getBytes(StandardCharsets.UTF_8)).deliberate())
			.containsExactly(JacksonOracle.DeliberateRefusal.NESTING);
	}

	@Test
	void readObjectWhenHugeNestingThenRefusedWithoutStackOverflow() {
		String bomb = "{\"a\":" + "[".repeat(100_000);
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> StrictJsonReader.readObject(bomb.getBytes(StandardCharsets.UTF_8), "payload"));
	}

	@Test
	void readObjectWhenNumberLongerThanLimitThenRefusedThoughJacksonAccepts() {
		String digits = "1".repeat(StrictJsonReader.MAX_NUMBER_LENGTH + 1);
		byte[] json = ("{\"a\":" + digits + "}").getBytes(StandardCharsets.UTF_8);
		assertThat(JacksonOracle.read(json).get("a").bigIntegerValue()).isEqualTo(new BigInteger(digits));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> StrictJsonReader.readObject(json, "payload"))
			.withMessage("Malformed token: the payload has a number longer than 64 characters");
		assertThat(JacksonOracle.compare(json).deliberate()).containsExactly(JacksonOracle.DeliberateRefusal.LONG_NUMBER);
		byte[] atLimit = ("{\"a\":-0." + "1".repeat(StrictJsonReader.MAX_NUMBER_LENGTH - 6) + "e-9}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(JacksonOracle.compare(atLimit).strictAccepted()).isTrue();
		byte[] beyond = ("{\"a\":-0." + "1".repeat(StrictJsonReader.MAX_NUMBER_LENGTH - 5) + "e-9}")
			.getBytes(StandardCharsets.UTF_8);
		assertThat(JacksonOracle.compare(beyond).deliberate()).containsExactly(JacksonOracle.DeliberateRefusal.LONG_NUMBER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"\\uDaaa\":0}", "{\"\\uDC00\":0}", "{\"\\uD800\\uD800\":0}", "{\"\\uDE00\\uD83D\":0}",
			"{\"\\uD800\\u0041\":0}", "{\"\\uD800x\":0}", "{\"a\\uD83D\":0}", "{\"\\uD83D\\n\":0}" })
	void readObjectWhenUnpairedSurrogateInNameThenRefused(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> StrictJsonReader.readObject(bytes, "payload"))
			.withMessage("Malformed token: the payload has an unpaired surrogate in a string");
		JacksonOracle.compare(bytes);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"a\":\"\\uDaaa\"}", "{\"a\":\"\\uDC00\"}", "{\"a\":\"\\uD800\\uD800\"}",
			"{\"a\":\"\\uDE00\\uD83D\"}", "{\"a\":\"\\uD800\\u0041\"}", "{\"a\":\"\\uD800x\"}",
			"{\"a\":\"x\\uD83D\"}", "{\"a\":[\"\\uD83D\\n\"]}", "{\"a\":\"\\uD83D\u00e9\"}" })
	void readObjectWhenUnpairedSurrogateInValueThenRefusedThoughJacksonAccepts(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> StrictJsonReader.readObject(bytes, "payload"))
			.withMessage("Malformed token: the payload has an unpaired surrogate in a string");
		assertThat(JacksonOracle.compare(bytes).deliberate())
			.containsExactly(JacksonOracle.DeliberateRefusal.UNPAIRED_SURROGATE);
	}

	@Test
	void readObjectWhenEscapedSurrogatePairsThenOneCodePointEach() {
		Map<String, Object> object = StrictJsonReader.readObject(
				"{\"\\ud83d\\ude00\":\"a\\uD800\\uDC00\\uDBFF\\uDFFFb\"}".getBytes(StandardCharsets.UTF_8), "payload");
		assertThat(object).containsExactly(entry("\uD83D\uDE00", "a\uD800\uDC00\uDBFF\uDFFFb"));
	}

	@Test
	void readObjectWhenNumbersThenLongBigIntegerOrDouble() {
		Map<String, Object> numbers = StrictJsonReader.readObject(
				"{\"l\":42,\"n\":-7,\"b\":92233720368547758070,\"d\":2.5,\"e\":1e3}".getBytes(StandardCharsets.UTF_8),
				"payload");
		assertThat(numbers).containsExactly(entry("l", 42L), entry("n", -7L),
				entry("b", new BigInteger("92233720368547758070")), entry("d", 2.5), entry("e", 1000.0));
	}

	@Test
	void readObjectWhenCommonClaimNamesThenSharedStrings() {
		Map<String, Object> claims = StrictJsonReader
			.readObject("{\"aud\":\"x\",\"client_id\":\"y\"}".getBytes(StandardCharsets.UTF_8), "payload");
		assertThat(claims.keySet()).allSatisfy((name) -> assertThat(name).isSameAs(name.intern()));
	}

	@Test
	void readObjectWhenResultModifiedThenUnsupported() {
		Map<String, Object> object = StrictJsonReader
			.readObject("{\"a\":[1],\"o\":{\"k\":1}}".getBytes(StandardCharsets.UTF_8), "payload");
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> object.put("b", 1));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> ((List<?>) object.get("a")).clear());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> ((Map<?, ?>) object.get("o")).clear());
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> object.entrySet().iterator().next().setValue(2));
	}

	@Test
	void readObjectWhenInvalidUtf8ThenRefused() {
		byte[] overlong = Arrays.copyOf("{\"a\":\"".getBytes(StandardCharsets.US_ASCII), 10);
		overlong[6] = (byte) 0xC0;
		overlong[7] = (byte) 0xAF;
		overlong[8] = '"';
		overlong[9] = '}';
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> StrictJsonReader.readObject(overlong, "header"))
			.withMessage("Malformed token: the header is not valid UTF-8");
	}

	/**
	 * Encoding faults inside strings, around escapes, outside strings and before the object: each
	 * refused with the encoding named, whatever else is wrong with the JSON.
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			// the JSON in hex                                                     | how the message ends
			"7b2261223a22 c3 22 7d                                                | is not valid UTF-8",
			"7b2261223a22 c3 5c6e 22 7d                                           | is not valid UTF-8",
			"7b2261223a22 5c6e c3a9 e282 22 7d                                    | is not valid UTF-8",
			"7b2261223a22 eda080 22 7d                                            | is not valid UTF-8",
			"7b2261223a22 f4908080 22 7d                                          | is not valid UTF-8",
			"7b22 ff 223a317d                                                     | is not valid UTF-8",
			"7b2261223a 80 7d                                                     | is not valid UTF-8",
			"efbbbf 7b2261223a317d                                                | starts with a byte-order mark",
			"7b2261223a22 01 22 7d                                                | contains a control character",
			"7b2261223a 0b 317d                                                   | contains a control character",
			"7b2261223a22 c3a9 22 2c 2261223a 01 7d                                | contains a control character" })
	void readObjectWhenEncodingIsBadThenRefusedForTheEncoding(String hex, String message) {
		byte[] json = HexFormat.of().parseHex(hex.replace(" ", ""));
		assertThat(JacksonOracle.compare(json).strictAccepted()).isFalse();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> StrictJsonReader.readObject(json, "payload"))
			.withMessage("Malformed token: the payload " + message);
	}

	/** Encodings Jackson reads and the strict reader refuses, each for its deliberate reason. */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			// the JSON in hex                         | the deliberate refusal | how the message ends
			"efbbbf 7b2261223a317d                    | BYTE_ORDER_MARK        | starts with a byte-order mark",
			"7b2261223a22 c0af 227d                   | NOT_UTF8               | is not valid UTF-8",
			"7b2261223a22 f4908080 227d               | NOT_UTF8               | is not valid UTF-8",
			"007b 0022 0061 0022 003a 0031 007d       | UTF16_OR_UTF32         | contains a control character",
			"7b00 2200 6100 2200 3a00 3100 7d00       | UTF16_OR_UTF32         | contains a control character",
			"0000007b 0000007d                        | UTF16_OR_UTF32         | contains a control character" })
	void readObjectWhenEncodingJacksonReadsLenientlyThenDeliberateRefusal(String hex,
			JacksonOracle.DeliberateRefusal refusal, String message) {
		byte[] json = HexFormat.of().parseHex(hex.replace(" ", ""));
		assertThat(JacksonOracle.accepts(json)).isTrue();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> StrictJsonReader.readObject(json, "payload"))
			.withMessage("Malformed token: the payload " + message);
		assertThat(JacksonOracle.compare(json).deliberate()).contains(refusal);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"cty\":1,\"crit\":2,\"cty\":3}", "{\"acr\":1,\"amr\":2,\"amr\":3}",
			"{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"a\":10}",
			"{\"sc\\u0070\":[],\"scp\":[\"admin\"]}", "{\"\":1,\"\":2}" })
	void readObjectWhenDuplicateNamesThenRefused(String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> StrictJsonReader.readObject(bytes, "payload"))
			.withMessage("Malformed token: the payload has a duplicate member name");
	}

	@Test
	void readObjectWhenDistinctNamesShareAFingerprintThenAccepted() {
		assertThat(StrictJsonReader.fingerprint("cty")).isEqualTo(StrictJsonReader.fingerprint("crit"));
		Map<String, Object> object = StrictJsonReader
			.readObject("{\"cty\":1,\"crit\":[\"x\"]}".getBytes(StandardCharsets.UTF_8), "header");
		assertThat(object).containsOnlyKeys("cty", "crit");
	}

	@Test
	void readWhenReaderReusedAfterARefusalThenEachDocumentReadAlone() {
		StrictJsonReader reader = new StrictJsonReader();
		byte[] first = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
		byte[] second = "{\"b\":2,\"c\":[3]} ".getBytes(StandardCharsets.UTF_8);
		assertThat(reader.read(first, first.length, "payload")).isEqualTo(Map.of("a", 1L));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> reader.read(first, 4, "header"))
			.withMessage("Malformed token: the header is not valid JSON");
		assertThat(reader.read(second, second.length, "payload")).isEqualTo(Map.of("b", 2L, "c", List.of(3L)));
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> reader.read(second, 3, "payload"))
			.withMessage("Malformed token: the payload is not valid JSON");
	}

}
