package dev.joat;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a verified access token grants: PyJOAT's credentials, plus the token's times and claims.
 *
 * @param userId the user the token acts for ({@code sub}); for a client-credentials token, the
 * client itself; {@code null} when the token has no {@code sub}
 * @param authorizedScope the granted scope ({@code scp}, or the RFC 9068 {@code scope} string
 * split at spaces), unmodifiable, in token order
 * @param clientId the client the token was issued to ({@code client_id}, or PyJOAT's {@code aud})
 * @param provider the issuer ({@code iss}), or {@code null} when the token names none
 * @param tokenId the token's {@code jti}, or {@code null}
 * @param issuedAt the {@code iat}, or {@code null}
 * @param expiresAt the {@code exp}
 * @param claims every claim of the token, unmodifiable
 */
public record Credentials(String userId, List<String> authorizedScope, String clientId, String provider,
		String tokenId, Instant issuedAt, Instant expiresAt, Map<String, Object> claims) {

	/**
	 * Creates credentials, copying the scope and claims into unmodifiable collections.
	 * @throws NullPointerException when the scope, client id, expiry or claims are {@code null}
	 */
	public Credentials {
		authorizedScope = List.copyOf(Objects.requireNonNull(authorizedScope, "authorizedScope cannot be null"));
		Objects.requireNonNull(clientId, "clientId cannot be null");
		Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
		Objects.requireNonNull(claims, "claims cannot be null");
		if (!(claims instanceof ReadOnlyJsonObject)) {
			claims = Collections.unmodifiableMap(new LinkedHashMap<>(claims));
		}
	}

	/**
	 * The credentials as PyJOAT returned them: {@code user_id}, {@code authorized_scope},
	 * {@code client_id}, {@code provider}, and {@code jti} when the token has one.
	 * @return an unmodifiable map with PyJOAT's keys, in that order
	 */
	public Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("user_id", this.userId);
		map.put("authorized_scope", this.authorizedScope);
		map.put("client_id", this.clientId);
		map.put("provider", this.provider);
		if (this.tokenId != null) {
			map.put("jti", this.tokenId);
		}
		return Collections.unmodifiableMap(map);
	}

}
