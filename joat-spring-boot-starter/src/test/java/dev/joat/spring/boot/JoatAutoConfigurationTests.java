package dev.joat.spring.boot;

import java.time.Clock;
import java.util.List;

import dev.joat.Credentials;
import dev.joat.SecretResolver;
import dev.joat.SecretRing;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.spring.security.JoatJwtDecoder;
import dev.joat.spring.security.JoatReactiveJwtDecoder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link JoatAutoConfiguration} contributes, when it backs off, and how it fails fast.
 */
public class JoatAutoConfigurationTests {

	public static final String SECRET = "0123456789abcdef0123456789abcdef";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class));

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class));

	@Test
	void autoConfigurationWhenSecretAndIssuerThenEveryBeanCreated() {
		this.runner.withPropertyValues("joat.issuer=https://issuer.example", "joat.secret=" + SECRET).run((context) -> {
			assertThat(context).hasSingleBean(SecretResolver.class);
			assertThat(context).hasSingleBean(TokenParser.class);
			assertThat(context).hasSingleBean(TokenGenerator.class);
			assertThat(context).getBean(JwtDecoder.class).isInstanceOf(JoatJwtDecoder.class);
			assertThat(context).hasSingleBean(JwtAuthenticationConverter.class);
			assertThat(context).doesNotHaveBean(ReactiveJwtDecoder.class);
			String token = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
			Jwt jwt = context.getBean(JwtDecoder.class).decode(token);
			assertThat(jwt.getIssuer().toString()).isEqualTo("https://issuer.example");
			assertThat(jwt.getAudience()).containsExactly("abcd");
			assertThat(jwt.getExpiresAt()).isEqualTo(jwt.getIssuedAt().plusSeconds(3600));
			assertThat(jwt.getHeaders()).containsEntry("alg", "HS256").containsEntry("typ", "JWT");
			assertThat(jwt.getClaimAsStringList("scp")).containsExactly("read");
		});
	}

	@Test
	void autoConfigurationWhenReactiveThenReactiveBeansCreated() {
		this.reactiveRunner.withPropertyValues("joat.issuer=joat", "joat.secret=" + SECRET).run((context) -> {
			assertThat(context).getBean(ReactiveJwtDecoder.class).isInstanceOf(JoatReactiveJwtDecoder.class);
			assertThat(context).hasSingleBean(ReactiveJwtAuthenticationConverter.class);
			assertThat(context).doesNotHaveBean(JwtDecoder.class);
			String token = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
			assertThat(context.getBean(ReactiveJwtDecoder.class).decode(token).block().getSubject()).isEqualTo("abcd");
		});
	}

	@Test
	void autoConfigurationWhenAcceptAnyIssuerThenParserWithoutGenerator() {
		this.runner.withPropertyValues("joat.secret=" + SECRET, "joat.accept-any-issuer=true").run((context) -> {
			assertThat(context).hasSingleBean(TokenParser.class);
			assertThat(context).doesNotHaveBean(TokenGenerator.class);
		});
	}

	@Test
	void autoConfigurationWhenUserBeansThenEachBacksOff() {
		this.runner.withPropertyValues("joat.issuer=joat", "joat.secret=" + SECRET)
			.withUserConfiguration(UserBeans.class)
			.run((context) -> {
				assertThat(context).getBean(SecretResolver.class).isSameAs(UserBeans.RESOLVER);
				assertThat(context).getBean(TokenParser.class).isSameAs(context.getBean("userParser"));
				assertThat(context).getBean(TokenGenerator.class).isSameAs(context.getBean("userGenerator"));
				assertThat(context).getBean(JwtDecoder.class).isSameAs(context.getBean("userDecoder"));
				assertThat(context).getBean(JwtAuthenticationConverter.class).isSameAs(context.getBean("userConverter"));
			});
	}

	@Test
	void autoConfigurationWhenUserSecretResolverThenNoSecretPropertyNeeded() {
		this.runner.withPropertyValues("joat.issuer=joat").withBean(SecretResolver.class, () -> SecretResolver.of(SECRET))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				String token = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
				assertThat(context.getBean(TokenParser.class).parseToken(token).clientId()).isEqualTo("abcd");
			});
	}

	@Test
	void autoConfigurationWhenSpringSecurityAbsentThenBacksOff() {
		this.runner.withPropertyValues("joat.secret=" + SECRET)
			.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(TokenParser.class);
				assertThat(context).doesNotHaveBean(JoatProperties.class);
			});
	}

	@Test
	void autoConfigurationWhenClockBeanThenParserAndGeneratorUseIt() {
		Clock past = Clock.fixed(java.time.Instant.parse("2020-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
		this.runner.withPropertyValues("joat.issuer=joat", "joat.secret=" + SECRET).withBean(Clock.class, () -> past)
			.run((context) -> {
				String token = context.getBean(TokenGenerator.class).issueToken("abcd", List.of());
				Credentials credentials = context.getBean(TokenParser.class).parseToken(token);
				assertThat(credentials.issuedAt()).isEqualTo(past.instant());
			});
	}

	@Test
	void autoConfigurationWhenNoSecretThenFailsNamingTheProperty() {
		this.runner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.isInstanceOf(JoatConfigurationException.class)
			.hasMessage("no secret is configured")
			.extracting((ex) -> ((JoatConfigurationException) ex).getAction())
			.asString()
			.contains("joat.secret", "SecretResolver bean"));
	}

	@Test
	void autoConfigurationWhenSecretTooShortThenFailsSayingHowToFix() {
		this.runner.withPropertyValues("joat.secret=the most secret hmac salt ever").run((context) -> {
			assertThat(context).hasFailed();
			JoatConfigurationException ex = rootCause(context.getStartupFailure());
			assertThat(ex.getProperty()).isEqualTo("joat.secret");
			assertThat(ex.getMessage()).isEqualTo("joat.secret is shorter than the 32 bytes HS256 requires (RFC 7518 §3.2)")
				.doesNotContain("the most secret hmac salt ever");
			assertThat(ex.getAction()).contains("joat.allow-short-secrets=true");
		});
	}

	@Test
	void autoConfigurationWhenSecretShortForHs512ThenFails() {
		this.runner.withPropertyValues("joat.secret=" + SECRET, "joat.algorithms=HS256,HS512")
			.run((context) -> assertThat(rootCause(context.getStartupFailure()).getMessage())
				.isEqualTo("joat.secret is shorter than the 64 bytes HS512 requires (RFC 7518 §3.2)"));
	}

	@Test
	void autoConfigurationWhenShortSecretAllowedThenStarts() {
		this.runner
			.withPropertyValues("joat.issuer=joat", "joat.secret=the most secret hmac salt ever",
					"joat.allow-short-secrets=true")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(TokenParser.class));
	}

	@Test
	void autoConfigurationWhenBothSecretAndBase64ThenFails() {
		this.runner.withPropertyValues("joat.secret=" + SECRET, "joat.secret-base64=" + java.util.Base64.getEncoder()
			.encodeToString(SECRET.getBytes()))
			.run((context) -> {
				JoatConfigurationException ex = rootCause(context.getStartupFailure());
				assertThat(ex.getMessage()).isEqualTo("more than one of joat.secret, joat.secret-base64 and joat.secrets is set");
				assertThat(ex.getProperty()).isEqualTo("joat.secret-base64");
			});
	}

	@Test
	void autoConfigurationWhenUnknownAlgorithmThenFails() {
		this.runner.withPropertyValues("joat.secret=" + SECRET, "joat.algorithms=HS256,RS256").run((context) -> {
			JoatConfigurationException ex = rootCause(context.getStartupFailure());
			assertThat(ex.getMessage()).isEqualTo("joat.algorithms names an unknown algorithm 'RS256'");
			assertThat(ex.getAction()).contains("HS256, HS384 or HS512");
		});
		this.runner.withPropertyValues("joat.secret=" + SECRET, "joat.algorithms=none")
			.run((context) -> assertThat(rootCause(context.getStartupFailure()).getMessage())
				.isEqualTo("joat.algorithms names an unknown algorithm 'none'"));
	}

	@Test
	void autoConfigurationWhenBase64InvalidThenFails() {
		this.runner.withPropertyValues("joat.secret-base64=not*base64")
			.run((context) -> assertThat(rootCause(context.getStartupFailure()).getMessage())
				.isEqualTo("joat.secret-base64 is not valid base64"));
	}

	@Test
	void autoConfigurationWhenSecretBase64ThenRawBytesUsed() {
		byte[] random = new byte[32];
		new java.security.SecureRandom().nextBytes(random);
		this.runner.withPropertyValues("joat.issuer=joat",
				"joat.secret-base64=" + java.util.Base64.getEncoder().encodeToString(random))
			.run((context) -> {
				String token = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
				assertThat(TokenParser.builder(SecretResolver.of(random)).build().parseToken(token).clientId())
					.isEqualTo("abcd");
			});
	}

	@Test
	void autoConfigurationWhenMaxTokenLengthNotPositiveThenFailsNamingItNotClockSkew() {
		this.runner.withPropertyValues("joat.issuer=joat", "joat.secret=" + SECRET, "joat.max-token-length=0")
			.run((context) -> {
				JoatConfigurationException ex = rootCause(context.getStartupFailure());
				assertThat(ex.getProperty()).isEqualTo("joat.max-token-length");
				assertThat(ex.getMessage()).isEqualTo("joat.max-token-length must be positive; it is 0");
				assertThat(ex.getAction()).isEqualTo("Set joat.max-token-length to a positive number of characters, e.g. 8192.");
			});
	}

	@Test
	void autoConfigurationWhenClockSkewOutOfRangeThenFailsNamingIt() {
		for (String skew : List.of("-1s", "2d")) {
			this.runner.withPropertyValues("joat.issuer=joat", "joat.secret=" + SECRET, "joat.clock-skew=" + skew)
				.run((context) -> {
					JoatConfigurationException ex = rootCause(context.getStartupFailure());
					assertThat(ex.getProperty()).isEqualTo("joat.clock-skew");
					assertThat(ex.getMessage()).isEqualTo("joat.clock-skew must be between 0s and 1d");
				});
		}
	}

	@Test
	void failureAnalyzerWhenJoatConfigurationExceptionThenDescriptionAndAction() {
		JoatConfigurationException ex = new JoatConfigurationException("joat.secret", "no secret is configured", "Set it.");
		var analysis = new JoatConfigurationFailureAnalyzer().analyze(new IllegalStateException(ex));
		assertThat(analysis.getDescription()).isEqualTo("joat is misconfigured: no secret is configured");
		assertThat(analysis.getAction()).isEqualTo("Set it.");
	}

	private static JoatConfigurationException rootCause(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof JoatConfigurationException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a JoatConfigurationException in the causes of %s", failure).isNotNull();
		return (JoatConfigurationException) cause;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final SecretResolver RESOLVER = SecretResolver.of(SECRET);

		@Bean
		SecretResolver userResolver() {
			return RESOLVER;
		}

		@Bean
		TokenParser userParser() {
			return TokenParser.builder(RESOLVER).build();
		}

		@Bean
		TokenGenerator userGenerator() {
			return TokenGenerator.builder("user", RESOLVER).build();
		}

		@Bean
		JwtDecoder userDecoder() {
			return (token) -> {
				throw new UnsupportedOperationException();
			};
		}

		@Bean
		JwtAuthenticationConverter userConverter() {
			return new JwtAuthenticationConverter();
		}

	}

}
