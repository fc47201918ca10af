package dev.joat.sample.token;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;

/**
 * Reads a token request's parameters from its {@code application/x-www-form-urlencoded} body
 * (RFC 6749 §4.4.2, Appendix B) strictly and within bounds, without the servlet container's
 * parameter parser: a body the container cannot decode makes its {@code getParameterMap()} throw,
 * and this reader turns every such body into an RFC 6749 {@code invalid_request} instead.
 *
 * <p>Refused: another content type or a charset other than UTF-8, parameters in the query string
 * (a secret there ends up in access logs), a body over {@code maxBodyBytes} (413), more than
 * {@code maxParameters} parameters, an empty parameter name, a malformed percent-escape, bytes
 * that are not UTF-8 once decoded, and a repeated parameter (RFC 6749 §3.2). Empty
 * {@code &}-separated segments are skipped.
 *
 * <p>A request's body is read once: the outcome (the parameters or the refusal) is kept as a
 * request attribute, so {@link TokenEndpointRefusalFilter} and {@link TokenEndpoint} see the same
 * parameters. Stateless and thread-safe.
 */
final class TokenRequestForm {

	/** The request attribute holding the outcome of reading the body: the parameters or the refusal. */
	private static final String OUTCOME_ATTRIBUTE = TokenRequestForm.class.getName() + ".outcome";

	private final int maxBodyBytes;

	private final int maxParameters;

	/**
	 * Creates a reader.
	 * @param maxBodyBytes the largest body accepted, in bytes
	 * @param maxParameters the most parameters accepted
	 */
	TokenRequestForm(int maxBodyBytes, int maxParameters) {
		if (maxBodyBytes < 1) {
			throw new IllegalArgumentException("maxBodyBytes must be positive");
		}
		if (maxParameters < 1) {
			throw new IllegalArgumentException("maxParameters must be positive");
		}
		this.maxBodyBytes = maxBodyBytes;
		this.maxParameters = maxParameters;
	}

	/**
	 * The request's form parameters, each present once. The body is read on the first call; later
	 * calls for the same request give the same outcome.
	 * @param request the token request
	 * @return the parameters by name, unmodifiable, in body order
	 * @throws TokenRequestException when the request is refused
	 */
	@SuppressWarnings("unchecked")
	Map<String, String> read(HttpServletRequest request) {
		Object outcome = request.getAttribute(OUTCOME_ATTRIBUTE);
		if (outcome == null) {
			try {
				outcome = readBody(request);
			}
			catch (TokenRequestException ex) {
				outcome = ex;
			}
			request.setAttribute(OUTCOME_ATTRIBUTE, outcome);
		}
		if (outcome instanceof TokenRequestException refusal) {
			throw refusal;
		}
		return (Map<String, String>) outcome;
	}

	private Map<String, String> readBody(HttpServletRequest request) {
		checkContentType(request.getContentType());
		if (request.getQueryString() != null) {
			throw TokenRequestException.invalidRequest("Parameters must be sent in the request body, not the URL");
		}
		return parse(body(request));
	}

	private static void checkContentType(String header) {
		MediaType contentType;
		try {
			contentType = (header != null) ? MediaType.parseMediaType(header) : null;
		}
		catch (IllegalArgumentException ex) {
			contentType = null;
		}
		if (contentType == null || !MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)) {
			throw TokenRequestException.invalidRequest("The request body must be application/x-www-form-urlencoded");
		}
		String charset = contentType.getParameter("charset");
		if (charset != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(unquote(charset))) {
			throw TokenRequestException.invalidRequest("The request body must be encoded in UTF-8");
		}
	}

	private static String unquote(String value) {
		return (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\""))
				? value.substring(1, value.length() - 1) : value;
	}

	private byte[] body(HttpServletRequest request) {
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(this.maxBodyBytes + 1);
			if (body.length > this.maxBodyBytes) {
				throw tooLarge();
			}
			return body;
		}
		catch (IOException ex) {
			throw TokenRequestException.invalidRequest("The request body could not be read");
		}
	}

	private TokenRequestException tooLarge() {
		return TokenRequestException.payloadTooLarge("The request body is larger than " + this.maxBodyBytes + " bytes");
	}

	private Map<String, String> parse(byte[] body) {
		Map<String, String> form = new LinkedHashMap<>();
		int start = 0;
		while (start <= body.length) {
			int end = indexOf(body, (byte) '&', start);
			if (end > start) {
				if (form.size() == this.maxParameters) {
					throw TokenRequestException.invalidRequest("At most " + this.maxParameters + " parameters are accepted");
				}
				int equals = indexOf(body, (byte) '=', start);
				int nameEnd = Math.min(equals, end);
				if (nameEnd == start) {
					throw TokenRequestException.invalidRequest("A parameter has an empty name");
				}
				String name = decode(body, start, nameEnd);
				String value = (equals < end) ? decode(body, equals + 1, end) : "";
				if (form.putIfAbsent(name, value) != null) {
					throw TokenRequestException.invalidRequest("A parameter is repeated");
				}
			}
			start = end + 1;
		}
		return Collections.unmodifiableMap(form);
	}

	/** The index of {@code b} at or after {@code from}, or {@code body.length}. */
	private static int indexOf(byte[] body, byte b, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == b) {
				return i;
			}
		}
		return body.length;
	}

	/** {@code +} is a space and {@code %XX} a byte; the bytes must be UTF-8. */
	private static String decode(byte[] body, int from, int to) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
		for (int i = from; i < to; i++) {
			byte b = body[i];
			if (b == '+') {
				bytes.write(' ');
			}
			else if (b == '%') {
				int high = (i + 2 < to) ? Character.digit(body[i + 1], 16) : -1;
				int low = (high >= 0) ? Character.digit(body[i + 2], 16) : -1;
				if (low < 0) {
					throw TokenRequestException.invalidRequest("The request body has a malformed percent-escape");
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else {
				bytes.write(b);
			}
		}
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw TokenRequestException.invalidRequest("The request body is not UTF-8");
		}
	}

}
