package dev.joat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes a header or claims map as compact UTF-8 JSON, byte for byte as Jackson's streaming
 * generator with its defaults writes it, for the generator. Values are those
 * {@link TokenRequest} admits: strings, numbers, booleans, {@code null}, lists and maps.
 *
 * <p>Written by hand for the issuing hot path, where setting up a general-purpose generator cost
 * more than writing a token's few hundred bytes. What Jackson does, it does: strings escape
 * {@code "} and {@code \}, the control characters <code>&#92;b &#92;t &#92;n &#92;f &#92;r</code> with their short escapes
 * and the others as <code>&#92;u00XX</code>; every other character is written as UTF-8, a surrogate pair as
 * one four-byte sequence and an unpaired surrogate as a <code>&#92;uXXXX</code> escape (upper-case hex);
 * integers in decimal, other numbers as {@link Double#toString(double)} of their double value.
 * {@code JsonObjectWriterFuzzTests} checks, over arbitrary claim values, that the bytes are
 * Jackson's.
 *
 * <p>An instance is a reusable buffer, taken from a {@link SlotPool} shared by all threads for one
 * document and given back with {@link #release()}. Not thread-safe.
 */
final class JsonObjectWriter extends SlotPool.Member {

	private static final SlotPool<JsonObjectWriter> POOL = new SlotPool<>(JsonObjectWriter::new);

	/** Buffers beyond this size are not kept between documents. */
	private static final int KEPT_CAPACITY = 16 * 1024;

	private static final int INITIAL_CAPACITY = 512;

	private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

	/** The short escape of each control character, or 0 for the <code>&#92;u00XX</code> form. */
	private static final byte[] SHORT_ESCAPES = new byte[0x20];

	static {
		SHORT_ESCAPES['\b'] = 'b';
		SHORT_ESCAPES['\t'] = 't';
		SHORT_ESCAPES['\n'] = 'n';
		SHORT_ESCAPES['\f'] = 'f';
		SHORT_ESCAPES['\r'] = 'r';
	}

	private byte[] buffer = new byte[INITIAL_CAPACITY];

	private int count;

	private JsonObjectWriter() {
	}

	/** A writer from the pool, empty; give it back with {@link #release()}. */
	static JsonObjectWriter acquire() {
		return POOL.acquire();
	}

	/** The JSON of {@code object}, in an array of its own. */
	static byte[] writeJson(Map<String, Object> object) {
		JsonObjectWriter writer = acquire();
		try {
			writer.writeValue(object);
			return Arrays.copyOf(writer.buffer, writer.count);
		}
		finally {
			writer.release();
		}
	}

	/** The base64url encoding (unpadded) of the JSON of {@code object}. */
	static byte[] writeBase64Url(Map<String, Object> object) {
		JsonObjectWriter writer = acquire();
		try {
			writer.writeValue(object);
			byte[] encoded = new byte[Base64Url.encodedLength(writer.count)];
			Base64Url.encodeInto(writer.buffer, writer.count, encoded, 0);
			return encoded;
		}
		finally {
			writer.release();
		}
	}

	/** The JSON written so far: {@link #length()} bytes at the start of this array, valid until the next write. */
	byte[] bytes() {
		return this.buffer;
	}

	/** The number of bytes written. */
	int length() {
		return this.count;
	}

	/** Empties this writer and gives it back to the pool: the caller must not use it afterwards. */
	void release() {
		this.count = 0;
		if (this.buffer.length > KEPT_CAPACITY) {
			this.buffer = new byte[INITIAL_CAPACITY];
		}
		POOL.release(this);
	}

	/** Writes {@code value}: a string, number, boolean, {@code null}, or a list or map of those. */
	void writeValue(Object value) {
		// Nothing written can call back into the writer: TokenRequest copies every value into
		// plain strings, numbers, booleans, lists and maps first.
		if (value == null) {
			writeAscii("null");
		}
		else if (value instanceof String) {
			writeString((String) value);
		}
		else if (value instanceof Boolean) {
			writeAscii(((Boolean) value) ? "true" : "false");
		}
		else if (value instanceof Integer || value instanceof Long) {
			writeLong(((Number) value).longValue());
		}
		else if (value instanceof BigInteger) {
			writeAscii(value.toString());
		}
		else if (value instanceof Number) {
			writeAscii(Double.toString(((Number) value).doubleValue()));
		}
		else if (value instanceof List) {
			writeByte('[');
			boolean first = true;
			for (Object element : (List<?>) value) {
				if (!first) {
					writeByte(',');
				}
				first = false;
				writeValue(element);
			}
			writeByte(']');
		}
		else if (value instanceof ReadOnlyJsonObject) {
			ReadOnlyJsonObject object = (ReadOnlyJsonObject) value;
			writeByte('{');
			// By index: the claims of every token, written without an entry object per claim.
			for (int i = 0; i < object.size(); i++) {
				if (i > 0) {
					writeByte(',');
				}
				writeString(object.nameAt(i));
				writeByte(':');
				writeValue(object.valueAt(i));
			}
			writeByte('}');
		}
		else if (value instanceof Map) {
			writeByte('{');
			boolean first = true;
			for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
				if (!first) {
					writeByte(',');
				}
				first = false;
				writeString((String) entry.getKey());
				writeByte(':');
				writeValue(entry.getValue());
			}
			writeByte('}');
		}
		else {
			throw new IllegalArgumentException("Cannot write a " + value.getClass().getName() + " as JSON");
		}
	}

	/** Writes {@code text} as a JSON string, quoted and escaped. */
	private void writeString(String text) {
		int length = text.length();
		// At most six bytes per character (an escape), and the quotes.
		ensureCapacity(length * 6 + 2);
		byte[] out = this.buffer;
		int position = this.count;
		out[position++] = '"';
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
				out[position++] = (byte) c;
			}
			else if (c < 0x80) {
				position = writeEscapedAscii(out, position, c);
			}
			else if (c < 0x800) {
				out[position++] = (byte) (0xC0 | (c >> 6));
				out[position++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (!Character.isSurrogate(c)) {
				out[position++] = (byte) (0xE0 | (c >> 12));
				out[position++] = (byte) (0x80 | ((c >> 6) & 0x3F));
				out[position++] = (byte) (0x80 | (c & 0x3F));
			}
			else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
				int codePoint = Character.toCodePoint(c, text.charAt(++i));
				out[position++] = (byte) (0xF0 | (codePoint >> 18));
				out[position++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
				out[position++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
				out[position++] = (byte) (0x80 | (codePoint & 0x3F));
			}
			else {
				// An unpaired surrogate is no character, so it has no UTF-8: Jackson escapes it.
				position = writeUnicodeEscape(out, position, c);
			}
		}
		out[position++] = '"';
		this.count = position;
	}

	/** {@code "}, {@code \} or a control character, escaped. */
	private static int writeEscapedAscii(byte[] out, int position, char c) {
		if (c == '"' || c == '\\') {
			out[position] = '\\';
			out[position + 1] = (byte) c;
			return position + 2;
		}
		byte shortEscape = SHORT_ESCAPES[c];
		if (shortEscape != 0) {
			out[position] = '\\';
			out[position + 1] = shortEscape;
			return position + 2;
		}
		return writeUnicodeEscape(out, position, c);
	}

	private static int writeUnicodeEscape(byte[] out, int position, char c) {
		out[position] = '\\';
		out[position + 1] = 'u';
		out[position + 2] = HEX[(c >> 12) & 0xF];
		out[position + 3] = HEX[(c >> 8) & 0xF];
		out[position + 4] = HEX[(c >> 4) & 0xF];
		out[position + 5] = HEX[c & 0xF];
		return position + 6;
	}

	private void writeLong(long value) {
		if (value == Long.MIN_VALUE) {
			writeAscii(Long.toString(value));
			return;
		}
		// At most 19 digits and a sign.
		ensureCapacity(20);
		byte[] out = this.buffer;
		long rest = value;
		if (rest < 0) {
			out[this.count++] = '-';
			rest = -rest;
		}
		int digits = 1;
		for (long bound = 10; digits < 19 && rest >= bound; bound *= 10) {
			digits++;
		}
		int end = this.count + digits;
		for (int position = end - 1; position >= this.count; position--) {
			out[position] = (byte) ('0' + (rest % 10));
			rest /= 10;
		}
		this.count = end;
	}

	/** Writes {@code text}, which is ASCII and needs no escaping. */
	private void writeAscii(String text) {
		int length = text.length();
		ensureCapacity(length);
		for (int i = 0; i < length; i++) {
			this.buffer[this.count + i] = (byte) text.charAt(i);
		}
		this.count += length;
	}

	private void writeByte(char c) {
		ensureCapacity(1);
		this.buffer[this.count++] = (byte) c;
	}

	private void ensureCapacity(int more) {
		int needed = this.count + more;
		if (needed > this.buffer.length) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(needed, this.buffer.length * 2));
		}
	}

}
