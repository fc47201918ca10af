package dev.joat.benchmarks.stock;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The sample's {@code GET /api/read}, the same answer for the same token. */
@RestController
@RequestMapping("/api")
class StockApiController {

	@GetMapping("/read")
	@PreAuthorize("hasAuthority('SCOPE_read')")
	Map<String, Object> read(@AuthenticationPrincipal Jwt jwt) {
		return Map.of("message", "You may read.", "client_id", jwt.getClaimAsString("client_id"));
	}

}
