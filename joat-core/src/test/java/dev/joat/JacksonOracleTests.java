package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The oracle of the differential tests fails on every kind of disagreement: given faulty readers
 * in place of {@link StrictJsonReader}, it reports each one, and it knows the deliberate refusals
 * exactly (a deliberate case refused with another message fails too).
 */
class JacksonOracleTests {

	@Test
	void compareWhenReaderRefusesValidJsonForNoDeliberateReasonThenFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JacksonOracle.compare(json("{\"a\":1E+5}"), refusing("is not valid JSON")))
			.withMessage("The strict reader refused what Jackson reads, for no deliberate reason: "
					+ "\"Malformed token: the payload is not valid JSON\" ('{\"a\":1E+5}')");
	}

	@Test
	void compareWhenReaderAcceptsWhatJacksonRefusesThenFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JacksonOracle.compare(json("{\"\\uDaaa\":0}"), (bytes) -> Map.of("\uDAAA", 0L)))
			.withMessageStartingWith("The strict reader accepted what Jackson refuses (")
			.withMessageEndingWith("): '{\"\\uDaaa\":0}'");
	}

	@Test
	void compareWhenReaderReadsAnotherValueOrTypeOrOrderThenFails() {
		byte[] json = json("{\"a\":1,\"b\":[2.5,\"x\"]}");
		assertThat(JacksonOracle.compare(json, ordered("a", 1L, "b", List.of(2.5, "x"))).strictAccepted()).isTrue();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JacksonOracle.compare(json, ordered("a", 1, "b", List.of(2.5, "x"))));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JacksonOracle.compare(json, ordered("a", 1L, "b", List.of(2.5, "y"))));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JacksonOracle.compare(json, ordered("b", List.of(2.5, "x"), "a", 1L)));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JacksonOracle.compare(json(("{\"a\":-0.0}")), ordered("a", 0.0, "b", null)));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JacksonOracle.compare(json(("{\"a\":-0.0}")), ordered("a", 0.0)));
	}

	@Test
	void compareWhenDeliberateCaseRefusedWithAnotherMessageThenFails() {
		byte[] deep = json("{\"a\":[[[[[[[[1]]]]]]]]}");
		assertThat(JacksonOracle.compare(deep, refusing("nests deeper than 8 levels")).deliberate())
			.containsExactly(JacksonOracle.DeliberateRefusal.NESTING);
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> JacksonOracle.compare(deep, refusing("has a number longer than 64 characters")));
	}

	@Test
	void compareWhenBothRefuseThenAgreement() {
		JacksonOracle.Comparison comparison = JacksonOracle.compare(json("{\"a\":1,\"a\":2}"));
		assertThat(comparison.strictAccepted()).isFalse();
		assertThat(comparison.jacksonAccepted()).isFalse();
		assertThat(comparison.strictMessage()).isEqualTo("Malformed token: the payload has a duplicate member name");
	}

	private static Function<byte[], Map<String, Object>> refusing(String problem) {
		return (bytes) -> {
			throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "Malformed token: the payload " + problem);
		};
	}

	private static Function<byte[], Map<String, Object>> ordered(Object... namesAndValues) {
		Map<String, Object> object = new LinkedHashMap<>();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			object.put((String) namesAndValues[i], namesAndValues[i + 1]);
		}
		return (bytes) -> object;
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
