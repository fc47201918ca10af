package dev.joat.spring.boot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Makes a token's scope into authorities: each value of {@code scp} (PyJOAT's array) or of
 * {@code scope} (RFC 9068's space-delimited string, or an array as Spring also accepts), with a
 * prefix ({@code SCOPE_} by default), like Spring's {@code JwtGrantedAuthoritiesConverter}. A
 * scope holding anything but strings is an invalid token ({@code 401 invalid_token}), never a
 * {@code ClassCastException} and a 500. Thread-safe.
 */
public final class ScopeAuthoritiesConverter implements Converter<Jwt, Collection<GrantedAuthority>> {

	private final String authorityPrefix;

	/**
	 * Creates a converter.
	 * @param authorityPrefix the prefix of each authority, e.g. {@code SCOPE_}
	 */
	public ScopeAuthoritiesConverter(String authorityPrefix) {
		this.authorityPrefix = Objects.requireNonNull(authorityPrefix, "authorityPrefix cannot be null");
	}

	@Override
	public Collection<GrantedAuthority> convert(Jwt jwt) {
		Object scope = jwt.hasClaim("scp") ? jwt.getClaims().get("scp") : jwt.getClaims().get("scope");
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (scope == null) {
			return authorities;
		}
		if (scope instanceof String text) {
			for (String value : text.split(" ")) {
				if (!value.isEmpty()) {
					authorities.add(new SimpleGrantedAuthority(this.authorityPrefix + value));
				}
			}
			return authorities;
		}
		if (scope instanceof Collection<?> values) {
			for (Object value : values) {
				if (!(value instanceof String text) || text.isEmpty()) {
					throw new InvalidBearerTokenException("The token's scope holds a value that is not a scope string");
				}
				authorities.add(new SimpleGrantedAuthority(this.authorityPrefix + text));
			}
			return authorities;
		}
		throw new InvalidBearerTokenException("The token's scope is neither a string nor an array of strings");
	}

}
