package dev.joat.sample.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.joat.KeySet;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /oauth2/jwks}: the public keys of the sample's {@link IssuerSigningKeyRing} published
 * now (the next keys, the signing key, and the retired keys until their instant, after which they
 * leave the set without a restart), as an RFC 7517 JWK Set ({@code application/jwk-set+json}) with
 * public members only ({@link KeySet#toJwkSetJson()}), public and cacheable for {@link #MAX_AGE},
 * or less: never beyond the next retired key's instant, so that no cache serves a key after it was
 * withdrawn. In the default {@code HS256} mode there is no key to publish (a shared secret is never
 * published): 404.
 */
@RestController
class JwkSetEndpoint {

	/** The path. */
	static final String PATH = "/oauth2/jwks";

	/** How long a resource server or cache may keep the set. */
	static final Duration MAX_AGE = Duration.ofMinutes(5);

	private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

	private final @Nullable IssuerSigningKeyRing signingKeys;

	private final Clock clock;

	/** The set last written and until when it stays the same: the JSON is written once per change, not per request. */
	private volatile @Nullable Published published;

	JwkSetEndpoint(ObjectProvider<IssuerSigningKeyRing> signingKeys, ObjectProvider<Clock> clock) {
		this.signingKeys = signingKeys.getIfAvailable();
		this.clock = clock.getIfUnique(Clock::systemUTC);
	}

	@GetMapping(PATH)
	ResponseEntity<String> jwkSet() {
		if (this.signingKeys == null) {
			return ResponseEntity.notFound().build();
		}
		Instant now = this.clock.instant();
		Published published = this.published;
		if (published == null || !now.isBefore(published.until())) {
			Duration unchanged = this.signingKeys.unchangedFor(now, MAX_AGE);
			published = new Published(this.signingKeys.publishedKeys(now).toJwkSetJson(),
					now.plus(unchanged));
			this.published = published;
		}
		return ResponseEntity.ok()
			.contentType(JWK_SET)
			.cacheControl(CacheControl.maxAge(this.signingKeys.unchangedFor(now, MAX_AGE)).cachePublic())
			.body(published.json());
	}

	/** A written JWK Set and the instant until which the published keys stay the same. */
	private record Published(String json, Instant until) {
	}

}
