package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the hand-written strict JSON reader buys: reading a JWT payload with
 * {@code StrictJsonReader} (what {@code parseToken} runs) against Jackson 3 configured as strictly
 * as it goes (every JSON extension off, duplicate names and trailing content refused, nesting
 * limited to 8 and numbers to 64 characters), in three ways a Jackson-based parser would read it:
 * into a tree ({@code readTree}), into a {@code Map} ({@code readValue}), and with the streaming
 * parser into maps and lists by hand (the least Jackson can do). Every benchmark reads the same
 * bytes and returns the whole document; each checks in {@code @Setup} that it reads the expected
 * claims. The Jackson rows do less checking than the strict reader: none refuses a byte-order mark,
 * overlong UTF-8, UTF-16 or an unpaired surrogate escape in a value (see {@code SECURITY.md}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class JsonReading {

	/** The PyJOAT-shaped payload of the other benchmarks (113 bytes). */
	private static final String TOKEN_PAYLOAD = "{\"aud\":\"abcd\",\"iss\":\"My OAuth2 Provider\",\"exp\":4102444800,"
			+ "\"iat\":1767225600,\"scp\":[\"profile\",\"read\"],\"sub\":\"1234\"}";

	/**
	 * A larger RFC 9068-style payload (about 600 bytes): more claims, a longer scope, an escaped
	 * and a non-ASCII string, a nested object.
	 */
	private static final String LARGE_PAYLOAD = "{\"iss\":\"https://auth.example.com/realms/main\","
			+ "\"sub\":\"user-4f1c9a7e-2b3d-4e5f-8a6b-7c8d9e0f1a2b\",\"aud\":[\"https://api.example.com\","
			+ "\"https://files.example.com\"],\"exp\":4102444800,\"iat\":1767225600,\"nbf\":1767225600,"
			+ "\"jti\":\"9b2c4d6e-8f0a-4b1c-9d2e-3f4a5b6c7d8e\",\"client_id\":\"mobile-app\","
			+ "\"scope\":\"openid profile email read:orders write:orders read:files\",\"auth_time\":1767225500,"
			+ "\"acr\":\"urn:example:loa:2\",\"amr\":[\"pwd\",\"otp\"],\"name\":\"Zo\u00eb \\\"Z\\\" M\u00fcller\","
			+ "\"email\":\"zoe@example.com\",\"email_verified\":true,\"groups\":[\"admins\",\"ops\",\"billing\"],"
			+ "\"tenant\":{\"id\":42,\"region\":\"eu-west-1\",\"plan\":\"enterprise\"},\"score\":0.875,\"sid\":null}";

	/** Jackson 3 at its strictest, with the strict reader's limits. */
	private static final JsonMapper MAPPER = JsonMapper
		.builder(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxNumberLength(64).build())
			.build())
		.disable(JsonReadFeature.values())
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
		// Long for every integer, as the strict reader gives (Jackson's default is Integer when it fits).
		.enable(DeserializationFeature.USE_LONG_FOR_INTS)
		.build();

	@Param({ "token", "large" })
	public String payload;

	private byte[] json;

	@Setup
	public void setup() {
		this.json = ("token".equals(this.payload) ? TOKEN_PAYLOAD : LARGE_PAYLOAD).getBytes(StandardCharsets.UTF_8);
		Map<String, Object> strict = strictReader();
		Object expectedSubject = strict.get("sub");
		check(expectedSubject != null && strict.get("exp").equals(4102444800L), "the strict reader's claims");
		check(jacksonTree().get("sub").stringValue().equals(expectedSubject), "Jackson's tree");
		check(jacksonMap().equals(strict), "Jackson's map");
		check(jacksonStreaming().equals(strict), "the streaming reader's map");
		try {
			MAPPER.readTree("{\"a\":1,\"a\":2}");
			check(false, "Jackson accepting a duplicate name");
		}
		catch (JacksonException ex) {
			// Refused, as configured.
		}
	}

	private static void check(boolean condition, String what) {
		if (!condition) {
			throw new IllegalStateException("Unexpected result: " + what);
		}
	}

	/** joat's hot path: {@code StrictJsonReader} into read-only maps and lists. */
	@Benchmark
	public Map<String, Object> strictReader() {
		return StrictJsonReader.readObject(this.json, this.json.length, "payload");
	}

	/** {@code JsonMapper.readTree}: Jackson's tree. */
	@Benchmark
	public JsonNode jacksonTree() {
		return MAPPER.readTree(this.json);
	}

	/** {@code JsonMapper.readValue(json, Map.class)}: Jackson's maps and lists. */
	@Benchmark
	public Map<?, ?> jacksonMap() {
		return MAPPER.readValue(this.json, Map.class);
	}

	/** Jackson's streaming parser into {@code LinkedHashMap}s and {@code ArrayList}s by hand. */
	@Benchmark
	public Map<String, Object> jacksonStreaming() {
		try (JsonParser parser = MAPPER.createParser(this.json)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new IllegalArgumentException("not an object");
			}
			Map<String, Object> object = readObject(parser);
			if (parser.nextToken() != null) {
				throw new IllegalArgumentException("content after the object");
			}
			return object;
		}
	}

	private static Map<String, Object> readObject(JsonParser parser) {
		Map<String, Object> object = new LinkedHashMap<>();
		String name;
		while ((name = parser.nextName()) != null) {
			object.put(name, readValue(parser, parser.nextToken()));
		}
		return object;
	}

	private static Object readValue(JsonParser parser, JsonToken token) {
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
				return readObject(parser);
			case START_ARRAY:
				List<Object> array = new ArrayList<>();
				JsonToken element;
				while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
					array.add(readValue(parser, element));
				}
				return array;
			default:
				throw new IllegalArgumentException("unexpected " + token);
		}
	}

}
