package dev.joat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * The reference reader for {@link StrictJsonReader}'s differential tests: the same contract,
 * implemented with Jackson's streaming parser in its strictest configuration. Reads a JOSE header
 * or claims set: strict UTF-8 JSON whose top level is an object, into read-only maps and lists.
 *
 * <p>Duplicate member names are refused at every level (RFC 7515 §5.2 lets a parser refuse them,
 * and "last one wins" is how scopes get escalated), nesting is bounded, and nothing may follow the
 * object. Numbers become {@code Long} when they fit, {@code BigInteger} when they are larger
 * integers, and {@code Double} otherwise. Thread-safe.
 */
final class JacksonJsonReader {

	static final int MAX_NESTING_DEPTH = StrictJsonReader.MAX_NESTING_DEPTH;

	private static final JsonFactory FACTORY = JsonFactory.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build())
		.build();

	private JacksonJsonReader() {
	}

	/**
	 * Reads {@code json} as one JSON object.
	 * @param json the UTF-8 bytes
	 * @param part what the bytes are ("header" or "payload"), for the error message
	 * @return a read-only map in document order
	 * @throws InvalidTokenException ({@code MALFORMED}) when the bytes are not such an object
	 */
	static Map<String, Object> readObject(byte[] json, String part) {
		StrictJsonReader.checkEncoding(json, part);
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw malformed(part, "is not a JSON object", null);
			}
			Map<String, Object> object = readObjectBody(parser);
			if (parser.nextToken() != null) {
				throw malformed(part, "has content after the JSON object", null);
			}
			return object;
		}
		catch (JacksonException | InvalidJsonException ex) {
			throw malformed(part, "is not valid JSON", ex);
		}
	}

	private static Map<String, Object> readObjectBody(JsonParser parser) {
		LinkedHashMap<String, Object> object = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			object.put(name, readValue(parser, parser.nextToken()));
		}
		if (parser.currentToken() != JsonToken.END_OBJECT) {
			throw new InvalidJsonException();
		}
		return ReadOnlyJsonObject.copyOf(object);
	}

	private static Object readValue(JsonParser parser, JsonToken token) {
		if (token == null) {
			throw new InvalidJsonException();
		}
		switch (token) {
			case VALUE_STRING:
				return parser.getString();
			case VALUE_NUMBER_INT:
				return (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) ? parser.getBigIntegerValue()
						: (Object) parser.getLongValue();
			case VALUE_NUMBER_FLOAT:
				return parser.getDoubleValue();
			case VALUE_TRUE:
				return Boolean.TRUE;
			case VALUE_FALSE:
				return Boolean.FALSE;
			case VALUE_NULL:
				return null;
			case START_OBJECT:
				return readObjectBody(parser);
			case START_ARRAY:
				List<Object> array = new ArrayList<>();
				JsonToken element;
				while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
					array.add(readValue(parser, element));
				}
				return StrictJsonReader.readOnlyList(array.toArray(), array.size());
			default:
				throw new InvalidJsonException();
		}
	}

	/** Input that Jackson read without complaint but that ended where no JSON value may end. */
	private static final class InvalidJsonException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InvalidJsonException() {
			super("JSON ended inside a value", null, false, false);
		}

	}

	private static InvalidTokenException malformed(String part, String problem, Throwable cause) {
		return new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "Malformed token: the " + part + " "
				+ problem, cause);
	}

}
