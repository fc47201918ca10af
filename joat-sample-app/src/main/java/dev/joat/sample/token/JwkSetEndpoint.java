package dev.joat.sample.token;

import java.time.Duration;

import dev.joat.KeySet;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /oauth2/jwks}: the public key the sample signs with, as an RFC 7517 JWK Set
 * ({@code application/jwk-set+json}) with public members only ({@link KeySet#toJwkSetJson()}),
 * public and cacheable for {@link #MAX_AGE}. In the default {@code HS256} mode there is no key to
 * publish (a shared secret is never published): 404.
 */
@RestController
class JwkSetEndpoint {

	/** The path. */
	static final String PATH = "/oauth2/jwks";

	/** How long a resource server or cache may keep the set. */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	private final @Nullable String jwkSet;

	JwkSetEndpoint(ObjectProvider<IssuerSigningKey> signingKey) {
		IssuerSigningKey key = signingKey.getIfAvailable();
		this.jwkSet = (key != null) ? KeySet.of(key.key().verificationKey()).toJwkSetJson() : null;
	}

	@GetMapping(PATH)
	ResponseEntity<String> jwkSet() {
		if (this.jwkSet == null) {
			return ResponseEntity.notFound().build();
		}
		return ResponseEntity.ok()
			.contentType(JWK_SET)
			.cacheControl(CacheControl.maxAge(MAX_AGE).cachePublic())
			.body(this.jwkSet);
	}

}
