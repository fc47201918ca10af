package dev.joat.spring.boot;

import java.util.List;
import java.util.Map;

import dev.joat.HmacAlgorithm;
import dev.joat.InvalidTokenException;
import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.*} properties mean with joat
 * what Boot's documentation says they mean — or stop startup when they cannot.
 */
class BootResourceServerPropertiesTests {

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private static final String SECRET_64 = JoatAutoConfigurationTests.SECRET + JoatAutoConfigurationTests.SECRET;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
		.withPropertyValues("joat.issuer=joat", "joat.secret=" + JoatAutoConfigurationTests.SECRET);

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
		.withPropertyValues("joat.issuer=joat", "joat.secret=" + JoatAutoConfigurationTests.SECRET);

	@Test
	void authorityPrefixWhenSetInBootThenUsedServletAndReactive() {
		this.runner.withPropertyValues(JWT + "authority-prefix=PERM_").run((context) -> {
			Authentication authentication = authenticate(context.getBean(JwtAuthenticationConverter.class),
					decode(context.getBean(JwtDecoder.class), token(context.getBean(TokenGenerator.class), "read")));
			assertThat(names(authentication)).contains("PERM_read").noneMatch((name) -> name.startsWith("SCOPE_"));
		});
		this.reactiveRunner.withPropertyValues(JWT + "authority-prefix=PERM_").run((context) -> {
			Jwt jwt = context.getBean(ReactiveJwtDecoder.class).decode(token(context.getBean(TokenGenerator.class), "read"))
				.block();
			Authentication authentication = context.getBean(ReactiveJwtAuthenticationConverter.class).convert(jwt).block();
			assertThat(names(authentication)).contains("PERM_read").noneMatch((name) -> name.startsWith("SCOPE_"));
		});
	}

	@Test
	void authorityPrefixWhenEmptyInBootThenNoPrefix() {
		this.runner.withPropertyValues(JWT + "authority-prefix=").run((context) -> {
			Authentication authentication = authenticate(context.getBean(JwtAuthenticationConverter.class),
					decode(context.getBean(JwtDecoder.class), token(context.getBean(TokenGenerator.class), "read")));
			assertThat(names(authentication)).contains("read").noneMatch((name) -> name.startsWith("SCOPE_"));
		});
	}

	@Test
	void authorityPrefixWhenBootAndJoatAgreeThenStarts() {
		this.runner.withPropertyValues(JWT + "authority-prefix=PERM_", "joat.authority-prefix=PERM_")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void authorityPrefixWhenBootAndJoatDisagreeThenFailsNamingBoth() {
		this.runner.withPropertyValues(JWT + "authority-prefix=PERM_", "joat.authority-prefix=SCOPE_").run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo(JWT + "authority-prefix");
			assertThat(ex.getMessage())
				.isEqualTo(JWT + "authority-prefix (PERM_) and joat.authority-prefix (SCOPE_) disagree");
			assertThat(ex.getAction()).isEqualTo("Set only one of them: Spring Boot's " + JWT + "authority-prefix wins"
					+ " over joat's default, and joat never chooses silently between two values you set.");
		});
	}

	@Test
	void principalClaimNameWhenSetInBootThenNamesThePrincipalServletAndReactive() {
		this.runner.withPropertyValues(JWT + "principal-claim-name=preferred_username").run((context) -> {
			Authentication authentication = authenticate(context.getBean(JwtAuthenticationConverter.class),
					decode(context.getBean(JwtDecoder.class), token(context.getBean(TokenGenerator.class),
							Map.of("preferred_username", "alice"))));
			assertThat(authentication.getName()).isEqualTo("alice");
		});
		this.reactiveRunner.withPropertyValues(JWT + "principal-claim-name=preferred_username").run((context) -> {
			Jwt jwt = context.getBean(ReactiveJwtDecoder.class)
				.decode(token(context.getBean(TokenGenerator.class), Map.of("preferred_username", "alice")))
				.block();
			assertThat(context.getBean(ReactiveJwtAuthenticationConverter.class).convert(jwt).block().getName())
				.isEqualTo("alice");
		});
	}

	@Test
	void principalClaimNameWhenBootAndJoatDisagreeThenFailsNamingBoth() {
		this.runner.withPropertyValues(JWT + "principal-claim-name=preferred_username", "joat.principal-claim=sub")
			.run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).isEqualTo(JWT + "principal-claim-name");
				assertThat(ex.getMessage())
					.isEqualTo(JWT + "principal-claim-name (preferred_username) and joat.principal-claim (sub) disagree");
			});
	}

	@Test
	void principalClaimWhenBlankInBootOrJoatThenFailsNamingIt() {
		this.runner.withPropertyValues(JWT + "principal-claim-name= ").run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo(JWT + "principal-claim-name");
			assertThat(ex.getMessage()).isEqualTo(JWT + "principal-claim-name is blank");
		});
		this.runner.withPropertyValues("joat.principal-claim=").run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo("joat.principal-claim");
			assertThat(ex.getMessage()).isEqualTo("joat.principal-claim is blank");
		});
	}

	@Test
	void audiencesWhenSetInBootThenRequiredOfTokens() {
		this.runner.withPropertyValues(JWT + "audiences=https://api.example,https://other.example").run((context) -> {
			JwtDecoder decoder = context.getBean(JwtDecoder.class);
			assertThat(decoder.decode(tokenFor("https://api.example")).getAudience()).containsExactly("https://api.example");
			assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(tokenFor("abcd")))
				.withMessage("Wrong audience: the token is not meant for this server");
		});
	}

	@Test
	void audiencesWhenSetInBootThenAudOfIssuedRfc9068Tokens() {
		this.runner.withPropertyValues(JWT + "audiences=https://api.example", "joat.profile=rfc9068").run((context) -> {
			String token = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
			assertThat(context.getBean(JwtDecoder.class).decode(token).getAudience()).containsExactly("https://api.example");
		});
	}

	@Test
	void audiencesWhenBootAndJoatSameInAnyOrderThenStarts() {
		this.runner.withPropertyValues(JWT + "audiences=a,b", "joat.audiences=b,a")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void audiencesWhenBootAndJoatDisagreeThenFailsNamingBoth() {
		this.runner.withPropertyValues(JWT + "audiences=https://api.example", "joat.audiences=https://other.example")
			.run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).isEqualTo(JWT + "audiences");
				assertThat(ex.getMessage()).isEqualTo(JWT + "audiences ([https://api.example]) and joat.audiences"
						+ " ([https://other.example]) disagree");
			});
	}

	@Test
	void authoritiesClaimNameAndDelimiterWhenSetInBootThenAuthoritiesFromThatClaim() {
		this.runner
			.withPropertyValues(JWT + "authorities-claim-name=roles", JWT + "authorities-claim-delimiter=,",
					JWT + "authority-prefix=ROLE_")
			.run((context) -> {
				JwtAuthenticationConverter converter = context.getBean(JwtAuthenticationConverter.class);
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				TokenGenerator generator = context.getBean(TokenGenerator.class);
				assertThat(names(authenticate(converter, decode(decoder, token(generator, Map.of("roles", "admin,ops"))))))
					.contains("ROLE_admin", "ROLE_ops")
					.noneMatch((name) -> name.endsWith("read"));
				assertThat(names(authenticate(converter,
						decode(decoder, token(generator, Map.of("roles", List.of("admin", "ops")))))))
					.contains("ROLE_admin", "ROLE_ops");
				Jwt hostile = decode(decoder, token(generator, Map.of("roles", List.of(1, 2))));
				assertThatExceptionOfType(InvalidBearerTokenException.class).isThrownBy(() -> converter.convert(hostile))
					.withMessage("The token's authorities claim holds a value that is not a string");
			});
	}

	@Test
	void authoritiesClaimNameWhenBlankThenFails() {
		this.runner.withPropertyValues(JWT + "authorities-claim-name= ").run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo(JWT + "authorities-claim-name");
			assertThat(ex.getMessage()).isEqualTo(JWT + "authorities-claim-name is blank");
		});
	}

	@Test
	void authoritiesClaimDelimiterWhenEmptyOrInvalidRegexThenFails() {
		this.runner.withPropertyValues(JWT + "authorities-claim-delimiter=").run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo(JWT + "authorities-claim-delimiter");
			assertThat(ex.getMessage()).isEqualTo(JWT + "authorities-claim-delimiter is empty");
		});
		this.runner.withPropertyValues(JWT + "authorities-claim-delimiter=[").run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getMessage()).isEqualTo(JWT + "authorities-claim-delimiter is not a valid regular expression");
			assertThat(ex.getAction()).isEqualTo("Spring Security splits the claim with it as a regular expression: put a"
					+ " special character in brackets, e.g. '[|]' to split at '|'.");
		});
	}

	@Test
	void jwsAlgorithmsWhenNarrowerThanJoatAlgorithmsThenOnlyThoseAccepted() {
		this.runner
			.withPropertyValues("joat.secret=" + SECRET_64, "joat.algorithms=HS256,HS512", JWT + "jws-algorithms=HS512")
			.run((context) -> {
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				assertThat(decoder.decode(token(HmacAlgorithm.HS512)).getHeaders()).containsEntry("alg", "HS512");
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(token(HmacAlgorithm.HS256)))
					.havingCause()
					.isInstanceOfSatisfying(InvalidTokenException.class, (ex) -> assertThat(ex.getReason())
						.isEqualTo(InvalidTokenException.Reason.UNSUPPORTED_ALGORITHM));
				String issued = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
				assertThat(decoder.decode(issued).getHeaders()).containsEntry("alg", "HS512");
			});
	}

	@Test
	void jwsAlgorithmsWhenSameAsJoatThenStarts() {
		this.runner.withPropertyValues(JWT + "jws-algorithms=HS256").run((context) -> assertThat(context).hasNotFailed());
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "none", "hs256" })
	void jwsAlgorithmsWhenNotHmacThenFails(String algorithm) {
		this.runner.withPropertyValues(JWT + "jws-algorithms=HS256," + algorithm).run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo(JWT + "jws-algorithms");
			assertThat(ex.getMessage()).isEqualTo(JWT + "jws-algorithms names '" + algorithm + "', which joat does not verify");
			assertThat(ex.getAction()).isEqualTo("joat verifies HMAC-signed tokens only: list only HS256, HS384 or HS512"
					+ " in " + JWT + "jws-algorithms (it narrows joat.algorithms), or remove it.");
		});
	}

	@Test
	void jwsAlgorithmsWhenNothingInCommonWithJoatThenFailsInsteadOfWidening() {
		this.runner.withPropertyValues(JWT + "jws-algorithms=HS512").run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo(JWT + "jws-algorithms");
			assertThat(ex.getMessage()).isEqualTo(JWT + "jws-algorithms [HS512] and joat.algorithms [HS256] have no"
					+ " algorithm in common");
			assertThat(ex.getAction()).isEqualTo("joat accepts only the algorithms of both lists: add one of [HS512] to"
					+ " joat.algorithms, or remove " + JWT + "jws-algorithms.");
		});
	}

	@Test
	void jwsAlgorithmsWhenKeyBoundToAnAlgorithmItExcludesThenFails() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
			.withPropertyValues("joat.issuer=joat", "joat.algorithms=HS256,HS512", JWT + "jws-algorithms=HS512",
					"joat.secrets[0].kid=a", "joat.secrets[0].secret=" + SECRET_64, "joat.secrets[0].algorithm=HS256")
			.run((context) -> assertThat(SecretConfigurationTests.failure(context).getMessage())
				.isEqualTo("joat.secrets[0].algorithm HS256 is not in joat.algorithms [HS512] (narrowed by " + JWT
						+ "jws-algorithms)"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "jwk-set-uri=https://idp.example/jwks", "issuer-uri=https://idp.example",
			"public-key-location=classpath:key.pub" })
	void asymmetricKeyPropertyWhenSetBesideJoatSecretThenFailsNamingBoth(String setting) {
		String name = setting.substring(0, setting.indexOf('='));
		this.runner.withPropertyValues(JWT + setting).run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo("joat.secret");
			assertThat(ex.getMessage()).isEqualTo("joat.secret is set, but " + JWT + name
					+ " makes joat verify tokens signed with the issuer's public keys, not an HMAC secret");
			assertThat(ex.getAction()).isEqualTo("Remove joat.secret to verify the issuer's tokens, or remove " + JWT
					+ name + " to verify HMAC-signed tokens with joat's secret.");
			assertThat(new JoatConfigurationFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
				.isEqualTo("joat is misconfigured: joat.secret is set, but " + JWT + name
						+ " makes joat verify tokens signed with the issuer's public keys, not an HMAC secret");
		});
	}

	private static String token(TokenGenerator generator, String scope) {
		return generator.issueToken(TokenRequest.builder("abcd", List.of(scope)).userId("1234").build());
	}

	private static String token(TokenGenerator generator, Map<String, Object> extraClaims) {
		TokenRequest.Builder request = TokenRequest.builder("abcd", List.of("read"));
		extraClaims.forEach(request::claim);
		return generator.issueToken(request.build());
	}

	private static String tokenFor(String clientId) {
		return TokenGenerator.builder("joat", SecretResolver.of(JoatAutoConfigurationTests.SECRET))
			.build()
			.issueToken(clientId, List.of("read"));
	}

	private static String token(HmacAlgorithm algorithm) {
		return TokenGenerator.builder("joat", SecretResolver.of(SECRET_64))
			.algorithm(algorithm)
			.build()
			.issueToken("abcd", List.of("read"));
	}

	private static Jwt decode(JwtDecoder decoder, String token) {
		return decoder.decode(token);
	}

	private static Authentication authenticate(JwtAuthenticationConverter converter, Jwt jwt) {
		return converter.convert(jwt);
	}

	private static List<String> names(Authentication authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

}
