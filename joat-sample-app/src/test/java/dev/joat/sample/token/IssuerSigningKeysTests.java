package dev.joat.sample.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Where the sample's signing key comes from, and how a wrong setting stops start-up naming the
 * property, without quoting key material.
 */
class IssuerSigningKeysTests {

	@TempDir
	Path directory;

	private final Log logger = mock(Log.class);

	@Test
	void loadWhenPemWithPrivateAndPublicBlocksThenThatKeyWithItsThumbprintAsKid() throws Exception {
		KeyPair keyPair = p256();
		SigningKeyProperties properties = properties(pem(keyPair, true, true));

		IssuerSigningKey key = IssuerSigningKeys.load(SignatureAlgorithm.ES256, properties, this.logger);

		String thumbprint = SigningKey.of(SignatureAlgorithm.ES256, keyPair).thumbprint();
		assertThat(key.key().keyId()).isEqualTo(thumbprint);
		assertThat(key.key().thumbprint()).isEqualTo(thumbprint);
		assertThat(key.source()).isEqualTo("joat.sample.signing-key.location");
		verify(this.logger, never()).warn(anyString());
	}

	@Test
	void loadWhenKeyIdConfiguredThenItIsTheKid() throws Exception {
		SigningKeyProperties properties = properties(pem(p256(), true, true));
		properties.setKeyId("2026-12");

		assertThat(IssuerSigningKeys.load(SignatureAlgorithm.ES256, properties, this.logger).key().keyId())
			.isEqualTo("2026-12");
	}

	@Test
	void loadWhenNoKeyConfiguredThenGeneratedAndOneWarnWithoutKeyMaterial() {
		IssuerSigningKey key = IssuerSigningKeys.load(SignatureAlgorithm.EdDSA, new SigningKeyProperties(), this.logger);

		assertThat(key.source()).isEqualTo(IssuerSigningKey.GENERATED);
		assertThat(key.key().keyId()).isEqualTo(key.key().thumbprint());
		verify(this.logger, times(1)).warn(anyString());
		assertThat(key.toString()).contains(key.key().thumbprint()).doesNotContain("PRIVATE");
	}

	@Test
	void loadWhenPemHoldsAnEcKeyButAlgorithmIsRs256ThenRefusedNamingLocation() throws Exception {
		SigningKeyProperties properties = properties(pem(p256(), true, true));

		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> IssuerSigningKeys.load(SignatureAlgorithm.RS256, properties, this.logger))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("joat.sample.signing-key.location"))
			.withMessageContaining("joat.sample.signing-algorithm");
	}

	@Test
	void loadWhenPemHasOnlyThePublicKeyThenRefusedNamingLocation() throws Exception {
		SigningKeyProperties properties = properties(pem(p256(), false, true));

		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> IssuerSigningKeys.load(SignatureAlgorithm.ES256, properties, this.logger))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("joat.sample.signing-key.location"));
	}

	@Test
	void loadWhenEcPemWithoutPublicBlockThenRefusedNamingLocationWithoutQuotingTheKey() throws Exception {
		KeyPair keyPair = p256();
		SigningKeyProperties properties = properties(pem(keyPair, true, false));
		String privateBase64 = Base64.getEncoder().encodeToString(keyPair.getPrivate().getEncoded());

		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> IssuerSigningKeys.load(SignatureAlgorithm.ES256, properties, this.logger))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("joat.sample.signing-key.location"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(privateBase64.substring(0, 24)));
	}

	@Test
	void loadWhenFileIsMissingThenRefusedNamingLocation() {
		SigningKeyProperties properties = properties(this.directory.resolve("missing.pem"));

		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> IssuerSigningKeys.load(SignatureAlgorithm.ES256, properties, this.logger))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("joat.sample.signing-key.location"))
			.withMessageContaining("cannot be read");
	}

	@Test
	void loadWhenPkcs12KeystoreOfKeytoolThenItsKey() throws Exception {
		Path keystore = keytool("EC", "-groupname", "secp256r1");
		SigningKeyProperties properties = new SigningKeyProperties();
		properties.getKeystore().setLocation(new FileSystemResource(keystore));
		properties.getKeystore().setPassword("changeit");

		IssuerSigningKey key = IssuerSigningKeys.load(SignatureAlgorithm.ES256, properties, this.logger);

		assertThat(key.source()).isEqualTo("joat.sample.signing-key.keystore");
		assertThat(key.key().algorithm()).isEqualTo(SignatureAlgorithm.ES256);
	}

	@Test
	void loadWhenPkcs12PasswordWrongThenRefusedNamingKeystoreWithoutThePassword() throws Exception {
		Path keystore = keytool("EC", "-groupname", "secp256r1");
		SigningKeyProperties properties = new SigningKeyProperties();
		properties.getKeystore().setLocation(new FileSystemResource(keystore));
		properties.getKeystore().setPassword("wrong-password-1");

		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> IssuerSigningKeys.load(SignatureAlgorithm.ES256, properties, this.logger))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("joat.sample.signing-key.keystore.location"))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("wrong-password-1"));
		assertThat(properties.toString()).doesNotContain("wrong-password-1");
	}

	@Test
	void loadWhenPemAndKeystoreBothSetThenRefused() throws Exception {
		SigningKeyProperties properties = properties(pem(p256(), true, true));
		properties.getKeystore().setLocation(new FileSystemResource(this.directory.resolve("any.p12")));

		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> IssuerSigningKeys.load(SignatureAlgorithm.ES256, properties, this.logger))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("joat.sample.signing-key.keystore.location"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "HS512", "ES384", "none", "PS256" })
	void algorithmWhenNotOfferedThenRefusedNamingTheProperty(String value) {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> SigningAlgorithmSetting.algorithm(value))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("joat.sample.signing-algorithm"))
			.withMessageContaining("ES256, EdDSA or RS256");
	}

	@Test
	void algorithmWhenOfferedThenMatchedIgnoringCase() {
		assertThat(SigningAlgorithmSetting.algorithm("HS256")).isNull();
		assertThat(SigningAlgorithmSetting.algorithm(null)).isNull();
		assertThat(SigningAlgorithmSetting.algorithm("es256")).isEqualTo(SignatureAlgorithm.ES256);
		assertThat(SigningAlgorithmSetting.algorithm("EdDSA")).isEqualTo(SignatureAlgorithm.EdDSA);
		assertThat(SigningAlgorithmSetting.algorithm("RS256")).isEqualTo(SignatureAlgorithm.RS256);
		assertThat(SigningAlgorithmSetting.isAsymmetric(new MockEnvironment())).isFalse();
		assertThat(SigningAlgorithmSetting.isAsymmetric(
				new MockEnvironment().withProperty(SigningAlgorithmSetting.PROPERTY, "hs256"))).isFalse();
		assertThat(SigningAlgorithmSetting.isAsymmetric(
				new MockEnvironment().withProperty(SigningAlgorithmSetting.PROPERTY, "ES256"))).isTrue();
	}

	@Test
	void asMapWhenSignedWithAPrivateKeyThenJwksUriAfterTheTokenEndpointAndNoneOtherwise() {
		SampleClientsProperties clients = new SampleClientsProperties();
		SampleClientsProperties.Client client = new SampleClientsProperties.Client();
		client.setId("demo-client");
		client.setSecret("{noop}demo-secret");
		client.setScopes(List.of("read"));
		clients.setClients(List.of(client));
		ClientRegistry registry = new ClientRegistry(clients, PasswordEncoderFactories.createDelegatingPasswordEncoder());

		AuthorizationServerMetadata asymmetric = new AuthorizationServerMetadata("https://auth.example.com", registry,
				true, true);
		AuthorizationServerMetadata hmac = new AuthorizationServerMetadata("https://auth.example.com", registry, true);

		assertThat(new ArrayList<>(asymmetric.asMap().keySet())).startsWith("issuer", "token_endpoint", "jwks_uri");
		assertThat(asymmetric.asMap()).containsEntry("jwks_uri", "https://auth.example.com/oauth2/jwks");
		assertThat(asymmetric.jwksUri()).isEqualTo("https://auth.example.com/oauth2/jwks");
		assertThat(hmac.asMap()).doesNotContainKey("jwks_uri");
		assertThat(hmac.jwksUri()).isNull();
	}

	private static SigningKeyProperties properties(Path pem) {
		SigningKeyProperties properties = new SigningKeyProperties();
		properties.setLocation(new FileSystemResource(pem));
		return properties;
	}

	private static KeyPair p256() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	private Path pem(KeyPair keyPair, boolean withPrivate, boolean withPublic) throws IOException {
		StringBuilder pem = new StringBuilder();
		if (withPrivate) {
			pem.append(block("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
		}
		if (withPublic) {
			pem.append(block("PUBLIC KEY", keyPair.getPublic().getEncoded()));
		}
		Path file = Files.createTempFile(this.directory, "key", ".pem");
		Files.writeString(file, pem, StandardCharsets.US_ASCII);
		return file;
	}

	private static String block(String type, byte[] encoded) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(encoded)
				+ "\n-----END " + type + "-----\n";
	}

	/** A PKCS #12 key store made by the JDK's keytool, one key entry "issuer", password "changeit". */
	private Path keytool(String keyAlgorithm, String... options) throws Exception {
		Path keystore = this.directory.resolve("issuer-" + System.nanoTime() + ".p12");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "issuer", "-keyalg", keyAlgorithm));
		command.addAll(List.of(options));
		command.addAll(List.of("-dname", "CN=joat-sample", "-validity", "1", "-storetype", "PKCS12", "-keystore",
				keystore.toString(), "-storepass", "changeit", "-keypass", "changeit"));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isZero();
		return keystore;
	}

}
