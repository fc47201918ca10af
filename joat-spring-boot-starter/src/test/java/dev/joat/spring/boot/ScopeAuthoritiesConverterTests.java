package dev.joat.spring.boot;

import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScopeAuthoritiesConverterTests {

	private final ScopeAuthoritiesConverter converter = new ScopeAuthoritiesConverter("SCOPE_");

	private final JwtGrantedAuthoritiesConverter spring = new JwtGrantedAuthoritiesConverter();

	@Test
	void convertWhenScpArrayThenPrefixedAuthoritiesAsSpringDoes() {
		Jwt jwt = jwt("scp", List.of("profile", "read"));
		assertThat(names(this.converter.convert(jwt))).containsExactly("SCOPE_profile", "SCOPE_read");
		assertThat(names(this.converter.convert(jwt))).containsExactlyInAnyOrderElementsOf(names(this.spring.convert(jwt)));
	}

	@Test
	void convertWhenScopeStringThenSplitAtSpacesAsSpringDoes() {
		Jwt jwt = jwt("scope", "read profile");
		assertThat(names(this.converter.convert(jwt))).containsExactly("SCOPE_read", "SCOPE_profile");
		assertThat(names(this.converter.convert(jwt))).containsExactlyInAnyOrderElementsOf(names(this.spring.convert(jwt)));
	}

	@Test
	void convertWhenScopeArrayThenAcceptedAsSpringDoes() {
		Jwt jwt = jwt("scope", List.of("read"));
		assertThat(names(this.converter.convert(jwt))).containsExactly("SCOPE_read")
			.containsExactlyElementsOf(names(this.spring.convert(jwt)));
	}

	@Test
	void convertWhenNoScopeThenNoAuthorities() {
		assertThat(this.converter.convert(jwt("other", "x"))).isEmpty();
	}

	@Test
	void convertWhenCustomPrefixThenUsed() {
		assertThat(names(new ScopeAuthoritiesConverter("").convert(jwt("scp", List.of("read"))))).containsExactly("read");
	}

	@Test
	void convertWhenScopeHoldsNumbersThenInvalidBearerTokenNotClassCast() {
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> this.converter.convert(jwt("scp", List.of(1, 2))));
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> this.converter.convert(jwt("scp", 42)));
		// Spring's own converter fails with a ClassCastException here, which becomes a 500.
		assertThatExceptionOfType(ClassCastException.class).isThrownBy(() -> this.spring.convert(jwt("scp", List.of(1, 2))));
	}

	private static Jwt jwt(String claim, Object value) {
		return Jwt.withTokenValue("t").header("alg", "HS256").claim(claim, value).claim("sub", "1234").build();
	}

	private static List<String> names(Collection<GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).toList();
	}

}
