package dev.joat.sample.token;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Writes a refused token request as RFC 6749 §5.2 JSON: the status, {@code error} and
 * {@code error_description}, {@code Cache-Control: no-store} and {@code Pragma: no-cache} (§5.1),
 * {@code WWW-Authenticate: Basic} for {@code invalid_client} (§5.2) and {@code Retry-After} when
 * the client may retry later. The one place both {@link TokenEndpoint} and
 * {@link TokenEndpointRefusalFilter} answer refusals from. Stateless and thread-safe.
 */
final class TokenErrorResponse {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private TokenErrorResponse() {
	}

	/**
	 * Writes {@code refusal} to {@code response}, which must not be committed.
	 * @param refusal the refusal
	 * @param response the response to write
	 * @throws IOException when the response cannot be written (the client has gone)
	 */
	static void write(TokenRequestException refusal, HttpServletResponse response) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", refusal.error());
		body.put("error_description", refusal.getMessage());
		byte[] json = JSON.writeValueAsBytes(body);
		response.setStatus(refusal.status().value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setHeader(HttpHeaders.PRAGMA, "no-cache");
		if (refusal.error().equals("invalid_client")) {
			response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"oauth2\"");
		}
		if (refusal.retryAfter() != null) {
			response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(refusal.retryAfter().getSeconds()));
		}
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
		response.flushBuffer();
	}

}
