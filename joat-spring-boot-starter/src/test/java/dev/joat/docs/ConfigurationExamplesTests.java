package dev.joat.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.joat.InvalidTokenException;
import dev.joat.InvalidTokenException.Reason;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.TokenRequest;
import dev.joat.revocation.RevocationStore;
import dev.joat.spring.boot.JoatAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.boot.env.PropertySourceLoader;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each configuration file the site shows, loaded as an application would load it, with joat's
 * auto-configuration: the beans it makes do what the page says.
 */
class ConfigurationExamplesTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static final String SECRET_2026_01 = base64("secret-of-2026-01-0123456789abcde");

	private static final String SECRET_2026_07 = base64("secret-of-2026-07-0123456789abcde");

	@Test
	void gettingStartedWhenLoadedThenIssuesAndVerifiesTokensOfThatIssuer() {
		runner("getting-started.properties").withPropertyValues("JOAT_SECRET=" + SECRET).run((context) -> {
			String token = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
			assertThat(context.getBean(TokenParser.class).parseToken(token).provider()).isEqualTo("My OAuth2 Provider");
		});
	}

	@Test
	void rolesWhenLoadedThenAuthoritiesComeFromTheRolesClaimWithRolePrefix() {
		runner("getting-started.properties", "roles.properties").withPropertyValues("JOAT_SECRET=" + SECRET)
			.run((context) -> {
				String token = context.getBean(TokenGenerator.class)
					.issueToken(TokenRequest.builder("abcd", List.of("read")).claim("roles", List.of("admin")).build());
				List<String> authorities = context.getBean(JwtAuthenticationConverter.class)
					.convert(context.getBean(JwtDecoder.class).decode(token))
					.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
				assertThat(authorities).contains("ROLE_admin").doesNotContain("SCOPE_read", "ROLE_read");
			});
	}

	@Test
	void rotationWhenEachStepLoadedThenSignsWithItsKeyAndAcceptsWhatTheStepSays() {
		String[] environment = { "joat.issuer=My OAuth2 Provider", "JOAT_SECRET_2026_01=" + SECRET_2026_01,
				"JOAT_SECRET_2026_07=" + SECRET_2026_07 };
		String[] tokens = new String[2];
		runner("rotation-1.yml").withPropertyValues(environment).run((context) -> {
			tokens[0] = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
			assertThat(header(tokens[0])).contains("\"kid\":\"2026-01\"");
		});
		runner("rotation-2.yml").withPropertyValues(environment).run((context) -> {
			tokens[1] = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
			assertThat(header(tokens[1])).contains("\"kid\":\"2026-07\"");
			assertThat(context.getBean(TokenParser.class).parseToken(tokens[0]).clientId()).isEqualTo("abcd");
		});
		runner("rotation-3.yml").withPropertyValues(environment).run((context) -> {
			TokenParser parser = context.getBean(TokenParser.class);
			assertThat(parser.parseToken(tokens[1]).clientId()).isEqualTo("abcd");
			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(tokens[0]))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.UNKNOWN_KEY));
		});
	}

	@Test
	void rfc9068WhenLoadedThenIssuesAtJwtForTheApiAndRefusesOtherTokens() {
		runner("rfc9068.yml").withPropertyValues("joat.secret=" + SECRET).run((context) -> {
			String token = context.getBean(TokenGenerator.class).issueToken("demo-client", List.of("read"));
			assertThat(header(token)).contains("\"typ\":\"at+jwt\"");
			assertThat(payload(token)).contains("\"aud\":\"https://api.example.com\"", "\"client_id\":\"demo-client\"",
					"\"scope\":\"read\"");
			assertThat(context.getBean(TokenParser.class).parseToken(token).clientId()).isEqualTo("demo-client");
		});
	}

	@Test
	void revocationWhenLoadedThenRevokedTokenRefused() {
		runner("getting-started.properties", "revocation.yml").withPropertyValues("JOAT_SECRET=" + SECRET)
			.run((context) -> {
				String token = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
				TokenParser parser = context.getBean(TokenParser.class);
				context.getBean(RevocationStore.class)
					.revokeToken(parser.parseToken(token).tokenId(), parser.parseToken(token).expiresAt());
				assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(token))
					.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.REVOKED));
			});
	}

	/** A web application context with joat's auto-configuration and these files, as Boot loads config files. */
	static WebApplicationContextRunner runner(String... files) {
		return new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
			.withInitializer((context) -> {
				for (String file : files) {
					PropertySourceLoader loader = file.endsWith(".yml") ? new YamlPropertySourceLoader()
							: new PropertiesPropertySourceLoader();
					try {
						for (PropertySource<?> source : loader.load(file, new ClassPathResource("dev/joat/docs/" + file))) {
							context.getEnvironment().getPropertySources().addLast(source);
						}
					}
					catch (IOException ex) {
						throw new UncheckedIOException(ex);
					}
				}
			});
	}

	private static String base64(String secret) {
		return Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
	}

	private static String header(String token) {
		return decode(token.split("\\.")[0]);
	}

	private static String payload(String token) {
		return decode(token.split("\\.")[1]);
	}

	private static String decode(String segment) {
		return new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
	}

}
