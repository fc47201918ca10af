package dev.joat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The reference for {@link StrictJsonReader}'s differential tests: Jackson 3 configured strictly,
 * sharing no code with the reader. Jackson reads the bytes into its own tree ({@link JsonNode}),
 * with its own UTF-8 decoding, its own duplicate detection and its own end-of-input check; the
 * comparison, the depth count and the classification of disagreements below are this class's own.
 *
 * <p>{@link #compare(byte[])} runs both readers on the same bytes, the way {@code TokenParser} runs
 * the strict reader on a JWT payload. They must agree: both refuse, or both accept with the same
 * members in the same order and the same values of the same types. The only disagreement allowed
 * is a refusal by the strict reader of something Jackson accepts, and only for one of the
 * deliberate, safer refusals of {@link DeliberateRefusal} (the list {@code SECURITY.md} gives
 * users), with the message that names it. Anything else fails the calling test: the strict reader
 * accepting what Jackson refuses, reading a value differently, or refusing valid JSON for another
 * reason. Thread-safe.
 */
final class JacksonOracle {

	/**
	 * Jackson at its strictest: every JSON extension off (comments, single quotes, unquoted
	 * names, leading zeros or plus signs, NaN, trailing commas, missing values, unescaped control
	 * characters, backslash before any character, the RS character), duplicate names refused by
	 * the parser and by the tree builder, nothing allowed after the value.
	 */
	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(JsonReadFeature.values())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
		.disable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
		.build();

	/** Nesting the strict reader accepts, counted here on Jackson's tree: the object is level 1. */
	static final int MAX_DEPTH = 8;

	/** The longest number the strict reader accepts, in characters of the document. */
	static final int MAX_NUMBER_CHARACTERS = 64;

	private JacksonOracle() {
	}

	/**
	 * How the two readers treated one document.
	 * @param strictAccepted whether the strict reader accepted it
	 * @param jacksonAccepted whether Jackson read it as one JSON value
	 * @param deliberate for a refusal by the strict reader only, the deliberate refusals that
	 * explain it (empty when the two agree)
	 * @param strictMessage the strict reader's refusal message, or {@code null}
	 */
	record Comparison(boolean strictAccepted, boolean jacksonAccepted, Set<DeliberateRefusal> deliberate,
			String strictMessage) {
	}

	/**
	 * The strict reader's refusals of documents Jackson reads: each safer than Jackson, each listed
	 * for users in {@code SECURITY.md}. Each knows, independently of the strict reader, whether a
	 * document is one of its cases, and the refusal message the strict reader must give for it.
	 */
	enum DeliberateRefusal {

		/** A JWT segment is a JSON object: other top-level values are valid JSON, refused by design. */
		NOT_AN_OBJECT("is not a JSON object"),

		/** Nesting deeper than {@value JacksonOracle#MAX_DEPTH} levels (Jackson allows 500). */
		NESTING("nests deeper than 8 levels"),

		/** Numbers longer than {@value JacksonOracle#MAX_NUMBER_CHARACTERS} characters (Jackson allows 1000). */
		LONG_NUMBER("has a number longer than 64 characters"),

		/** An escaped surrogate not half of a pair (RFC 7493 §2.1); Jackson keeps it in string values. */
		UNPAIRED_SURROGATE("has an unpaired surrogate in a string"),

		/** A UTF-8 byte-order mark, which Jackson skips (RFC 8259 §8.1: MUST NOT add one). */
		BYTE_ORDER_MARK("starts with a byte-order mark"),

		/** Not well-formed UTF-8 (overlong forms, encoded surrogates, beyond U+10FFFF), which Jackson decodes leniently. */
		NOT_UTF8("is not valid UTF-8"),

		/**
		 * UTF-16 or UTF-32, which Jackson detects from the first bytes (RFC 8259 §8.1: JSON
		 * exchanged between systems MUST be UTF-8); as UTF-8, such bytes are control characters or
		 * invalid.
		 */
		UTF16_OR_UTF32("contains a control character", "is not valid UTF-8");

		private final Set<String> messages;

		DeliberateRefusal(String... problems) {
			this.messages = new TreeSet<>();
			for (String problem : problems) {
				this.messages.add("Malformed token: the payload " + problem);
			}
		}

		/** The refusal messages the strict reader may give for this case. */
		Set<String> messages() {
			return this.messages;
		}

		/** Whether {@code json}, which Jackson read as {@code tree}, is a case of this refusal. */
		boolean applies(byte[] json, JsonNode tree) {
			return switch (this) {
				case NOT_AN_OBJECT -> !tree.isObject();
				case NESTING -> depth(tree) > MAX_DEPTH;
				case LONG_NUMBER -> longestNumber(json) > MAX_NUMBER_CHARACTERS;
				case UNPAIRED_SURROGATE -> hasUnpairedSurrogate(tree);
				case BYTE_ORDER_MARK -> json.length >= 3 && (json[0] & 0xFF) == 0xEF && (json[1] & 0xFF) == 0xBB
						&& (json[2] & 0xFF) == 0xBF;
				case NOT_UTF8 -> !isWellFormedUtf8(json);
				case UTF16_OR_UTF32 -> looksLikeUtf16OrUtf32(json);
			};
		}

	}

	/**
	 * Jackson's strict reading of {@code json}.
	 * @return the tree, never {@code null}
	 * @throws JacksonException when Jackson refuses the bytes
	 * @throws IllegalArgumentException when there is no JSON value at all
	 */
	static JsonNode read(byte[] json) {
		JsonNode tree = MAPPER.readTree(json);
		if (tree == null || tree.isMissingNode()) {
			throw new IllegalArgumentException("no JSON value");
		}
		return tree;
	}

	/** Whether Jackson reads {@code json} as one JSON value. */
	static boolean accepts(byte[] json) {
		try {
			read(json);
			return true;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * Runs the strict reader and Jackson on {@code json}, and fails (AssertJ) on any disagreement
	 * not explained by a {@link DeliberateRefusal}.
	 * @return how the two readers treated it
	 */
	static Comparison compare(byte[] json) {
		return compare(json, (bytes) -> StrictJsonReader.readObject(bytes, "payload"));
	}

	/**
	 * Runs {@code reader} (the strict reader, or a faulty one to test this oracle) and Jackson on
	 * {@code json}, as {@link #compare(byte[])} does.
	 */
	static Comparison compare(byte[] json, Function<byte[], Map<String, Object>> reader) {
		Map<String, Object> strict = null;
		InvalidTokenException refusal = null;
		try {
			strict = reader.apply(json);
		}
		catch (InvalidTokenException ex) {
			refusal = ex;
		}
		JsonNode tree = null;
		RuntimeException jacksonRefusal = null;
		try {
			tree = read(json);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			jacksonRefusal = ex;
		}
		if (refusal != null) {
			assertThat(refusal.getReason()).isEqualTo(InvalidTokenException.Reason.MALFORMED);
			if (tree == null) {
				return new Comparison(false, false, Set.of(), refusal.getMessage());
			}
			Set<DeliberateRefusal> deliberate = EnumSet.noneOf(DeliberateRefusal.class);
			Set<String> messages = new TreeSet<>();
			for (DeliberateRefusal candidate : DeliberateRefusal.values()) {
				if (candidate.applies(json, tree)) {
					deliberate.add(candidate);
					messages.addAll(candidate.messages());
				}
			}
			if (deliberate.isEmpty()) {
				fail("The strict reader refused what Jackson reads, for no deliberate reason: \"%s\" (%s)",
						refusal.getMessage(), describe(json));
			}
			assertThat(refusal.getMessage())
				.as("the strict reader's refusal of %s, one of the deliberate refusals %s", describe(json), deliberate)
				.isIn(messages);
			return new Comparison(false, true, deliberate, refusal.getMessage());
		}
		if (jacksonRefusal != null) {
			fail("The strict reader accepted what Jackson refuses (%s): %s", jacksonRefusal.getMessage(), describe(json));
		}
		assertThat(tree.isObject()).as("Jackson's reading of an object the strict reader accepted").isTrue();
		assertSameValue(strict, tree, "$");
		return new Comparison(true, true, Set.of(), null);
	}

	/**
	 * Asserts that the strict reader's {@code value} is Jackson's {@code node}: objects with the
	 * same names in the same order, arrays of the same length, and leaves of the type the strict
	 * reader promises for what Jackson read ({@code Long} for an integer Jackson holds as an int or
	 * a long, {@code BigInteger} for a larger one, {@code Double} for any other number, and
	 * {@code String}, {@code Boolean} or {@code null}), with equal values.
	 */
	static void assertSameValue(Object value, JsonNode node, String path) {
		if (node.isObject()) {
			assertThat(value).as(path).isInstanceOf(Map.class);
			Map<?, ?> object = (Map<?, ?>) value;
			assertThat(new ArrayList<Object>(object.keySet())).as(path + " names")
				.isEqualTo(new ArrayList<Object>(node.propertyNames()));
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				assertSameValue(object.get(property.getKey()), property.getValue(), path + "." + property.getKey());
			}
		}
		else if (node.isArray()) {
			assertThat(value).as(path).isInstanceOf(List.class);
			List<?> array = (List<?>) value;
			assertThat(array).as(path).hasSize(node.size());
			for (int i = 0; i < node.size(); i++) {
				assertSameValue(array.get(i), node.get(i), path + "[" + i + "]");
			}
		}
		else if (node.isString()) {
			assertThat(value).as(path).isInstanceOf(String.class).isEqualTo(node.stringValue());
		}
		else if (node.isInt() || node.isLong()) {
			assertThat(value).as(path).isInstanceOf(Long.class).isEqualTo(node.longValue());
		}
		else if (node.isBigInteger()) {
			assertThat(value).as(path).isInstanceOf(BigInteger.class).isEqualTo(node.bigIntegerValue());
		}
		else if (node.isDouble()) {
			// Double.equals compares the bits: 0.0 and -0.0 differ, as they should.
			assertThat(value).as(path).isInstanceOf(Double.class).isEqualTo(node.doubleValue());
		}
		else if (node.isBoolean()) {
			assertThat(value).as(path).isInstanceOf(Boolean.class).isEqualTo(node.booleanValue());
		}
		else if (node.isNull()) {
			assertThat(value).as(path).isNull();
		}
		else {
			fail("%s: Jackson read a %s, which JSON has no such value for", path, node.getNodeType());
		}
	}

	/** Levels of objects and arrays in {@code node}, counted on Jackson's tree: a scalar is 0. */
	static int depth(JsonNode node) {
		int deepest = 0;
		if (node.isContainer()) {
			for (JsonNode child : node.values()) {
				deepest = Math.max(deepest, depth(child));
			}
			return deepest + 1;
		}
		return 0;
	}

	/** The length of the longest number in {@code json}, as Jackson's parser reports its text. */
	static int longestNumber(byte[] json) {
		int longest = 0;
		try (JsonParser parser = MAPPER.createParser(json)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				if (token.isNumeric()) {
					longest = Math.max(longest, parser.getString().length());
				}
			}
		}
		return longest;
	}

	/** Whether a name or a string anywhere in {@code node} holds a surrogate that is not half of a pair. */
	static boolean hasUnpairedSurrogate(JsonNode node) {
		if (node.isString()) {
			return hasUnpairedSurrogate(node.stringValue());
		}
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			if (hasUnpairedSurrogate(property.getKey())) {
				return true;
			}
		}
		for (JsonNode child : node.values()) {
			if (hasUnpairedSurrogate(child)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasUnpairedSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the JDK's strict UTF-8 decoder accepts every byte of {@code json}. */
	static boolean isWellFormedUtf8(byte[] json) {
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(json));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	/**
	 * Whether Jackson could have taken {@code json} for UTF-16 or UTF-32: a UTF-16 byte-order mark,
	 * or a zero byte among the first four (JSON text in UTF-8 never has one there).
	 */
	static boolean looksLikeUtf16OrUtf32(byte[] json) {
		if (json.length >= 2 && (((json[0] & 0xFF) == 0xFE && (json[1] & 0xFF) == 0xFF)
				|| ((json[0] & 0xFF) == 0xFF && (json[1] & 0xFF) == 0xFE))) {
			return true;
		}
		for (int i = 0; i < Math.min(4, json.length); i++) {
			if (json[i] == 0) {
				return true;
			}
		}
		return false;
	}

	/** The bytes for a failure message: as text when printable ASCII, else in hex as well. */
	static String describe(byte[] json) {
		String text = new String(json, StandardCharsets.ISO_8859_1);
		String shown = (text.length() > 300) ? text.substring(0, 300) + "…" : text;
		boolean printable = text.chars().allMatch((c) -> c >= 0x20 && c < 0x7F);
		if (printable) {
			return "'" + shown + "'";
		}
		StringBuilder hex = new StringBuilder();
		for (int i = 0; i < Math.min(json.length, 200); i++) {
			hex.append(String.format("%02x", json[i] & 0xFF));
		}
		return "hex " + hex + ((json.length > 200) ? "…" : "");
	}

}
