package dev.joat.spring.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link ScopeAuthoritiesConverter}: Spring's mapping of a scope (or of Boot's configured
 * authorities claim) to authorities, RFC 6749 scope tokens only, never a 500 on hostile claims.
 */
class ScopeAuthoritiesConverterTests {

	private final ScopeAuthoritiesConverter converter = ScopeAuthoritiesConverter.builder().build();

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
		assertThat(names(ScopeAuthoritiesConverter.builder().authorityPrefix("").build().convert(jwt("scp", List.of("read"))))).containsExactly("read");
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

	@ParameterizedTest
	@ValueSource(strings = { "read\u00a0", "re\u200bad", "\"read\"", "read\\", "caf\u00e9", "read\n" })
	void convertWhenScopeValueIsNotAnRfc6749ScopeTokenThenInvalidBearerToken(String value) {
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> this.converter.convert(jwt("scp", List.of("read", value))))
			.withMessage("The token's scope holds a value that is not an RFC 6749 scope token");
		assertThatExceptionOfType(InvalidBearerTokenException.class)
			.isThrownBy(() -> this.converter.convert(jwt("scope", "read " + value)))
			.withMessage("The token's scope holds a value that is not an RFC 6749 scope token");
	}

	@Test
	void convertWhenScpHoldsEveryScopeTokenCharacterThenAccepted() {
		List<String> scope = new ArrayList<>();
		for (char c = 0x21; c <= 0x7E; c++) {
			if (c != '"' && c != '\\') {
				scope.add(c + "x");
			}
		}
		assertThat(names(this.converter.convert(jwt("scp", scope)))).hasSize(92)
			.containsExactlyElementsOf(scope.stream().map((value) -> "SCOPE_" + value).toList());
	}

	@Test
	void convertWhenScopeStringHasRepeatedSpacesThenNoEmptyAuthority() {
		assertThat(names(this.converter.convert(jwt("scope", " read  profile ")))).containsExactly("SCOPE_read",
				"SCOPE_profile");
	}

	@Test
	void convertWhenAuthoritiesClaimNameThenThatClaimOnlyAsSpringDoes() {
		ScopeAuthoritiesConverter roles = ScopeAuthoritiesConverter.builder()
			.authorityPrefix("ROLE_")
			.authoritiesClaimName("roles")
			.build();
		JwtGrantedAuthoritiesConverter spring = new JwtGrantedAuthoritiesConverter();
		spring.setAuthorityPrefix("ROLE_");
		spring.setAuthoritiesClaimName("roles");
		Jwt jwt = Jwt.withTokenValue("t")
			.header("alg", "HS256")
			.claim("roles", List.of("admin", "Domain Users"))
			.claim("scp", List.of("read"))
			.build();
		assertThat(names(roles.convert(jwt))).containsExactly("ROLE_admin", "ROLE_Domain Users")
			.containsExactlyElementsOf(names(spring.convert(jwt)));
		assertThat(roles.convert(jwt("scp", List.of("read")))).isEmpty();
	}

	@Test
	void convertWhenAuthoritiesClaimDelimiterThenStringSplitAtItAsSpringDoes() {
		ScopeAuthoritiesConverter groups = ScopeAuthoritiesConverter.builder()
			.authoritiesClaimName("groups")
			.authoritiesClaimDelimiter(",\\s*")
			.build();
		JwtGrantedAuthoritiesConverter spring = new JwtGrantedAuthoritiesConverter();
		spring.setAuthoritiesClaimName("groups");
		spring.setAuthoritiesClaimDelimiter(",\\s*");
		Jwt jwt = jwt("groups", "admin, ops,dev");
		assertThat(names(groups.convert(jwt))).containsExactly("SCOPE_admin", "SCOPE_ops", "SCOPE_dev")
			.containsExactlyElementsOf(names(spring.convert(jwt)));
	}

	@Test
	void convertWhenAuthoritiesClaimHoldsNumbersOrObjectsThenInvalidBearerTokenNotClassCast() {
		ScopeAuthoritiesConverter roles = ScopeAuthoritiesConverter.builder().authoritiesClaimName("roles").build();
		List<Object> withNull = new ArrayList<>(List.of("admin"));
		withNull.add(null);
		for (Object hostile : List.of(List.of(1, 2), List.of("admin", Map.of("a", "b")), List.of(""), withNull)) {
			assertThatExceptionOfType(InvalidBearerTokenException.class).as("roles %s", hostile)
				.isThrownBy(() -> roles.convert(jwt("roles", hostile)))
				.withMessage("The token's authorities claim holds a value that is not a string");
		}
		for (Object hostile : List.of(42, Map.of("admin", true), true)) {
			assertThatExceptionOfType(InvalidBearerTokenException.class).as("roles %s", hostile)
				.isThrownBy(() -> roles.convert(jwt("roles", hostile)))
				.withMessage("The token's authorities claim is neither a string nor an array of strings");
		}
		JwtGrantedAuthoritiesConverter spring = new JwtGrantedAuthoritiesConverter();
		spring.setAuthoritiesClaimName("roles");
		// Spring's own converter fails with a ClassCastException here, which becomes a 500.
		assertThatExceptionOfType(ClassCastException.class).isThrownBy(() -> spring.convert(jwt("roles", List.of(1, 2))));
	}

	@Test
	void builderWhenBlankClaimNameOrEmptyOrInvalidDelimiterThenIllegalArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> ScopeAuthoritiesConverter.builder().authoritiesClaimName(" "))
			.withMessage("authoritiesClaimName cannot be null or blank");
		assertThatIllegalArgumentException().isThrownBy(() -> ScopeAuthoritiesConverter.builder().authoritiesClaimDelimiter(""))
			.withMessage("authoritiesClaimDelimiter cannot be null or empty");
		assertThatIllegalArgumentException().isThrownBy(() -> ScopeAuthoritiesConverter.builder().authoritiesClaimDelimiter("["));
	}

	private static Jwt jwt(String claim, Object value) {
		return Jwt.withTokenValue("t").header("alg", "HS256").claim(claim, value).claim("sub", "1234").build();
	}

	private static List<String> names(Collection<GrantedAuthority> authorities) {
		return authorities.stream().map(GrantedAuthority::getAuthority).toList();
	}

}
