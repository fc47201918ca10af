package dev.joat.sample.token;

import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /.well-known/oauth-authorization-server}: the RFC 8414 authorization-server metadata,
 * public, from which OAuth 2.0 clients (Spring Security's among them, given only the issuer URL)
 * discover the token endpoint.
 */
@RestController
class AuthorizationServerMetadataEndpoint {

	private final AuthorizationServerMetadata metadata;

	AuthorizationServerMetadataEndpoint(AuthorizationServerMetadata metadata) {
		this.metadata = metadata;
	}

	@GetMapping(path = "/.well-known/oauth-authorization-server", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> metadata() {
		return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(this.metadata.asMap());
	}

}
