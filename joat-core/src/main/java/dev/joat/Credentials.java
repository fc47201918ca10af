package dev.joat;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a verified access token grants: PyJOAT's credentials, plus the token's times and claims.
 *
 * <p>
 * Only a {@link TokenParser} creates credentials. This is a final class rather than a record so
 * that it can gain a property without breaking callers; two credentials are equal when all their
 * properties are. Instances are immutable and thread-safe.
 */
public final class Credentials {

	private final String userId;

	private final List<String> authorizedScope;

	private final String clientId;

	private final String provider;

	private final String tokenId;

	private final Instant issuedAt;

	private final Instant expiresAt;

	private final Map<String, Object> claims;

	/**
	 * Takes the parser's values as they are: the scope and claims must already be unmodifiable
	 * (the parser's are), so verifying a token copies nothing here.
	 * @throws NullPointerException when the scope, client id, expiry or claims are {@code null}
	 */
	Credentials(String userId, List<String> authorizedScope, String clientId, String provider, String tokenId,
			Instant issuedAt, Instant expiresAt, Map<String, Object> claims) {
		this.userId = userId;
		this.authorizedScope = Objects.requireNonNull(authorizedScope, "authorizedScope cannot be null");
		this.clientId = Objects.requireNonNull(clientId, "clientId cannot be null");
		this.provider = provider;
		this.tokenId = tokenId;
		this.issuedAt = issuedAt;
		this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt cannot be null");
		this.claims = Objects.requireNonNull(claims, "claims cannot be null");
	}

	/**
	 * The user the token acts for ({@code sub}); for a client-credentials token, the client
	 * itself.
	 * @return the user id, or {@code null} when the token has no {@code sub}
	 */
	public @Nullable String userId() {
		return this.userId;
	}

	/**
	 * The granted scope: {@code scp}, or the RFC 9068 {@code scope} string split at spaces.
	 * @return the scope values, unmodifiable, in token order; empty when the token has none
	 */
	public List<String> authorizedScope() {
		return this.authorizedScope;
	}

	/**
	 * The client the token was issued to: {@code client_id}, or PyJOAT's {@code aud}.
	 * @return the client id, never {@code null}
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * The issuer ({@code iss}).
	 * @return the issuer, or {@code null} when the token names none
	 */
	public @Nullable String provider() {
		return this.provider;
	}

	/**
	 * The token's {@code jti}.
	 * @return the token id, or {@code null} when the token has none
	 */
	public @Nullable String tokenId() {
		return this.tokenId;
	}

	/**
	 * When the token was issued ({@code iat}).
	 * @return the issue time, or {@code null} when the token has no {@code iat}
	 */
	public @Nullable Instant issuedAt() {
		return this.issuedAt;
	}

	/**
	 * When the token expires ({@code exp}, which every accepted token has).
	 * @return the expiry, never {@code null}
	 */
	public Instant expiresAt() {
		return this.expiresAt;
	}

	/**
	 * Every claim of the token, registered or not.
	 * @return the claims, unmodifiable, in token order
	 */
	public Map<String, Object> claims() {
		return this.claims;
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

	/**
	 * Whether {@code other} is credentials with equal properties.
	 * @param other the object to compare with
	 * @return {@code true} when every property is equal
	 */
	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof Credentials)) {
			return false;
		}
		Credentials that = (Credentials) other;
		return Objects.equals(this.userId, that.userId) && this.authorizedScope.equals(that.authorizedScope)
				&& this.clientId.equals(that.clientId) && Objects.equals(this.provider, that.provider)
				&& Objects.equals(this.tokenId, that.tokenId) && Objects.equals(this.issuedAt, that.issuedAt)
				&& this.expiresAt.equals(that.expiresAt) && this.claims.equals(that.claims);
	}

	/**
	 * A hash code consistent with {@link #equals(Object)}.
	 * @return the hash of every property
	 */
	@Override
	public int hashCode() {
		return Objects.hash(this.userId, this.authorizedScope, this.clientId, this.provider, this.tokenId, this.issuedAt,
				this.expiresAt, this.claims);
	}

	/**
	 * Every property, in the form {@code Credentials[userId=…, …]}.
	 * @return a description of the credentials
	 */
	@Override
	public String toString() {
		return "Credentials[userId=" + this.userId + ", authorizedScope=" + this.authorizedScope + ", clientId="
				+ this.clientId + ", provider=" + this.provider + ", tokenId=" + this.tokenId + ", issuedAt="
				+ this.issuedAt + ", expiresAt=" + this.expiresAt + ", claims=" + this.claims + "]";
	}

}
