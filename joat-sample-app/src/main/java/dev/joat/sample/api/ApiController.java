package dev.joat.sample.api;

import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The protected API: each endpoint needs a valid joat access token, and some a scope. Handlers
 * read the {@link Jwt} the filter chain verified; nothing parses the token a second time (a token
 * that expired in between would otherwise fail in the handler).
 */
@RestController
@RequestMapping("/api")
class ApiController {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Needs the {@code read} scope. */
	@GetMapping("/read")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	Map<String, Object> read(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("message", "You may read.", "client_id", clientId(jwt));
	}

	/** Needs the {@code profile} scope. */
	@GetMapping("/profile")
	@PreAuthorize("hasAuthority('SCOPE_profile')")
	Map<String, Object> profile(@AuthenticationPrincipal Jwt jwt) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("message", "You may see the profile.");
		body.put("user_id", userId(jwt));
		return body;
	}

	/**
	 * Any valid token: the credentials it grants, with PyJOAT's keys ({@code user_id},
	 * {@code client_id}, {@code authorized_scope}, {@code provider}, and {@code jti} when present).
	 */
	@GetMapping("/me")
	Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
		Map<String, Object> credentials = new LinkedHashMap<>();
		credentials.put("user_id", userId(jwt));
		credentials.put("authorized_scope", scope(jwt));
		credentials.put("client_id", clientId(jwt));
		credentials.put("provider", jwt.getClaimAsString("iss"));
		if (jwt.getId() != null) {
			credentials.put("jti", jwt.getId());
		}
		return credentials;
	}

	/**
	 * The token's own {@code sub}, or {@code null} when it has none, as PyJOAT's {@code user_id}.
	 * joat's decoder names the client as {@code sub} in Spring's {@link Jwt} when the token has no
	 * {@code sub} (so that the principal has a name), so a subject equal to the client id is checked
	 * against the verified payload itself.
	 */
	private static String userId(Jwt jwt) {
		String subject = jwt.getSubject();
		if (subject == null || !subject.equals(clientId(jwt))) {
			return subject;
		}
		String token = jwt.getTokenValue();
		int payloadStart = token.indexOf('.') + 1;
		int payloadEnd = token.indexOf('.', payloadStart);
		if (payloadStart == 0 || payloadEnd < 0) {
			return subject;
		}
		byte[] payload = Base64.getUrlDecoder().decode(token.substring(payloadStart, payloadEnd));
		return JSON.readTree(payload).has("sub") ? subject : null;
	}

	/** {@code client_id} (RFC 9068), else the audience, which is the client in PyJOAT's layout. */
	private static String clientId(Jwt jwt) {
		String clientId = jwt.getClaimAsString("client_id");
		if (clientId != null) {
			return clientId;
		}
		List<String> audience = jwt.getAudience();
		return (audience != null && !audience.isEmpty()) ? audience.get(0) : null;
	}

	/** {@code scp} (PyJOAT's list), else the RFC 9068 {@code scope} string split at spaces. */
	private static List<String> scope(Jwt jwt) {
		List<String> scp = jwt.getClaimAsStringList("scp");
		if (scp != null) {
			return scp;
		}
		String scope = jwt.getClaimAsString("scope");
		return (scope != null && !scope.isEmpty()) ? Arrays.asList(scope.split(" ")) : List.of();
	}

}
