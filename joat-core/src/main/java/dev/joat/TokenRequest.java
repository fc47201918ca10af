package dev.joat;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to put in one token: the arguments of PyJOAT's {@code issue_token}, and a few more.
 *
 * <pre>{@code
 * TokenRequest request = TokenRequest.builder("abcd", List.of("profile", "read"))
 *     .userId("1234")
 *     .tokenId("a-unique-id")
 *     .build();
 * }</pre>
 *
 * @param clientId the client the token is issued to (PyJOAT's {@code aud}); required, not blank
 * @param scope the granted scope values; required, may be empty, each an RFC 6749 §3.3 scope token
 * ({@link ScopeToken})
 * @param userId the user the token acts for ({@code sub}), or {@code null} for a client acting for
 * itself, whose {@code sub} is then the client id (RFC 9068 §2.2)
 * @param tokenId a {@code jti}, or {@code null} for none
 * @param issuedAt the {@code iat} to write, or {@code null} for the generator's clock
 * @param lifetime how long the token lives, or {@code null} for the generator's lifetime
 * @param extraClaims further claims (strings, numbers, booleans, {@code null}, lists and maps of
 * those); none may be a claim the generator writes itself
 */
public record TokenRequest(String clientId, List<String> scope, String userId, String tokenId, Instant issuedAt,
		Duration lifetime, Map<String, Object> extraClaims) {

	/** The claims the generator writes itself, which extra claims may not override. */
	static final Set<String> REGISTERED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scp",
			"scope", "client_id");

	/**
	 * Checks and copies the arguments.
	 * @throws IllegalArgumentException naming the argument that is invalid
	 */
	public TokenRequest {
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalArgumentException("clientId cannot be null or blank");
		}
		if (scope == null) {
			throw new IllegalArgumentException("scope cannot be null");
		}
		for (String value : scope) {
			if (!ScopeToken.isValid(value)) {
				throw new IllegalArgumentException("scope values must be RFC 6749 scope tokens: printable ASCII without space, '\"' or '\\'");
			}
		}
		scope = List.copyOf(scope);
		if (userId != null && userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		if (tokenId != null && tokenId.isBlank()) {
			throw new IllegalArgumentException("tokenId cannot be blank");
		}
		if (issuedAt != null && issuedAt.getEpochSecond() < 0) {
			throw new IllegalArgumentException("issuedAt cannot be before 1970");
		}
		if (lifetime != null && (lifetime.isNegative() || lifetime.getSeconds() == 0)) {
			throw new IllegalArgumentException("lifetime must be at least one second");
		}
		extraClaims = copyExtraClaims(extraClaims);
	}

	/**
	 * Starts a request for {@code clientId} with {@code scope}.
	 * @param clientId the client the token is issued to
	 * @param scope the granted scope values
	 * @return a builder
	 */
	public static Builder builder(String clientId, List<String> scope) {
		return new Builder(clientId, scope);
	}

	private static Map<String, Object> copyExtraClaims(Map<String, Object> extraClaims) {
		if (extraClaims == null || extraClaims.isEmpty()) {
			return Map.of();
		}
		Map<String, Object> copy = new LinkedHashMap<>();
		extraClaims.forEach((name, value) -> {
			if (name == null || name.isEmpty()) {
				throw new IllegalArgumentException("extraClaims cannot have a null or empty name");
			}
			if (REGISTERED_CLAIMS.contains(name)) {
				throw new IllegalArgumentException("extraClaims cannot override the registered claim \"" + name + "\"");
			}
			copy.put(name, copyJsonValue(value, 1));
		});
		return Collections.unmodifiableMap(copy);
	}

	/** A deep, unmodifiable copy of a JSON-able value; anything else is refused. */
	private static Object copyJsonValue(Object value, int depth) {
		if (depth >= StrictJsonReader.MAX_NESTING_DEPTH) {
			throw new IllegalArgumentException("extraClaims nest deeper than a parser accepts");
		}
		if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
				|| value instanceof Long || value instanceof BigInteger) {
			return value;
		}
		if (value instanceof Double || value instanceof Float) {
			if (!Double.isFinite(((Number) value).doubleValue())) {
				throw new IllegalArgumentException("extraClaims cannot hold NaN or infinite numbers");
			}
			return value;
		}
		if (value instanceof List) {
			List<Object> copy = new ArrayList<>();
			for (Object element : (List<?>) value) {
				copy.add(copyJsonValue(element, depth + 1));
			}
			return Collections.unmodifiableList(copy);
		}
		if (value instanceof Map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
				if (!(entry.getKey() instanceof String)) {
					throw new IllegalArgumentException("extraClaims maps must have string keys");
				}
				copy.put((String) entry.getKey(), copyJsonValue(entry.getValue(), depth + 1));
			}
			return Collections.unmodifiableMap(copy);
		}
		throw new IllegalArgumentException("extraClaims cannot hold a " + value.getClass().getName()
				+ "; use strings, numbers, booleans, null, lists and maps");
	}

	/** Builds a {@link TokenRequest}. Not thread-safe. */
	public static final class Builder {

		private final String clientId;

		private final List<String> scope;

		private String userId;

		private String tokenId;

		private Instant issuedAt;

		private Duration lifetime;

		private final Map<String, Object> extraClaims = new LinkedHashMap<>();

		private Builder(String clientId, List<String> scope) {
			this.clientId = clientId;
			this.scope = scope;
		}

		/**
		 * The user the token acts for, written as {@code sub}.
		 * @param userId the user id
		 * @return this builder
		 */
		public Builder userId(String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * The token's {@code jti}; the secret resolver sees it too, as in PyJOAT.
		 * @param tokenId the token id
		 * @return this builder
		 */
		public Builder tokenId(String tokenId) {
			this.tokenId = tokenId;
			return this;
		}

		/**
		 * The issue time to write as {@code iat} instead of the generator clock's.
		 * @param issuedAt the issue time (whole seconds are written)
		 * @return this builder
		 */
		public Builder issuedAt(Instant issuedAt) {
			this.issuedAt = issuedAt;
			return this;
		}

		/**
		 * The lifetime of this token instead of the generator's.
		 * @param lifetime at least one second
		 * @return this builder
		 */
		public Builder lifetime(Duration lifetime) {
			this.lifetime = lifetime;
			return this;
		}

		/**
		 * Adds a claim beyond the registered ones.
		 * @param name the claim name; not one the generator writes itself
		 * @param value a string, number, boolean, {@code null}, or a list or map of those
		 * @return this builder
		 */
		public Builder claim(String name, Object value) {
			this.extraClaims.put(name, value);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException naming an invalid argument
		 */
		public TokenRequest build() {
			return new TokenRequest(this.clientId, this.scope, this.userId, this.tokenId, this.issuedAt, this.lifetime,
					this.extraClaims);
		}

	}

}
