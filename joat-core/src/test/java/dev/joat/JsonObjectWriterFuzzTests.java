package dev.joat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Differential tests of the hand-written {@link JsonObjectWriter} against Jackson's streaming
 * generator with its defaults, the writer the generator used before: over arbitrary claim values
 * (every kind {@link TokenRequest} admits, any characters, escapes, surrogate pairs and unpaired
 * surrogates, any finite number), the writer's bytes are Jackson's, and so are the bytes in the
 * payload of a token the generator issues with those claims. The oracle is Jackson alone: it calls
 * no joat code. The fuzz test runs over its checked-in corpus in the normal build (see the README
 * to fuzz); the seeded test covers many random claim sets on every build.
 */
class JsonObjectWriterFuzzTests {

	private static final JsonFactory JACKSON = JsonFactory.builder().build();

	private static final int MAX_DEPTH = 5;

	@FuzzTest
	@Timeout(30)
	void writeJsonWhenArbitraryClaimsThenSameBytesAsJackson(FuzzedDataProvider data) {
		assertSameAsJackson(object(new FuzzedSource(data), 1));
	}

	@Test
	void writeJsonWhenSeededRandomClaimsThenSameBytesAsJackson() {
		Random random = new Random(18);
		for (int i = 0; i < 1000; i++) {
			assertSameAsJackson(object(new RandomSource(random), 1));
		}
	}

	@Test
	void writeJsonWhenEveryCharacterThenSameBytesAsJackson() {
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			String text = "a" + (char) c + "b";
			Map<String, Object> object = new LinkedHashMap<>();
			object.put(text, text);
			object.put("end" + (char) c, List.of(String.valueOf((char) c)));
			assertWriterSameAsJackson(object);
		}
	}

	@Test
	void writeJsonWhenExtremeNumbersThenSameBytesAsJackson() {
		Map<String, Object> object = new LinkedHashMap<>();
		object.put("longs", List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 9L, 10L, 999999999999999999L,
				1000000000000000000L, -1000000000000000000L, Integer.MIN_VALUE, Integer.MAX_VALUE));
		object.put("big", List.of(BigInteger.TWO.pow(64), BigInteger.TWO.pow(200).negate(), BigInteger.ZERO));
		object.put("doubles", List.of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, 1e-7, 1e7, 0.1, 100.0, 1e21,
				123456789.125, 2e-3));
		object.put("floats", List.of(0.1f, Float.MAX_VALUE, Float.MIN_VALUE, -3.5f));
		assertSameAsJackson(object);
	}

	/**
	 * The writer's bytes, its base64url form and the payload of a token issued with the same
	 * claims are all what Jackson writes.
	 */
	private static void assertSameAsJackson(Map<String, Object> extraClaims) {
		assertWriterSameAsJackson(extraClaims);
		assertIssuedPayloadSameAsJackson(extraClaims);
	}

	private static void assertWriterSameAsJackson(Map<String, Object> extraClaims) {
		byte[] expected = jackson(extraClaims);
		assertThat(new String(JsonObjectWriter.writeJson(extraClaims), StandardCharsets.UTF_8))
			.isEqualTo(new String(expected, StandardCharsets.UTF_8));
		assertThat(JsonObjectWriter.writeJson(extraClaims)).isEqualTo(expected);
		assertThat(Base64.getUrlDecoder().decode(JsonObjectWriter.writeBase64Url(extraClaims))).isEqualTo(expected);
	}

	private static void assertIssuedPayloadSameAsJackson(Map<String, Object> extraClaims) {
		Map<String, Object> extra = new LinkedHashMap<>(extraClaims);
		extra.keySet().removeAll(TokenRequest.REGISTERED_CLAIMS);
		extra.remove("");
		TokenRequest.Builder request = TokenRequest.builder("client", List.of("read")).userId("user");
		extra.forEach(request::claim);
		String token = GENERATOR.issueToken(request.build());
		Map<String, Object> claims = new LinkedHashMap<>();
		claims.put("aud", "client");
		claims.put("iss", TestTokens.PROVIDER);
		claims.put("exp", ISSUED_AT + 3600);
		claims.put("iat", ISSUED_AT);
		claims.put("scp", List.of("read"));
		claims.put("sub", "user");
		claims.putAll(extra);
		String[] segments = token.split("\\.");
		assertThat(Base64.getUrlDecoder().decode(segments[1])).isEqualTo(jackson(claims));
		assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(
				TestTokens.hmac("HmacSHA256", TestTokens.SECRET.getBytes(StandardCharsets.UTF_8), segments[0] + "." + segments[1])))
			.isEqualTo(segments[2]);
	}

	private static final long ISSUED_AT = 1_700_000_000L;

	private static final TokenGenerator GENERATOR = TokenGenerator
		.builder(TestTokens.PROVIDER, SecretResolver.of(TestTokens.SECRET.getBytes(StandardCharsets.UTF_8)))
		.clock(Clock.fixed(Instant.ofEpochSecond(ISSUED_AT), ZoneOffset.UTC))
		.build();

	/** What Jackson's generator writes for {@code value}, as joat's generator called it before. */
	private static byte[] jackson(Object value) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (JsonGenerator generator = JACKSON.createGenerator(ObjectWriteContext.empty(), out)) {
			writeWithJackson(generator, value);
		}
		return out.toByteArray();
	}

	private static void writeWithJackson(JsonGenerator generator, Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String text) {
			generator.writeString(text);
		}
		else if (value instanceof Boolean bool) {
			generator.writeBoolean(bool);
		}
		else if (value instanceof Integer || value instanceof Long) {
			generator.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof BigInteger big) {
			generator.writeNumber(big);
		}
		else if (value instanceof Number number) {
			generator.writeNumber(number.doubleValue());
		}
		else if (value instanceof List<?> list) {
			generator.writeStartArray();
			for (Object element : list) {
				writeWithJackson(generator, element);
			}
			generator.writeEndArray();
		}
		else {
			generator.writeStartObject();
			for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
				generator.writeName((String) entry.getKey());
				writeWithJackson(generator, entry.getValue());
			}
			generator.writeEndObject();
		}
	}

	private static Map<String, Object> object(Source source, int depth) {
		Map<String, Object> object = new LinkedHashMap<>();
		int members = source.choose(depth == 1 ? 8 : 4);
		for (int i = 0; i < members; i++) {
			object.put(text(source), value(source, depth));
		}
		return object;
	}

	private static Object value(Source source, int depth) {
		int kind = source.choose((depth < MAX_DEPTH) ? 10 : 8);
		switch (kind) {
			case 0:
				return null;
			case 1:
				return source.choose(2) == 0;
			case 2:
				return source.nextInt();
			case 3:
				return source.nextLong();
			case 4:
				return new BigInteger(source.nextLong() + Long.toUnsignedString(source.nextLong()));
			case 5:
				return finite(Double.longBitsToDouble(source.nextLong()), source);
			case 6:
				return (float) finite(Float.intBitsToFloat(source.nextInt()), source);
			case 8: {
				List<Object> list = new ArrayList<>();
				int elements = source.choose(4);
				for (int i = 0; i < elements; i++) {
					list.add(value(source, depth + 1));
				}
				return list;
			}
			case 9:
				return object(source, depth + 1);
			default:
				return text(source);
		}
	}

	/** {@code value}, or a short decimal instead of a NaN or an infinity (never in a claim). */
	private static double finite(double value, Source source) {
		return Double.isFinite(value) ? value : source.nextInt() / 1000.0;
	}

	/** A string of characters of every class the writer treats apart. */
	private static String text(Source source) {
		StringBuilder text = new StringBuilder();
		int length = source.choose(12);
		for (int i = 0; i < length; i++) {
			switch (source.choose(8)) {
				case 0 -> text.append((char) source.choose(0x20));
				case 1 -> text.append("\"\\/\u007f".charAt(source.choose(4)));
				case 2 -> text.append((char) (0x80 + source.choose(0x780)));
				case 3 -> text.append((char) (0x800 + source.choose(0xF800)));
				case 4 -> text.appendCodePoint(0x10000 + source.choose(0x100000));
				case 5 -> text.append((char) (0xD800 + source.choose(0x800)));
				default -> text.append((char) (0x20 + source.choose(0x60)));
			}
		}
		return text.toString();
	}

	/** Where the arbitrary values come from: the fuzzer's data or a seeded random. */
	private interface Source {

		/** A number in {@code [0, bound)}. */
		int choose(int bound);

		int nextInt();

		long nextLong();

	}

	private record FuzzedSource(FuzzedDataProvider data) implements Source {

		@Override
		public int choose(int bound) {
			return this.data.consumeInt(0, bound - 1);
		}

		@Override
		public int nextInt() {
			return this.data.consumeInt();
		}

		@Override
		public long nextLong() {
			return this.data.consumeLong();
		}

	}

	private record RandomSource(Random random) implements Source {

		@Override
		public int choose(int bound) {
			return this.random.nextInt(bound);
		}

		@Override
		public int nextInt() {
			return this.random.nextInt();
		}

		@Override
		public long nextLong() {
			return this.random.nextLong();
		}

	}

}
