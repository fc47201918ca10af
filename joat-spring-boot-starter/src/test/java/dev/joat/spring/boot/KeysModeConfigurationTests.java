package dev.joat.spring.boot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import dev.joat.KeySource;
import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.spring.security.JoatReactiveJwtDecoder;
import dev.joat.spring.security.JwkSetKeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Keys mode from Spring Boot's {@code issuer-uri}, {@code jwk-set-uri} and
 * {@code public-key-location}, at start-up: the beans it makes, a PEM public key that verifies, and
 * every misconfiguration failing with a message that names the property.
 */
class KeysModeConfigurationTests {

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private static final String JWKS = JWT + "jwk-set-uri=https://idp.example/jwks";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void contextWhenJwkSetUriThenJwkSetKeySourceAndNoHmacBeans() {
		this.runner.withPropertyValues(JWKS, "joat.issuer=https://idp.example").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(JwkSetKeySource.class);
			assertThat(context).doesNotHaveBean(SecretResolver.class);
			assertThat(context).doesNotHaveBean(TokenGenerator.class);
			assertThat(context.getBean(JoatConfigurationReport.class).keySource()).isEqualTo(JWT + "jwk-set-uri");
			assertThat(context.getBean(JoatConfigurationReport.class).algorithms()).containsExactly("RS256");
		});
	}

	/**
	 * Spring Boot 4.1 builds a {@code ReactiveJwtDecoder} from the key properties in a servlet
	 * application too, whenever Reactor is on the class path (here: WebFlux is a test dependency),
	 * and cannot read {@code jws-algorithms: EdDSA}; joat's stands in its place, so Boot's backs off.
	 */
	@Test
	void contextWhenServletAndJwkSetUriWithReactorThenJoatsReactiveDecoderToo() {
		this.runner.withPropertyValues(JWKS, JWT + "jws-algorithms=EdDSA", "joat.issuer=https://idp.example")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(ReactiveJwtDecoder.class).isInstanceOf(JoatReactiveJwtDecoder.class);
				assertThat(context).hasSingleBean(JwkSetKeySource.class);
			});
	}

	@Test
	void contextWhenApplicationKeySourceThenItIsUsed() {
		KeySource keys = (kid) -> dev.joat.KeySet.empty();
		this.runner.withPropertyValues(JWKS, "joat.issuer=https://idp.example")
			.withBean(KeySource.class, () -> keys)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(JwkSetKeySource.class);
				assertThat(context.getBean(KeySource.class)).isSameAs(keys);
			});
	}

	@Test
	void decodeWhenPublicKeyLocationRsaThenTokenOfThatKeyVerifies() throws Exception {
		KeyPair rsa = JwksTestServer.generate("RSA");
		Path pem = write("issuer.pub", JwksTestServer.pem(rsa));
		this.runner.withPropertyValues(JWT + "public-key-location=file:" + pem, "joat.issuer=https://idp.example")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				Jwt jwt = decoder.decode(JwksTestServer.token(JWSAlgorithm.RS256, "any", new RSASSASigner(rsa.getPrivate()),
						"https://idp.example", java.time.Instant.now().plusSeconds(600)));
				assertThat(jwt.getSubject()).isEqualTo("client-1");
				KeyPair other = JwksTestServer.generate("RSA");
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(JwksTestServer.token(
						JWSAlgorithm.RS256, "any", new RSASSASigner(other.getPrivate()), "https://idp.example",
						java.time.Instant.now().plusSeconds(600))));
				assertThat(context.getBean(JoatConfigurationReport.class).keys()).hasSize(1);
				assertThat(context.getBean(JoatConfigurationReport.class).toString()).doesNotContain(
						java.util.Base64.getEncoder().encodeToString(rsa.getPublic().getEncoded()).substring(40, 80));
			});
	}

	@Test
	void contextWhenPublicKeyLocationEcAndEs256ThenStarts() throws Exception {
		Path pem = write("ec.pub", JwksTestServer.pem(JwksTestServer.generate("EC")));
		this.runner.withPropertyValues(JWT + "public-key-location=file:" + pem, JWT + "jws-algorithms=ES256",
				"joat.accept-any-issuer=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void contextWhenPublicKeyLocationEd25519AndEdDsaThenKeyBoundToEdDsa() throws Exception {
		KeyPair ed25519 = java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		Path pem = write("ed.pub", JwksTestServer.pem(ed25519));
		this.runner.withPropertyValues(JWT + "public-key-location=file:" + pem, JWT + "jws-algorithms=EdDSA",
				"joat.issuer=https://idp.example")
			.run((context) -> assertThat(context.getBean(JoatConfigurationReport.class).keys())
				.singleElement()
				.satisfies((key) -> assertThat(key.algorithm()).isEqualTo("EdDSA")));
	}

	@Test
	void decodeWhenPublicKeyLocationAndIssuerUriThenIssuerCheckedWithoutDiscovery() throws Exception {
		KeyPair rsa = JwksTestServer.generate("RSA");
		Path pem = write("issuer.pub", JwksTestServer.pem(rsa));
		this.runner.withPropertyValues(JWT + "public-key-location=file:" + pem, JWT + "issuer-uri=https://idp.example")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(JwkSetKeySource.class);
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				assertThat(decoder.decode(JwksTestServer.token(JWSAlgorithm.RS256, "any",
						new RSASSASigner(rsa.getPrivate()), "https://idp.example", java.time.Instant.now().plusSeconds(600)))
					.getIssuer()).hasToString("https://idp.example");
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(JwksTestServer.token(
						JWSAlgorithm.RS256, "any", new RSASSASigner(rsa.getPrivate()), "https://other.example",
						java.time.Instant.now().plusSeconds(600))));
			});
	}

	@Test
	void contextWhenJwkSetUriAndIssuerUriThenKeysFromJwkSetUriAndIssuerFromIssuerUri() {
		this.runner.withPropertyValues(JWKS, JWT + "issuer-uri=https://idp.example").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(JwkSetKeySource.class).status().source())
				.hasToString("https://idp.example/jwks");
			assertThat(context.getBean(JoatConfigurationReport.class).issuer()).isEqualTo("https://idp.example");
		});
	}

	@Test
	void contextWhenPublicKeyLocationEcButRs256ThenFailsNamingProperty() throws Exception {
		Path pem = write("ec.pub", JwksTestServer.pem(JwksTestServer.generate("EC")));
		this.runner.withPropertyValues(JWT + "public-key-location=file:" + pem, "joat.issuer=https://idp.example")
			.run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).isEqualTo(JWT + "public-key-location");
				assertThat(ex.getMessage()).startsWith(JWT + "public-key-location holds an EC key, which fits none of"
						+ " the algorithms [RS256]");
			});
	}

	@Test
	void contextWhenPublicKeyLocationMissingThenFailsNamingProperty() {
		this.runner.withPropertyValues(JWT + "public-key-location=file:" + this.directory.resolve("absent.pub"),
				"joat.issuer=https://idp.example").run((context) -> {
					JoatConfigurationException ex = SecretConfigurationTests.failure(context);
					assertThat(ex.getProperty()).isEqualTo(JWT + "public-key-location");
					assertThat(ex.getMessage()).endsWith("cannot be read");
				});
	}

	@Test
	void contextWhenPublicKeyLocationNotPemThenFailsNamingProperty() throws Exception {
		Path notPem = write("private.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
		this.runner.withPropertyValues(JWT + "public-key-location=file:" + notPem, "joat.issuer=https://idp.example")
			.run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).isEqualTo(JWT + "public-key-location");
				assertThat(ex.getMessage()).contains("holds no PEM \"PUBLIC KEY\"");
			});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			spring.security.oauth2.resourceserver.jwt.jws-algorithms=HS256 | spring.security.oauth2.resourceserver.jwt.jws-algorithms | names 'HS256', which joat does not verify with an issuer's public keys
			spring.security.oauth2.resourceserver.jwt.jws-algorithms=RS257 | spring.security.oauth2.resourceserver.jwt.jws-algorithms | names 'RS257'
			joat.algorithms=HS256 | joat.algorithms | joat.algorithms is set, but spring.security.oauth2.resourceserver.jwt.jwk-set-uri makes joat verify
			joat.secrets[0].kid=a | joat.secrets | joat.secrets is set, but
			joat.secret-base64=c2VjcmV0 | joat.secret-base64 | joat.secret-base64 is set, but
			joat.allow-short-secrets=true | joat.allow-short-secrets | joat.allow-short-secrets is set, but
			joat.signing-kid=a | joat.signing-kid | joat.signing-kid is set, but
			joat.token-lifetime=2h | joat.token-lifetime | joat.token-lifetime is set, but spring.security.oauth2.resourceserver.jwt.jwk-set-uri makes joat verify the issuer's tokens and issue none, so it would have no effect
			joat.token-lifetime=1h | joat.token-lifetime | joat.token-lifetime is set, but
			joat.profile=rfc9068 | joat.profile | joat.profile is set, but spring.security.oauth2.resourceserver.jwt.jwk-set-uri makes joat verify the issuer's tokens and issue none
			joat.profile=pyjoat | joat.profile | joat.profile is set, but
			joat.jwks.refresh-interval=0s | joat.jwks.refresh-interval | joat.jwks.refresh-interval must be a positive duration
			joat.jwks.minimum-refresh-interval=10m | joat.jwks.minimum-refresh-interval | is longer than joat.jwks.refresh-interval
			joat.jwks.max-staleness=5m | joat.jwks.max-staleness | must be longer than joat.jwks.refresh-interval
			joat.jwks.unknown-key-wait=-1s | joat.jwks.unknown-key-wait | must be zero or positive
			joat.jwks.connect-timeout=0s | joat.jwks.connect-timeout | must be a positive duration
			joat.jwks.read-timeout=-5s | joat.jwks.read-timeout | must be a positive duration
			joat.jwks.max-size=0B | joat.jwks.max-size | must be a positive size
			joat.jwks.max-keys=0 | joat.jwks.max-keys | must be positive
			joat.jwks.await-first-keys=-1s | joat.jwks.await-first-keys | must be zero or positive
			""")
	void contextWhenJwkSetUriAndBadSettingThenFailsNamingProperty(String setting, String property, String message) {
		this.runner.withPropertyValues(JWKS, "joat.issuer=https://idp.example", setting).run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo(property);
			assertThat(ex.getMessage()).contains(message);
		});
	}

	@Test
	void contextWhenPublicKeyLocationAndTokenLifetimeThenFailsSayingHowToFix() throws Exception {
		Path pem = write("issuer.pub", JwksTestServer.pem(JwksTestServer.generate("RSA")));
		this.runner.withPropertyValues(JWT + "public-key-location=file:" + pem, "joat.issuer=https://idp.example",
				"joat.token-lifetime=15m")
			.run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).isEqualTo("joat.token-lifetime");
				assertThat(ex.getAction()).isEqualTo("Remove joat.token-lifetime (the issuer decides what its tokens"
						+ " carry), or remove " + JWT + "public-key-location to issue and verify HMAC-signed tokens with"
						+ " joat's secret.");
			});
	}

	@Test
	void contextWhenIssuerUriAndProfileThenFailsPointingToRequireAtJwt() {
		this.runner.withPropertyValues(JWT + "issuer-uri=https://idp.example", "joat.profile=rfc9068",
				"joat.audiences=https://api.example")
			.run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).isEqualTo("joat.profile");
				assertThat(ex.getMessage()).startsWith("joat.profile is set, but " + JWT + "issuer-uri makes joat");
				assertThat(ex.getAction()).endsWith("To accept only RFC 9068 access tokens (typ at+jwt) of the issuer,"
						+ " set joat.require-at-jwt=true instead.");
			});
	}

	@Test
	void decodeWhenPublicKeyLocationAndRequireAtJwtThenOnlyAtJwtTypedTokensVerify() throws Exception {
		KeyPair rsa = JwksTestServer.generate("RSA");
		Path pem = write("issuer.pub", JwksTestServer.pem(rsa));
		this.runner.withPropertyValues(JWT + "public-key-location=file:" + pem, "joat.issuer=https://idp.example",
				"joat.require-at-jwt=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> decoder.decode(JwksTestServer.token(
						JWSAlgorithm.RS256, "any", new RSASSASigner(rsa.getPrivate()), "https://idp.example",
						java.time.Instant.now().plusSeconds(600))));
				assertThat(decoder.decode(JwksTestServer.token(JWSAlgorithm.RS256, new com.nimbusds.jose.JOSEObjectType(
						"at+jwt"), "any", new RSASSASigner(rsa.getPrivate()), "https://idp.example",
						java.time.Instant.now().plusSeconds(600))).getSubject()).isEqualTo("client-1");
			});
	}

	@Test
	void contextWhenIssuerUriAndJoatIssuerDisagreeThenFailsNamingBoth() {
		this.runner.withPropertyValues(JWT + "issuer-uri=https://idp.example", "joat.issuer=https://other.example")
			.run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).isEqualTo(JWT + "issuer-uri");
				assertThat(ex.getMessage()).isEqualTo(JWT + "issuer-uri (https://idp.example) and joat.issuer"
						+ " (https://other.example) disagree");
			});
	}

	@Test
	void contextWhenIssuerUriAndJoatIssuerAgreeThenStarts() {
		this.runner.withPropertyValues(JWT + "issuer-uri=https://idp.example", "joat.issuer=https://idp.example")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void contextWhenIssuerUriAndAcceptAnyIssuerThenFails() {
		this.runner.withPropertyValues(JWT + "issuer-uri=https://idp.example", "joat.accept-any-issuer=true")
			.run((context) -> assertThat(SecretConfigurationTests.failure(context).getProperty())
				.isEqualTo("joat.accept-any-issuer"));
	}

	@Test
	void contextWhenJwkSetUriWithoutIssuerThenFailsNamingJoatIssuer() {
		this.runner.withPropertyValues(JWKS).run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo("joat.issuer");
			assertThat(ex.getAction()).contains(JWT + "issuer-uri");
		});
	}

	@Test
	void contextWhenJwkSetUriPlainHttpOnRemoteHostThenFailsUnlessAllowed() {
		this.runner.withPropertyValues(JWT + "jwk-set-uri=http://idp.example/jwks", "joat.issuer=https://idp.example")
			.run((context) -> assertThat(SecretConfigurationTests.failure(context).getProperty())
				.isEqualTo(JWT + "jwk-set-uri"));
		this.runner
			.withPropertyValues(JWT + "jwk-set-uri=http://idp.example/jwks", "joat.issuer=https://idp.example",
					"joat.jwks.allow-insecure-http=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void contextWhenPublicKeyLocationAndJwkSetUriThenFails() {
		this.runner.withPropertyValues(JWKS, JWT + "public-key-location=classpath:key.pub",
				"joat.issuer=https://idp.example")
			.run((context) -> assertThat(SecretConfigurationTests.failure(context).getProperty())
				.isEqualTo(JWT + "public-key-location"));
	}

	@Test
	void contextWhenKeysModeAndApplicationSecretResolverThenFailsNamingProperty() {
		this.runner.withPropertyValues(JWKS, "joat.issuer=https://idp.example")
			.withBean(SecretResolver.class, () -> SecretResolver.of(new byte[32]))
			.run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).isEqualTo(JWT + "jwk-set-uri");
				assertThat(ex.getMessage()).contains("SecretResolver bean");
			});
	}

	@Test
	void contextWhenAwaitFirstKeysAndIssuerDownThenFailsNamingProperty() throws Exception {
		try (JwksTestServer issuer = new JwksTestServer(false)) {
			this.runner
				.withPropertyValues(JWT + "jwk-set-uri=" + issuer.jwkSetUri(), "joat.issuer=" + issuer.issuer(),
						"joat.jwks.await-first-keys=1s")
				.run((context) -> {
					JoatConfigurationException ex = SecretConfigurationTests.failure(context);
					assertThat(ex.getProperty()).isEqualTo("joat.jwks.await-first-keys");
					assertThat(ex.getMessage()).contains("status 503");
				});
		}
	}

	private Path write(String name, String content) throws Exception {
		return Files.writeString(this.directory.resolve(name), content);
	}

}
