package dev.joat.spring.boot;

import java.util.List;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.SecretResolver;
import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.spring.boot.actuate.JoatEndpoint;
import dev.joat.spring.boot.actuate.JoatEndpointAutoConfiguration;
import dev.joat.spring.security.JwkSetKeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keys mode selected by an application-defined {@link KeySource} bean alone ("bring your own
 * keys"): the parser verifies with that bean, no secret is needed, HMAC properties beside it fail
 * naming them, and without such a bean (and without Boot's key properties) HMAC mode is unchanged.
 */
class ApplicationKeySourceConfigurationTests {

	private static final String ISSUER = "https://issuer.example";

	private static final String SECRET = "an-hmac-secret-of-at-least-32-bytes!!";

	private static final SigningKey SIGNING_KEY = SigningKey.generate(SignatureAlgorithm.ES256).withKeyId("es-1");

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class, JoatEndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=joat");

	@Test
	void decodeWhenApplicationKeySetBeanThenTokensOfItsSigningKeyVerifyAndOthersAreRefused() {
		this.runner.withPropertyValues("joat.issuer=" + ISSUER)
			.withBean(KeySet.class, () -> KeySet.of(SIGNING_KEY.verificationKey()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(SecretResolver.class);
				assertThat(context).doesNotHaveBean(TokenGenerator.class);
				assertThat(context).doesNotHaveBean(JwkSetKeySource.class);
				assertThat(context).hasSingleBean(TokenParser.class);
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				String token = TokenGenerator.builder(ISSUER, SIGNING_KEY).build().issueToken("client-1", List.of("read"));
				assertThat(decoder.decode(token).getSubject()).isEqualTo("client-1");
				SigningKey other = SigningKey.generate(SignatureAlgorithm.ES256).withKeyId("es-1");
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder
					.decode(TokenGenerator.builder(ISSUER, other).build().issueToken("client-1", List.of("read"))));
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(
						TokenGenerator.builder("https://other.example", SIGNING_KEY).build().issueToken("client-1",
								List.of("read"))));
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(TokenGenerator
					.builder(ISSUER, (header, claims) -> SECRET.getBytes(java.nio.charset.StandardCharsets.US_ASCII))
					.build()
					.issueToken("client-1", List.of("read"))));
			});
	}

	@Test
	void reportWhenApplicationKeySetBeanThenKeysFromTheApplicationKeySourceWithPublicIdentityOnly() {
		this.runner.withPropertyValues("joat.issuer=" + ISSUER)
			.withBean(KeySet.class, () -> KeySet.of(SIGNING_KEY.verificationKey()))
			.run((context) -> {
				JoatConfigurationReport report = context.getBean(JoatEndpoint.class).configuration();
				assertThat(report.keySource()).isEqualTo("application-key-source");
				assertThat(report.issuer()).isEqualTo(ISSUER);
				assertThat(report.algorithms()).containsExactly("ES256");
				assertThat(report.keys()).containsExactly(new JoatConfigurationReport.Key("es-1", "ES256", false));
				assertThat(report.summary()).contains("keys from application-key-source: [es-1 ES256]");
			});
	}

	@Test
	void contextWhenApplicationKeySourceNotAKeySetThenRs256UnlessJwsAlgorithmsSaysOtherwise() {
		KeySource keys = (kid) -> KeySet.empty();
		this.runner.withPropertyValues("joat.issuer=" + ISSUER)
			.withBean(KeySource.class, () -> keys)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JoatConfigurationReport.class).algorithms()).containsExactly("RS256");
				assertThat(context.getBean(JoatConfigurationReport.class).keys()).isEmpty();
			});
		this.runner
			.withPropertyValues("joat.issuer=" + ISSUER,
					"spring.security.oauth2.resourceserver.jwt.jws-algorithms=ES256,EdDSA")
			.withBean(KeySource.class, () -> keys)
			.run((context) -> assertThat(context.getBean(JoatConfigurationReport.class).algorithms())
				.containsExactly("ES256", "EdDSA"));
	}

	@Test
	void decodeWhenApplicationKeySetBeanAndJwsAlgorithmsElsewhereThenItsTokensAreRefused() {
		this.runner
			.withPropertyValues("joat.issuer=" + ISSUER, "spring.security.oauth2.resourceserver.jwt.jws-algorithms=RS256")
			.withBean(KeySet.class, () -> KeySet.of(SIGNING_KEY.verificationKey()))
			.run((context) -> assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> context.getBean(JwtDecoder.class)
					.decode(TokenGenerator.builder(ISSUER, SIGNING_KEY).build().issueToken("client-1", List.of("read")))));
	}

	@ParameterizedTest
	@CsvSource({ "joat.secret=" + SECRET + ", joat.secret", "joat.algorithms=HS256, joat.algorithms",
			"joat.signing-kid=k1, joat.signing-kid", "joat.allow-short-secrets=true, joat.allow-short-secrets" })
	void contextWhenApplicationKeySourceAndHmacPropertyThenFailsNamingIt(String setting, String property) {
		this.runner.withPropertyValues("joat.issuer=" + ISSUER, setting)
			.withBean(KeySet.class, () -> KeySet.of(SIGNING_KEY.verificationKey()))
			.run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).isEqualTo(property);
				assertThat(ex.getMessage()).isEqualTo(property + " is set, but the application's KeySource bean makes"
						+ " joat verify tokens signed with its public keys, not an HMAC secret");
			});
	}

	@Test
	void contextWhenApplicationKeySourceAndPropertiesOfIssuedTokensThenStartsForTheApplicationsGenerator() {
		this.runner.withPropertyValues("joat.issuer=" + ISSUER, "joat.token-lifetime=15m", "joat.profile=rfc9068",
				"joat.audiences=https://api.example")
			.withBean(KeySet.class, () -> KeySet.of(SIGNING_KEY.verificationKey()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JoatProperties properties = context.getBean(JoatProperties.class);
				assertThat(properties.getTokenLifetime()).isEqualTo(java.time.Duration.ofMinutes(15));
				assertThat(properties.getProfile()).isEqualTo(JoatProperties.Profile.RFC9068);
			});
	}

	@Test
	void contextWhenApplicationKeySourceWithoutIssuerThenFailsNamingJoatIssuer() {
		this.runner.withBean(KeySet.class, () -> KeySet.of(SIGNING_KEY.verificationKey()))
			.run((context) -> assertThat(SecretConfigurationTests.failure(context).getProperty())
				.isEqualTo("joat.issuer"));
	}

	@Test
	void contextWhenApplicationKeySourceAndAcceptAnyIssuerThenStartsWithoutIssuerCheck() {
		this.runner.withPropertyValues("joat.accept-any-issuer=true")
			.withBean(KeySet.class, () -> KeySet.of(SIGNING_KEY.verificationKey()))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(JoatConfigurationReport.class).issuer()).isNull();
				assertThat(context.getBean(JwtDecoder.class)
					.decode(TokenGenerator.builder("https://any.example", SIGNING_KEY).build().issueToken("client-1",
							List.of("read")))
					.getSubject()).isEqualTo("client-1");
			});
	}

	@Test
	void contextWhenApplicationKeySourceAndApplicationSecretResolverThenFails() {
		this.runner.withPropertyValues("joat.issuer=" + ISSUER)
			.withBean(KeySet.class, () -> KeySet.of(SIGNING_KEY.verificationKey()))
			.withBean(SecretResolver.class, () -> (header, claims) -> null)
			.run((context) -> assertThat(SecretConfigurationTests.failure(context).getMessage())
				.contains("also a SecretResolver bean"));
	}

	@Test
	void contextWhenApplicationKeySourceAndApplicationTokenGeneratorThenTheApplicationIssuesAndTheStarterVerifies() {
		this.runner.withPropertyValues("joat.issuer=" + ISSUER)
			.withBean(KeySet.class, () -> KeySet.of(SIGNING_KEY.verificationKey()))
			.withBean(TokenGenerator.class, () -> TokenGenerator.builder(ISSUER, SIGNING_KEY).build())
			.run((context) -> {
				String token = context.getBean(TokenGenerator.class).issueToken("client-1", List.of("read"));
				assertThat(context.getBean(JwtDecoder.class).decode(token).getSubject()).isEqualTo("client-1");
			});
	}

	@Test
	void contextWhenNoKeySourceBeanAndNoKeyPropertiesThenHmacModeAsBefore() {
		this.runner.withPropertyValues("joat.issuer=" + ISSUER, "joat.secret=" + SECRET).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(SecretResolver.class);
			assertThat(context).hasSingleBean(TokenGenerator.class);
			assertThat(context).doesNotHaveBean(KeySource.class);
			assertThat(context.getBean(JoatConfigurationReport.class).keySource()).isEqualTo("joat.secret");
			String token = context.getBean(TokenGenerator.class).issueToken("client-1", List.of("read"));
			assertThat(context.getBean(JwtDecoder.class).decode(token).getSubject()).isEqualTo("client-1");
		});
	}

}
