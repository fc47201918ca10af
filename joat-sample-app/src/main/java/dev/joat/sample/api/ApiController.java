package dev.joat.sample.api;

import java.util.Map;

import dev.joat.TokenParser;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The protected API: each endpoint needs a valid joat access token, and some a scope.
 */
@RestController
@RequestMapping("/api")
class ApiController {

	private final TokenParser tokenParser;

	ApiController(TokenParser tokenParser) {
		this.tokenParser = tokenParser;
	}

	/** Needs the {@code read} scope. */
	@GetMapping("/read")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	Map<String, Object> read(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("message", "You may read.", "client_id", clientOf(jwt));
	}

	/** Needs the {@code profile} scope. */
	@GetMapping("/profile")
	@PreAuthorize("hasAuthority('SCOPE_profile')")
	Map<String, Object> profile(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("message", "You may see the profile.", "user_id", jwt.getSubject());
	}

	/**
	 * Any valid token: the credentials it grants, with PyJOAT's keys ({@code user_id},
	 * {@code client_id}, {@code authorized_scope}, {@code provider}, and {@code jti} when present).
	 */
	@GetMapping("/me")
	Map<String, Object> me(@AuthenticationPrincipal Jwt jwt) {
		// The filter chain has verified the token already; reading it again with the same parser
		// gives joat's credentials exactly, with no claim logic of the sample's own.
		return this.tokenParser.parseToken(jwt.getTokenValue()).asMap();
	}

	private String clientOf(Jwt jwt) {
		return this.tokenParser.parseToken(jwt.getTokenValue()).clientId();
	}

}
