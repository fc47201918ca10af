package dev.joat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a header or claims map as compact UTF-8 JSON with Jackson's streaming generator, and
 * encodes it as base64url, for the generator. Values are those {@link TokenRequest} admits:
 * strings, numbers, booleans, {@code null}, lists and maps.
 */
final class JsonObjectWriter {

	private static final JsonFactory FACTORY = JsonFactory.builder().build();

	/** The names the generator writes in every token, encoded once. */
	private static final Map<String, SerializableString> REGISTERED_NAMES = TokenRequest.REGISTERED_CLAIMS.stream()
		.collect(Collectors.toUnmodifiableMap(Function.identity(), SerializedString::new));

	/** Where each thread writes JSON before it is encoded: written, encoded, reset. */
	private static final ThreadLocal<JsonBytes> PER_THREAD = ThreadLocal.withInitial(JsonBytes::new);

	/** Buffers beyond this size are not kept between tokens. */
	private static final int KEPT_CAPACITY = 16 * 1024;

	private JsonObjectWriter() {
	}

	/** The base64url encoding (unpadded) of the JSON of {@code object}. */
	static byte[] writeBase64Url(Map<String, Object> object) {
		// Nothing written can call back into the generator: TokenRequest copies every value
		// into plain strings, numbers, booleans, lists and maps first.
		JsonBytes json = PER_THREAD.get();
		try {
			try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), json)) {
				writeValue(generator, object);
			}
			return json.encode();
		}
		finally {
			json.reset();
			if (json.capacity() > KEPT_CAPACITY) {
				PER_THREAD.remove();
			}
		}
	}

	private static void writeValue(JsonGenerator generator, Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String) {
			generator.writeString((String) value);
		}
		else if (value instanceof Boolean) {
			generator.writeBoolean((Boolean) value);
		}
		else if (value instanceof Integer || value instanceof Long) {
			generator.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof BigInteger) {
			generator.writeNumber((BigInteger) value);
		}
		else if (value instanceof Number) {
			generator.writeNumber(((Number) value).doubleValue());
		}
		else if (value instanceof List) {
			generator.writeStartArray();
			for (Object element : (List<?>) value) {
				writeValue(generator, element);
			}
			generator.writeEndArray();
		}
		else if (value instanceof ReadOnlyJsonObject) {
			ReadOnlyJsonObject object = (ReadOnlyJsonObject) value;
			generator.writeStartObject();
			// By index: the claims of every token, written without an entry object per claim.
			for (int i = 0; i < object.size(); i++) {
				writeName(generator, object.nameAt(i));
				writeValue(generator, object.valueAt(i));
			}
			generator.writeEndObject();
		}
		else if (value instanceof Map) {
			generator.writeStartObject();
			for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
				writeName(generator, (String) entry.getKey());
				writeValue(generator, entry.getValue());
			}
			generator.writeEndObject();
		}
		else {
			throw new IllegalArgumentException("Cannot write a " + value.getClass().getName() + " as JSON");
		}
	}

	/** Writes {@code name}, pre-encoded when it is a registered claim's. */
	private static void writeName(JsonGenerator generator, String name) {
		SerializableString registered = REGISTERED_NAMES.get(name);
		if (registered != null) {
			generator.writeName(registered);
		}
		else {
			generator.writeName(name);
		}
	}

	/** A reusable output stream whose bytes are encoded without a copy. */
	private static final class JsonBytes extends ByteArrayOutputStream {

		JsonBytes() {
			super(512);
		}

		byte[] encode() {
			return Base64Url.encodeToBytes(this.buf, this.count);
		}

		int capacity() {
			return this.buf.length;
		}

	}

}
