package dev.joat;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a JOSE header or claims set: strict UTF-8 JSON (RFC 8259) whose top level is an object,
 * into read-only maps and lists. Written for the token hot path, where a general-purpose JSON
 * parser's setup costs more than the few hundred bytes of a token's JSON.
 *
 * <p>It is stricter than Jackson, never more lenient: the build's differential fuzz test
 * ({@code StrictJsonReaderFuzzTests}) checks in both directions that on every input it gives
 * exactly what Jackson configured strictly gives, or both refuse, or it refuses for one of the
 * deliberate reasons {@code SECURITY.md} lists. Refused: duplicate member names at every
 * level (RFC 7515 §5.2; "last one wins" is how scopes get escalated), nesting deeper than
 * {@value #MAX_NESTING_DEPTH}, anything after the object, invalid or overlong UTF-8, a byte-order
 * mark, raw control characters, an escaped surrogate that is not half of a pair (RFC 7493 §2.1,
 * in names and values alike), numbers longer than {@value #MAX_NUMBER_LENGTH} characters, and
 * every JSON extension (comments, single quotes, trailing commas, NaN, leading zeros …). Numbers
 * become {@code Long} when they are integers that fit, {@code BigInteger} when larger, and
 * {@code Double} otherwise. Not thread-safe: an instance reads one document at a time.
 */
final class StrictJsonReader {

	/** Deepest nesting of objects and arrays accepted, the top-level object counting as one. */
	static final int MAX_NESTING_DEPTH = 8;

	/** Longest number accepted, in characters. */
	static final int MAX_NUMBER_LENGTH = 64;

	/** Objects with more members than this check duplicates with a hash set instead of a scan. */
	private static final int SCANNED_MEMBERS = 16;

	private byte[] json;

	/** The end of the document in {@link #json}. */
	private int end;

	private String part;

	private int position;

	/** A reader for {@link #read(byte[], int, String)}, one document at a time. */
	StrictJsonReader() {
	}

	/**
	 * Reads {@code json} as one JSON object.
	 * @param json the UTF-8 bytes
	 * @param part what the bytes are ("header" or "payload"), for the error message
	 * @return a read-only map in document order
	 * @throws InvalidTokenException ({@code MALFORMED}) when the bytes are not such an object
	 */
	static ReadOnlyJsonObject readObject(byte[] json, String part) {
		return readObject(json, json.length, part);
	}

	/**
	 * Reads {@code json[0, length)} as one JSON object.
	 * @see #readObject(byte[], String)
	 */
	static ReadOnlyJsonObject readObject(byte[] json, int length, String part) {
		return new StrictJsonReader().read(json, length, part);
	}

	/**
	 * Reads {@code json[0, length)} as one JSON object, as {@link #readObject(byte[], String)}
	 * does. The reader keeps no reference to {@code json} afterwards and can read another.
	 */
	ReadOnlyJsonObject read(byte[] json, int length, String part) {
		this.json = json;
		this.end = length;
		this.part = part;
		this.position = 0;
		try {
			skipWhitespace();
			if (this.position == length || json[this.position] != '{') {
				throw malformed(part, "is not a JSON object");
			}
			this.position++;
			ReadOnlyJsonObject object = readObjectBody(1);
			skipWhitespace();
			if (this.position != length) {
				throw malformed(part, "has content after the JSON object");
			}
			return object;
		}
		catch (InvalidTokenException ex) {
			// The encoding is checked only when the JSON is refused: valid JSON has no byte
			// outside strings that is not ASCII, no raw control character, and strings are
			// decoded strictly, so a document is never accepted with a bad encoding. Checked
			// here, it gives the more telling reason first, as if it had been checked first.
			checkEncoding(json, length, part);
			throw ex;
		}
		finally {
			this.json = null;
		}
	}

	/**
	 * Refuses invalid or overlong UTF-8, a byte-order mark, and raw control bytes (never valid
	 * JSON outside whitespace, and never inside strings).
	 */
	static void checkEncoding(byte[] json, String part) {
		checkEncoding(json, json.length, part);
	}

	private static void checkEncoding(byte[] json, int length, String part) {
		boolean ascii = true;
		for (int i = 0; i < length; i++) {
			byte b = json[i];
			if (b < 0) {
				ascii = false;
			}
			else if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
				throw malformed(part, "contains a control character");
			}
		}
		if (ascii) {
			return;
		}
		if (length >= 3 && json[0] == (byte) 0xEF && json[1] == (byte) 0xBB && json[2] == (byte) 0xBF) {
			throw malformed(part, "starts with a byte-order mark");
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(json, 0, length));
		}
		catch (CharacterCodingException ex) {
			throw malformed(part, "is not valid UTF-8");
		}
	}

	/** Reads members after the opening brace, through the closing one. */
	private ReadOnlyJsonObject readObjectBody(int depth) {
		String[] names = new String[8];
		Object[] values = new Object[8];
		int size = 0;
		long fingerprints = 0;
		Set<String> seen = null;
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return new ReadOnlyJsonObject(names, values, 0);
		}
		while (true) {
			if (next() != '"') {
				throw invalid();
			}
			String name = readString(true);
			skipWhitespace();
			if (next() != ':') {
				throw invalid();
			}
			skipWhitespace();
			Object value = readValue(depth);
			if (size < SCANNED_MEMBERS) {
				// Equal names have equal fingerprints, so the names need comparing only when a
				// fingerprint repeats; those of the claims joat issues all differ.
				long bit = 1L << fingerprint(name);
				if ((fingerprints & bit) != 0) {
					for (int i = 0; i < size; i++) {
						if (names[i].equals(name)) {
							throw malformed(this.part, "has a duplicate member name");
						}
					}
				}
				fingerprints |= bit;
			}
			else {
				if (seen == null) {
					seen = new HashSet<>(Arrays.asList(names).subList(0, size));
				}
				if (!seen.add(name)) {
					throw malformed(this.part, "has a duplicate member name");
				}
			}
			if (size == names.length) {
				names = Arrays.copyOf(names, size * 2);
				values = Arrays.copyOf(values, size * 2);
			}
			names[size] = name;
			values[size] = value;
			size++;
			skipWhitespace();
			int separator = next();
			if (separator == '}') {
				return new ReadOnlyJsonObject(names, values, size);
			}
			if (separator != ',') {
				throw invalid();
			}
			skipWhitespace();
		}
	}

	private Object readValue(int depth) {
		int c = next();
		switch (c) {
			case '"':
				return readString(false);
			case '{':
				checkDepth(depth);
				return readObjectBody(depth + 1);
			case '[':
				checkDepth(depth);
				return readArrayBody(depth + 1);
			case 't':
				expectLiteral("rue");
				return Boolean.TRUE;
			case 'f':
				expectLiteral("alse");
				return Boolean.FALSE;
			case 'n':
				expectLiteral("ull");
				return null;
			default:
				if (c == '-' || (c >= '0' && c <= '9')) {
					this.position--;
					return readNumber();
				}
				throw invalid();
		}
	}

	/** Six bits of a name, from its length and its first and last characters. */
	static int fingerprint(String name) {
		int length = name.length();
		if (length == 0) {
			return 0;
		}
		return (length * 5 + name.charAt(0) * 3 + name.charAt(length - 1)) & 63;
	}

	private void checkDepth(int depth) {
		if (depth >= MAX_NESTING_DEPTH) {
			throw malformed(this.part, "nests deeper than " + MAX_NESTING_DEPTH + " levels");
		}
	}

	private List<Object> readArrayBody(int depth) {
		Object[] elements = new Object[4];
		int size = 0;
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return List.of();
		}
		while (true) {
			if (size == elements.length) {
				elements = Arrays.copyOf(elements, size * 2);
			}
			elements[size++] = readValue(depth);
			skipWhitespace();
			int separator = next();
			if (separator == ']') {
				return readOnlyList(elements, size);
			}
			if (separator != ',') {
				throw invalid();
			}
			skipWhitespace();
		}
	}

	/**
	 * An unmodifiable list of {@code elements[0, size)}: an immutable {@code List.of} list, which
	 * {@code List.copyOf} returns as it is, unless a JSON {@code null} makes that impossible.
	 */
	static List<Object> readOnlyList(Object[] elements, int size) {
		for (int i = 0; i < size; i++) {
			if (elements[i] == null) {
				return Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(elements, size)));
			}
		}
		return (size == elements.length) ? List.of(elements) : List.of(Arrays.copyOf(elements, size));
	}

	/** Reads a string whose opening quote was consumed, through its closing quote. */
	private String readString(boolean name) {
		byte[] in = this.json;
		int start = this.position;
		int i = start;
		while (i < this.end) {
			byte b = in[i];
			// Most bytes are printable ASCII past the quote: one range test and one inequality.
			if (b > '"' && b != '\\') {
				i++;
				continue;
			}
			if (b == '"') {
				this.position = i + 1;
				return name ? commonName(start, i - start) : new String(in, start, i - start, StandardCharsets.ISO_8859_1);
			}
			if (b == '\\' || b < 0) {
				return readStringSlowly(start);
			}
			if (b < 0x20) {
				throw invalid();
			}
			i++;
		}
		throw invalid();
	}

	/** Strings with escapes or non-ASCII characters, decoded strictly. */
	private String readStringSlowly(int start) {
		byte[] in = this.json;
		StringBuilder text = new StringBuilder();
		int runStart = start;
		int i = start;
		while (i < this.end) {
			byte b = in[i];
			if (b == '"') {
				appendUtf8(text, runStart, i);
				this.position = i + 1;
				return text.toString();
			}
			if (b >= 0 && b < 0x20) {
				throw invalid();
			}
			if (b != '\\') {
				i++;
				continue;
			}
			appendUtf8(text, runStart, i);
			if (i + 1 >= this.end) {
				throw invalid();
			}
			byte escaped = in[i + 1];
			i += 2;
			switch (escaped) {
				case '"' -> text.append('"');
				case '\\' -> text.append('\\');
				case '/' -> text.append('/');
				case 'b' -> text.append('\b');
				case 'f' -> text.append('\f');
				case 'n' -> text.append('\n');
				case 'r' -> text.append('\r');
				case 't' -> text.append('\t');
				case 'u' -> {
					if (i + 4 > this.end) {
						throw invalid();
					}
					char code = hex4(i);
					i += 4;
					if (Character.isHighSurrogate(code)) {
						// RFC 7493 §2.1: a surrogate only as the first half of an escaped pair.
						if (i + 6 > this.end || in[i] != '\\' || in[i + 1] != 'u'
								|| !Character.isLowSurrogate(hex4(i + 2))) {
							throw unpairedSurrogate();
						}
						text.append(code).append(hex4(i + 2));
						i += 6;
					}
					else if (Character.isLowSurrogate(code)) {
						throw unpairedSurrogate();
					}
					else {
						text.append(code);
					}
				}
				default -> throw invalid();
			}
			runStart = i;
		}
		throw invalid();
	}

	/** Appends {@code json[from, to)}, refusing invalid, overlong or truncated UTF-8. */
	private void appendUtf8(StringBuilder text, int from, int to) {
		try {
			text.append(StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(this.json, from, to - from)));
		}
		catch (CharacterCodingException ex) {
			throw malformed(this.part, "is not valid UTF-8");
		}
	}

	/** The UTF-16 code unit of the four hex digits at {@code json[at, at + 4)}. */
	private char hex4(int at) {
		byte[] in = this.json;
		return (char) ((hex(in[at]) << 12) | (hex(in[at + 1]) << 8) | (hex(in[at + 2]) << 4) | hex(in[at + 3]));
	}

	private int hex(byte b) {
		if (b >= '0' && b <= '9') {
			return b - '0';
		}
		if (b >= 'a' && b <= 'f') {
			return b - 'a' + 10;
		}
		if (b >= 'A' && b <= 'F') {
			return b - 'A' + 10;
		}
		throw invalid();
	}

	/** A member name as a shared constant when it is a common one, else a new string. */
	private String commonName(int start, int length) {
		String common = (length == 3) ? commonThreeLetterName(this.json[start], this.json[start + 1], this.json[start + 2])
				: null;
		if (common == null && length == 5 && equalsAscii(start, "scope")) {
			common = "scope";
		}
		if (common == null && length == 9 && equalsAscii(start, "client_id")) {
			common = "client_id";
		}
		return (common != null) ? common : new String(this.json, start, length, StandardCharsets.ISO_8859_1);
	}

	/** The registered three-letter claim or header name spelled {@code abc}, or {@code null}. */
	private static String commonThreeLetterName(byte a, byte b, byte c) {
		switch (a) {
			case 'a':
				return (b == 'u' && c == 'd') ? "aud" : (b == 'l' && c == 'g') ? "alg" : null;
			case 'e':
				return (b == 'x' && c == 'p') ? "exp" : null;
			case 'i':
				return (b == 's' && c == 's') ? "iss" : (b == 'a' && c == 't') ? "iat" : null;
			case 'j':
				return (b == 't' && c == 'i') ? "jti" : null;
			case 'k':
				return (b == 'i' && c == 'd') ? "kid" : null;
			case 'n':
				return (b == 'b' && c == 'f') ? "nbf" : null;
			case 's':
				return (b == 'c' && c == 'p') ? "scp" : (b == 'u' && c == 'b') ? "sub" : null;
			case 't':
				return (b == 'y' && c == 'p') ? "typ" : null;
			default:
				return null;
		}
	}

	private boolean equalsAscii(int start, String name) {
		for (int i = 0; i < name.length(); i++) {
			if (this.json[start + i] != name.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** RFC 8259 §6: {@code -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?}. */
	private Object readNumber() {
		byte[] in = this.json;
		int start = this.position;
		int i = start;
		boolean negative = false;
		if (i < this.end && in[i] == '-') {
			negative = true;
			i++;
		}
		int digitsStart = i;
		// The value is accumulated on the way; it is used only when it cannot have overflowed.
		long integer = 0;
		if (i < this.end && in[i] == '0') {
			i++;
		}
		else {
			while (i < this.end && in[i] >= '0' && in[i] <= '9') {
				integer = integer * 10 + (in[i] - '0');
				i++;
			}
		}
		if (i == digitsStart) {
			throw invalid();
		}
		int integerDigits = i - digitsStart;
		boolean integral = true;
		if (i < this.end && in[i] == '.') {
			integral = false;
			i = requireDigits(i + 1);
		}
		if (i < this.end && (in[i] == 'e' || in[i] == 'E')) {
			integral = false;
			i++;
			if (i < this.end && (in[i] == '+' || in[i] == '-')) {
				i++;
			}
			i = requireDigits(i);
		}
		if (i < this.end && in[i] >= '0' && in[i] <= '9') {
			throw invalid();
		}
		if (i - start > MAX_NUMBER_LENGTH) {
			throw malformed(this.part, "has a number longer than " + MAX_NUMBER_LENGTH + " characters");
		}
		this.position = i;
		if (!integral) {
			return Double.parseDouble(new String(in, start, i - start, StandardCharsets.ISO_8859_1));
		}
		if (integerDigits <= 18) {
			return negative ? -integer : integer;
		}
		BigInteger value = new BigInteger(new String(in, start, i - start, StandardCharsets.ISO_8859_1));
		return (value.bitLength() < 64) ? (Object) value.longValue() : value;
	}

	private int requireDigits(int from) {
		int i = from;
		while (i < this.end && this.json[i] >= '0' && this.json[i] <= '9') {
			i++;
		}
		if (i == from) {
			throw invalid();
		}
		return i;
	}

	private void expectLiteral(String rest) {
		for (int k = 0; k < rest.length(); k++) {
			if (next() != rest.charAt(k)) {
				throw invalid();
			}
		}
	}

	private void skipWhitespace() {
		byte[] in = this.json;
		int i = this.position;
		// Every whitespace byte is at most ' ': most calls see a byte above it and stop at once.
		while (i < this.end) {
			byte b = in[i];
			if (b > ' ' || (b != ' ' && b != '\n' && b != '\r' && b != '\t')) {
				break;
			}
			i++;
		}
		this.position = i;
	}

	private int peek() {
		return (this.position < this.end) ? this.json[this.position] : -1;
	}

	private int next() {
		return (this.position < this.end) ? this.json[this.position++] : -1;
	}

	private InvalidTokenException unpairedSurrogate() {
		return malformed(this.part, "has an unpaired surrogate in a string");
	}

	private InvalidTokenException invalid() {
		return malformed(this.part, "is not valid JSON");
	}

	private static InvalidTokenException malformed(String part, String problem) {
		return new InvalidTokenException(InvalidTokenException.Reason.MALFORMED, "Malformed token: the " + part + " "
				+ problem);
	}

}
