package dev.joat.sample;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A wrong {@code joat.sample.signing-*} setting stops the whole sample at start-up, and Boot's
 * failure report names the property and what to do, never the key; an asymmetric mode generates
 * no random HMAC secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleSigningKeyStartupTests {

	@TempDir
	Path directory;

	@Test
	void startWhenAlgorithmUnknownThenFailsNamingTheProperty(CapturedOutput output) {
		int port = AsymmetricSample.freePort();
		assertThatException().isThrownBy(() -> AsymmetricSample.start(port, "--joat.sample.signing-algorithm=HS384"))
			.satisfies((ex) -> assertThat(invalidProperty(ex).getName()).isEqualTo("joat.sample.signing-algorithm"));
		assertThat(output).contains("joat.sample.signing-algorithm").contains("ES256, EdDSA or RS256");
	}

	@Test
	void startWhenEcKeyButRs256ThenFailsNamingTheLocationWithoutTheKey(CapturedOutput output) throws Exception {
		java.security.KeyPair keyPair = AsymmetricSample.p256();
		Path pem = AsymmetricSample.pem(this.directory, keyPair, true, true);
		int port = AsymmetricSample.freePort();
		assertThatException()
			.isThrownBy(() -> AsymmetricSample.start(port, "--joat.sample.signing-algorithm=RS256",
					"--joat.sample.signing-key.location=file:" + pem))
			.satisfies((ex) -> assertThat(invalidProperty(ex).getName()).isEqualTo("joat.sample.signing-key.location"));
		assertThat(output).contains("joat.sample.signing-key.location")
			.doesNotContain(AsymmetricSample.base64(keyPair.getPrivate().getEncoded()).substring(0, 40))
			.doesNotContain("PRIVATE KEY-----");
	}

	@Test
	void startWhenARingKeyHasNoPrivatePartThenFailsNamingItsLocationWithoutTheKey(CapturedOutput output)
			throws Exception {
		java.security.KeyPair current = AsymmetricSample.p256();
		Path signing = AsymmetricSample.pem(this.directory, current, true, true);
		Path publicOnly = AsymmetricSample.pem(this.directory, AsymmetricSample.p256(), false, true);
		int port = AsymmetricSample.freePort();
		assertThatException()
			.isThrownBy(() -> AsymmetricSample.start(port, "--joat.sample.signing-algorithm=ES256",
					"--joat.sample.signing-key-id=2026-07", "--joat.sample.signing-keys[0].key-id=2026-07",
					"--joat.sample.signing-keys[0].location=file:" + signing, "--joat.sample.signing-keys[1].key-id=2027-01",
					"--joat.sample.signing-keys[1].location=file:" + publicOnly))
			.satisfies((ex) -> assertThat(invalidProperty(ex).getName()).isEqualTo("joat.sample.signing-keys[1].location"));
		assertThat(output).contains("joat.sample.signing-keys[1].location")
			.doesNotContain(AsymmetricSample.base64(current.getPrivate().getEncoded()).substring(0, 40))
			.doesNotContain("PRIVATE KEY-----");
	}

	@Test
	void startWhenSigningKeyIdNamesNoKeyOfTheRingThenFailsNamingIt(CapturedOutput output) throws Exception {
		Path pem = AsymmetricSample.pem(this.directory, AsymmetricSample.p256(), true, true);
		int port = AsymmetricSample.freePort();
		assertThatException()
			.isThrownBy(() -> AsymmetricSample.start(port, "--joat.sample.signing-algorithm=ES256",
					"--joat.sample.signing-key-id=2027-01", "--joat.sample.signing-keys[0].key-id=2026-07",
					"--joat.sample.signing-keys[0].location=file:" + pem))
			.satisfies((ex) -> assertThat(invalidProperty(ex).getName()).isEqualTo("joat.sample.signing-key-id"));
		assertThat(output).contains("joat.sample.signing-key-id").contains("[2026-07]");
	}

	@ParameterizedTest
	@ValueSource(strings = { "joat.sample.signing-key.location", "joat.sample.signing-keys[0].location" })
	void startWhenHs256AndASigningKeyIsSetThenFailsNamingItInsteadOfIgnoringIt(String property, CapturedOutput output)
			throws Exception {
		Path pem = AsymmetricSample.pem(this.directory, AsymmetricSample.p256(), true, true);
		int port = AsymmetricSample.freePort();
		assertThatException().isThrownBy(() -> AsymmetricSample.start(port, "--" + property + "=file:" + pem))
			.satisfies((ex) -> assertThat(invalidProperty(ex).getName()).isEqualTo(property));
		assertThat(output).contains(property + " is set, but joat.sample.signing-algorithm is HS256")
			.contains("set joat.sample.signing-algorithm to ES256, EdDSA or RS256");
	}

	@Test
	void startWhenHs256AndAKeyStorePasswordIsSetThenFailsWithoutThePassword(CapturedOutput output) {
		int port = AsymmetricSample.freePort();
		assertThatException()
			.isThrownBy(() -> AsymmetricSample.start(port, "--joat.sample.signing-key.keystore.password=hunter2-not-shown"))
			.satisfies((ex) -> assertThat(NestedExceptionUtils.getMostSpecificCause(ex))
				.hasMessageStartingWith("joat.sample.signing-key.keystore.password is set, but joat.sample.signing-algorithm is HS256"));
		assertThat(output).contains("joat.sample.signing-key.keystore.password is set").doesNotContain("hunter2-not-shown");
	}

	@Test
	void randomSecretWhenSigningWithAPrivateKeyThenNoneGenerated() {
		MockEnvironment environment = new MockEnvironment().withProperty("joat.sample.signing-algorithm", "ES256");
		new RandomSecretEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(environment,
				new SpringApplication());
		assertThat(environment.getProperty("joat.secret-base64")).isNull();
	}

	private static InvalidConfigurationPropertyValueException invalidProperty(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof InvalidConfigurationPropertyValueException invalid) {
				return invalid;
			}
		}
		throw new AssertionError("No InvalidConfigurationPropertyValueException in " + NestedExceptionUtils.getMostSpecificCause(ex));
	}

}
