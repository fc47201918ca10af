package dev.joat;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes a header or claims map as compact UTF-8 JSON, for the generator. Values are those
 * {@link TokenRequest} admits: strings, numbers, booleans, {@code null}, lists and maps.
 */
final class JsonObjectWriter {

	private static final JsonFactory FACTORY = JsonFactory.builder().build();

	private JsonObjectWriter() {
	}

	static byte[] write(Map<String, Object> object) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(256);
		try (JsonGenerator generator = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
			writeValue(generator, object);
		}
		return out.toByteArray();
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
		else if (value instanceof Map) {
			generator.writeStartObject();
			for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
				generator.writeName((String) entry.getKey());
				writeValue(generator, entry.getValue());
			}
			generator.writeEndObject();
		}
		else {
			throw new IllegalArgumentException("Cannot write a " + value.getClass().getName() + " as JSON");
		}
	}

}
