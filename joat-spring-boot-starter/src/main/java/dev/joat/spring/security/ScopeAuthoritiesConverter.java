package dev.joat.spring.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import dev.joat.ScopeToken;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Makes a token's scope into authorities, like Spring's {@code JwtGrantedAuthoritiesConverter}
 * but never failing with a {@code ClassCastException} (a 500) on a hostile claim.
 *
 * <p>By default the authorities are the values of {@code scp} (PyJOAT's array) or of
 * {@code scope} (RFC 9068's space-delimited string, or an array as Spring also accepts), each an
 * RFC 6749 scope token ({@link ScopeToken}), with a prefix ({@code SCOPE_} by default). With
 * {@link Builder#authoritiesClaimName(String)} they come from that one claim instead, as Spring
 * Boot's {@code spring.security.oauth2.resourceserver.jwt.authorities-claim-name} says: a string
 * split at {@link Builder#authoritiesClaimDelimiter(String) the delimiter} (a regular expression,
 * a space by default; empty pieces are skipped) or an array of non-empty strings. A claim holding
 * anything else — numbers, objects, {@code null}, or, in {@code scp}/{@code scope}, a value that is
 * not a scope token — makes the token invalid ({@code 401 invalid_token}). Immutable and
 * thread-safe.
 */
public final class ScopeAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

	private static final Pattern SPACE = Pattern.compile(" ");

	private final String authorityPrefix;

	private final String authoritiesClaimName;

	private final Pattern authoritiesClaimDelimiter;

	private ScopeAuthoritiesConverter(Builder builder) {
		this.authorityPrefix = builder.authorityPrefix;
		this.authoritiesClaimName = builder.authoritiesClaimName;
		this.authoritiesClaimDelimiter = builder.authoritiesClaimDelimiter;
	}

	/**
	 * Starts a converter: prefix {@code SCOPE_}, claims {@code scp}/{@code scope}, delimiter a
	 * space.
	 * @return a builder, not thread-safe
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		if (this.authoritiesClaimName != null) {
			return authorities(jwt.getClaims().get(this.authoritiesClaimName), false);
		}
		return authorities(jwt.hasClaim("scp") ? jwt.getClaims().get("scp") : jwt.getClaims().get("scope"), true);
	}

	private List<GrantedAuthority> authorities(Object claim, boolean scopeTokens) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (claim == null) {
			return authorities;
		}
		if (claim instanceof String text) {
			for (String value : this.authoritiesClaimDelimiter.split(text)) {
				if (!value.isEmpty()) {
					authorities.add(authority(value, scopeTokens));
				}
			}
			return authorities;
		}
		if (claim instanceof Collection<?> values) {
			for (Object value : values) {
				if (!(value instanceof String text) || text.isEmpty()) {
					throw new InvalidBearerTokenException("The token's authorities claim holds a value that is not a string");
				}
				authorities.add(authority(text, scopeTokens));
			}
			return authorities;
		}
		throw new InvalidBearerTokenException("The token's authorities claim is neither a string nor an array of strings");
	}

	private GrantedAuthority authority(String value, boolean scopeToken) {
		if (scopeToken && !ScopeToken.isValid(value)) {
			throw new InvalidBearerTokenException("The token's scope holds a value that is not an RFC 6749 scope token");
		}
		return new SimpleGrantedAuthority(this.authorityPrefix + value);
	}

	/** Configures a {@link ScopeAuthoritiesConverter}. Not thread-safe; the converter it builds is. */
	public static final class Builder {

		private String authorityPrefix = "SCOPE_";

		private String authoritiesClaimName;

		private Pattern authoritiesClaimDelimiter = SPACE;

		private Builder() {
		}

		/**
		 * The prefix of each authority; {@code SCOPE_} by default.
		 * @param authorityPrefix the prefix, possibly empty
		 * @return this builder
		 */
		public Builder authorityPrefix(String authorityPrefix) {
			this.authorityPrefix = Objects.requireNonNull(authorityPrefix, "authorityPrefix cannot be null");
			return this;
		}

		/**
		 * The one claim the authorities come from; by default {@code scp}, or {@code scope} when
		 * there is no {@code scp}, whose values must be RFC 6749 scope tokens.
		 * @param authoritiesClaimName the claim name, not blank
		 * @return this builder
		 */
		public Builder authoritiesClaimName(String authoritiesClaimName) {
			if (authoritiesClaimName == null || authoritiesClaimName.isBlank()) {
				throw new IllegalArgumentException("authoritiesClaimName cannot be null or blank");
			}
			this.authoritiesClaimName = authoritiesClaimName;
			return this;
		}

		/**
		 * The regular expression that splits a string claim into authorities, as Spring's
		 * {@code JwtGrantedAuthoritiesConverter} uses it; a single space by default.
		 * @param authoritiesClaimDelimiter the regular expression, not empty
		 * @return this builder
		 * @throws IllegalArgumentException when it is empty or not a valid regular expression
		 */
		public Builder authoritiesClaimDelimiter(String authoritiesClaimDelimiter) {
			if (authoritiesClaimDelimiter == null || authoritiesClaimDelimiter.isEmpty()) {
				throw new IllegalArgumentException("authoritiesClaimDelimiter cannot be null or empty");
			}
			this.authoritiesClaimDelimiter = Pattern.compile(authoritiesClaimDelimiter);
			return this;
		}

		/**
		 * Builds the converter.
		 * @return an immutable, thread-safe converter
		 */
		public ScopeAuthoritiesConverter build() {
			return new ScopeAuthoritiesConverter(this);
		}

	}

}
