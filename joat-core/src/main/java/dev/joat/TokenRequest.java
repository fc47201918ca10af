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

import org.jspecify.annotations.Nullable;

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
 * <p>
 * Built only through {@link #builder(String, List)}: a final class rather than a record, so that
 * it can gain a property without breaking callers. Two requests are equal when all their
 * properties are. Instances are immutable and thread-safe; the builder is not.
 *
 * <p>Every string that becomes part of the token (the client id, user id, token id, and the names,
 * keys and strings of the extra claims, however deeply nested) must be well-formed UTF-16: an
 * unpaired surrogate is refused, as the parser refuses it (RFC 7493 §2.1).
 */
public final class TokenRequest {

	/** The claims the generator writes itself, which extra claims may not override. */
	static final Set<String> REGISTERED_CLAIMS = Set.of("iss", "sub", "aud", "exp", "nbf", "iat", "jti", "scp",
			"scope", "client_id");

	private final String clientId;

	private final List<String> scope;

	private final String userId;

	private final String tokenId;

	private final Instant issuedAt;

	private final Duration lifetime;

	private final Map<String, Object> extraClaims;

	/**
	 * Checks and copies the builder's values.
	 * @throws IllegalArgumentException naming the value that is invalid
	 */
	private TokenRequest(Builder builder) {
		if (builder.clientId == null || builder.clientId.isBlank()) {
			throw new IllegalArgumentException("clientId cannot be null or blank");
		}
		WellFormedText.require(builder.clientId, "clientId");
		if (builder.scope == null) {
			throw new IllegalArgumentException("scope cannot be null");
		}
		for (String value : builder.scope) {
			if (!ScopeToken.isValid(value)) {
				throw new IllegalArgumentException("scope values must be RFC 6749 scope tokens: printable ASCII without space, '\"' or '\\'");
			}
		}
		if (builder.userId != null && builder.userId.isBlank()) {
			throw new IllegalArgumentException("userId cannot be blank");
		}
		WellFormedText.require(builder.userId, "userId");
		if (builder.tokenId != null && builder.tokenId.isBlank()) {
			throw new IllegalArgumentException("tokenId cannot be blank");
		}
		WellFormedText.require(builder.tokenId, "tokenId");
		if (builder.issuedAt != null && builder.issuedAt.getEpochSecond() < 0) {
			throw new IllegalArgumentException("issuedAt cannot be before 1970");
		}
		if (builder.lifetime != null && (builder.lifetime.isNegative() || builder.lifetime.getSeconds() == 0)) {
			throw new IllegalArgumentException("lifetime must be at least one second");
		}
		this.clientId = builder.clientId;
		this.scope = List.copyOf(builder.scope);
		this.userId = builder.userId;
		this.tokenId = builder.tokenId;
		this.issuedAt = builder.issuedAt;
		this.lifetime = builder.lifetime;
		this.extraClaims = copyExtraClaims(builder.extraClaims);
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

	/**
	 * The client the token is issued to, written as PyJOAT's {@code aud} (or RFC 9068's
	 * {@code client_id}).
	 * @return the client id, never blank
	 */
	public String clientId() {
		return this.clientId;
	}

	/**
	 * The granted scope values, each an RFC 6749 §3.3 scope token ({@link ScopeToken}).
	 * @return the scope, unmodifiable; may be empty
	 */
	public List<String> scope() {
		return this.scope;
	}

	/**
	 * The user the token acts for ({@code sub}).
	 * @return the user id, or {@code null} (the default) for a client acting for itself, whose
	 * {@code sub} is then the client id (RFC 9068 §2.2)
	 */
	public @Nullable String userId() {
		return this.userId;
	}

	/**
	 * The {@code jti} to write.
	 * @return the token id, or {@code null} (the default) for none
	 */
	public @Nullable String tokenId() {
		return this.tokenId;
	}

	/**
	 * The {@code iat} to write.
	 * @return the issue time, or {@code null} (the default) for the generator's clock
	 */
	public @Nullable Instant issuedAt() {
		return this.issuedAt;
	}

	/**
	 * How long the token lives.
	 * @return the lifetime, or {@code null} (the default) for the generator's lifetime
	 */
	public @Nullable Duration lifetime() {
		return this.lifetime;
	}

	/**
	 * Further claims beyond the ones the generator writes itself.
	 * @return a deep unmodifiable copy of the extra claims, in the order they were added; empty by
	 * default
	 */
	public Map<String, Object> extraClaims() {
		return this.extraClaims;
	}

	/**
	 * Whether {@code other} is a request with equal properties.
	 * @param other the object to compare with
	 * @return {@code true} when every property is equal
	 */
	@Override
	public boolean equals(Object other) {
		if (this == other) {
			return true;
		}
		if (!(other instanceof TokenRequest)) {
			return false;
		}
		TokenRequest that = (TokenRequest) other;
		return this.clientId.equals(that.clientId) && this.scope.equals(that.scope)
				&& Objects.equals(this.userId, that.userId) && Objects.equals(this.tokenId, that.tokenId)
				&& Objects.equals(this.issuedAt, that.issuedAt) && Objects.equals(this.lifetime, that.lifetime)
				&& this.extraClaims.equals(that.extraClaims);
	}

	/**
	 * A hash code consistent with {@link #equals(Object)}.
	 * @return the hash of every property
	 */
	@Override
	public int hashCode() {
		return Objects.hash(this.clientId, this.scope, this.userId, this.tokenId, this.issuedAt, this.lifetime,
				this.extraClaims);
	}

	/**
	 * Every property, in the form {@code TokenRequest[clientId=…, …]}.
	 * @return a description of the request
	 */
	@Override
	public String toString() {
		return "TokenRequest[clientId=" + this.clientId + ", scope=" + this.scope + ", userId=" + this.userId
				+ ", tokenId=" + this.tokenId + ", issuedAt=" + this.issuedAt + ", lifetime=" + this.lifetime
				+ ", extraClaims=" + this.extraClaims + "]";
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
			WellFormedText.require(name, "an extraClaims name");
			copy.put(name, copyJsonValue(value, 1, name));
		});
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * A deep, unmodifiable copy of a JSON-able value of the extra claim {@code claim}; anything
	 * else, and any string or key with an unpaired surrogate, is refused.
	 */
	private static Object copyJsonValue(Object value, int depth, String claim) {
		if (depth >= StrictJsonReader.MAX_NESTING_DEPTH) {
			throw new IllegalArgumentException("extraClaims nest deeper than a parser accepts");
		}
		if (value instanceof String) {
			WellFormedText.require((String) value, "extraClaims " + Printable.prefix(claim));
			return value;
		}
		if (value instanceof BigInteger && value.toString().length() > StrictJsonReader.MAX_NUMBER_LENGTH) {
			throw new IllegalArgumentException("extraClaims " + Printable.prefix(claim) + " has a number longer than "
					+ StrictJsonReader.MAX_NUMBER_LENGTH + " characters, which a token parser refuses");
		}
		if (value == null || value instanceof Boolean || value instanceof Integer
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
				copy.add(copyJsonValue(element, depth + 1, claim));
			}
			return Collections.unmodifiableList(copy);
		}
		if (value instanceof Map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
				if (!(entry.getKey() instanceof String)) {
					throw new IllegalArgumentException("extraClaims maps must have string keys");
				}
				WellFormedText.require((String) entry.getKey(), "extraClaims " + Printable.prefix(claim));
				copy.put((String) entry.getKey(), copyJsonValue(entry.getValue(), depth + 1, claim));
			}
			return Collections.unmodifiableMap(copy);
		}
		throw new IllegalArgumentException("extraClaims cannot hold a " + value.getClass().getName()
				+ "; use strings, numbers, booleans, null, lists and maps");
	}

	/**
	 * Builds a {@link TokenRequest}; every optional value defaults to {@code null} (the
	 * generator's choice) and there are no extra claims until {@link #claim(String, Object)} adds
	 * one. The builder may be reused: each {@link #build()} copies its values. Not thread-safe.
	 */
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
		 * @param userId the user id; not blank, without unpaired surrogates
		 * @return this builder
		 */
		public Builder userId(String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * The token's {@code jti}; the secret resolver sees it too, as in PyJOAT.
		 * @param tokenId the token id; not blank, without unpaired surrogates
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
		 * @param value a string, number, boolean, {@code null}, or a list or map of those (no string
		 * or key, nor the name, may have an unpaired surrogate, and no integer more than 64
		 * characters: what a parser refuses)
		 * @return this builder
		 */
		public Builder claim(String name, @Nullable Object value) {
			this.extraClaims.put(name, value);
			return this;
		}

		/**
		 * Builds the request.
		 * @return the request
		 * @throws IllegalArgumentException naming an invalid argument
		 */
		public TokenRequest build() {
			return new TokenRequest(this);
		}

	}

}
