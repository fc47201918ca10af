package dev.joat.sample.token;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import dev.joat.SigningKeyRing;
import dev.joat.VerificationKey;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The sample's key ring from {@code joat.sample.signing-keys[n]} and
 * {@code joat.sample.signing-key-id}: states from configuration, and every wrong setting refused
 * naming the property, without quoting key material.
 */
class IssuerSigningKeyRingsTests {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	@TempDir
	Path directory;

	private final Log logger = mock(Log.class);

	@Test
	void loadWhenCurrentNextAndRetiredThenRingInThoseStates() throws Exception {
		SigningKeyRingProperties ring = ring("b", key(p256(), "a", NOW.plusSeconds(60)), key(p256(), "b", null),
				key(p256(), "c", null));

		IssuerSigningKeyRing keys = load(SignatureAlgorithm.ES256, ring);

		assertThat(keys.source()).isEqualTo("joat.sample.signing-keys");
		assertThat(keys.ring().signingKeyId()).isEqualTo("b");
		assertThat(keys.ring().state("a")).isEqualTo(SigningKeyRing.State.RETIRED);
		assertThat(keys.ring().retiredUntil("a")).isEqualTo(NOW.plusSeconds(60));
		assertThat(keys.ring().state("c")).isEqualTo(SigningKeyRing.State.NEXT);
		assertThat(keyIds(keys, NOW)).containsExactly("a", "b", "c");
		assertThat(keyIds(keys, NOW.plusSeconds(61))).containsExactly("b", "c");
		verify(this.logger, never()).warn(anyString());
	}

	@Test
	void loadWhenOneKeyWithoutKeyIdThenItSignsWithItsThumbprint() throws Exception {
		KeyPair keyPair = p256();
		IssuerSigningKeyRing keys = load(SignatureAlgorithm.ES256, ring(null, key(keyPair, null, null)));

		String thumbprint = SigningKey.of(SignatureAlgorithm.ES256, keyPair).thumbprint();
		assertThat(keys.ring().signingKeyId()).isEqualTo(thumbprint);
	}

	@Test
	void loadWhenNoRingThenTheSingleKeyOfSigningKeyProperties() throws Exception {
		SigningKeyProperties single = new SigningKeyProperties();
		single.setLocation(new FileSystemResource(pem(p256(), true, true)));
		single.setKeyId("2026-12");

		IssuerSigningKeyRing keys = IssuerSigningKeyRings.load(SignatureAlgorithm.ES256, single,
				new SigningKeyRingProperties(), NOW, this.logger);

		assertThat(keys.source()).isEqualTo("joat.sample.signing-key.location");
		assertThat(keys.ring().keyIds()).containsExactly("2026-12");
	}

	@Test
	void loadWhenRetiredKeyPastItsInstantThenLeftOutWithOneWarn() throws Exception {
		SigningKeyRingProperties ring = ring("b", key(p256(), "a", NOW.minusSeconds(1)), key(p256(), "b", null));

		IssuerSigningKeyRing keys = load(SignatureAlgorithm.ES256, ring);

		assertThat(keys.ring().keyIds()).containsExactly("b");
		verify(this.logger).warn(contains("joat.sample.signing-keys[0].published-until"));
	}

	@Test
	void loadWhenPemHasOnlyThePublicKeyThenRefusedNamingItsLocation() throws Exception {
		SigningKeyRingProperties ring = ring("a", key(p256(), "a", null), key(p256(), "b", null));
		ring.getSigningKeys().get(1).setLocation(new FileSystemResource(pem(p256(), false, true)));

		assertRefused(SignatureAlgorithm.ES256, ring, "joat.sample.signing-keys[1].location");
	}

	@Test
	void loadWhenKeyDoesNotSuitTheAlgorithmThenRefusedNamingItsLocationWithoutQuotingIt() throws Exception {
		KeyPair keyPair = p256();
		SigningKeyRingProperties ring = ring("a", key(keyPair, "a", null));
		String privateBase64 = Base64.getEncoder().encodeToString(keyPair.getPrivate().getEncoded());

		assertThat(assertRefused(SignatureAlgorithm.RS256, ring, "joat.sample.signing-keys[0].location").getMessage())
			.contains("joat.sample.signing-algorithm")
			.doesNotContain(privateBase64.substring(0, 24));
	}

	@Test
	void loadWhenLocationMissingThenRefusedNamingIt() throws Exception {
		SigningKeyRingProperties ring = ring("a", key(p256(), "a", null));
		ring.getSigningKeys().get(0).setLocation(null);

		assertRefused(SignatureAlgorithm.ES256, ring, "joat.sample.signing-keys[0].location");
	}

	@Test
	void loadWhenTwoKeysShareAKeyIdThenRefusedNamingTheSecond() throws Exception {
		SigningKeyRingProperties ring = ring("a", key(p256(), "a", null), key(p256(), "a", null));

		assertThat(assertRefused(SignatureAlgorithm.ES256, ring, "joat.sample.signing-keys[1].key-id").getMessage())
			.contains("same key id");
	}

	@Test
	void loadWhenSeveralKeysAndOneWithoutKeyIdThenRefusedNamingIt() throws Exception {
		SigningKeyRingProperties ring = ring("a", key(p256(), "a", null), key(p256(), null, null));

		assertRefused(SignatureAlgorithm.ES256, ring, "joat.sample.signing-keys[1].key-id");
	}

	@Test
	void loadWhenSigningKeyIdUnknownThenRefusedListingTheKeyIds() throws Exception {
		SigningKeyRingProperties ring = ring("c", key(p256(), "a", null), key(p256(), "b", null));

		assertThat(assertRefused(SignatureAlgorithm.ES256, ring, "joat.sample.signing-key-id").getMessage())
			.contains("[a, b]");
	}

	@Test
	void loadWhenSeveralKeysWithoutSigningKeyIdThenRefusedNamingIt() throws Exception {
		SigningKeyRingProperties ring = ring(null, key(p256(), "a", null), key(p256(), "b", null));

		assertRefused(SignatureAlgorithm.ES256, ring, "joat.sample.signing-key-id");
	}

	@Test
	void loadWhenSigningKeyHasPublishedUntilThenRefusedNamingIt() throws Exception {
		SigningKeyRingProperties ring = ring("a", key(p256(), "a", NOW.plusSeconds(60)), key(p256(), "b", null));

		assertRefused(SignatureAlgorithm.ES256, ring, "joat.sample.signing-keys[0].published-until");
	}

	@Test
	void loadWhenSingleKeyAndRingBothSetThenRefusedNamingTheRing() throws Exception {
		SigningKeyProperties single = new SigningKeyProperties();
		single.setLocation(new FileSystemResource(pem(p256(), true, true)));
		SigningKeyRingProperties ring = ring("a", key(p256(), "a", null));

		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> IssuerSigningKeyRings.load(SignatureAlgorithm.ES256, single, ring, NOW, this.logger))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("joat.sample.signing-keys"))
			.withMessageContaining("joat.sample.signing-key.*");
	}

	@Test
	void loadWhenRingAndOnlyAKeystorePasswordOrAliasSetThenRefusedNamingTheRing() throws Exception {
		SigningKeyRingProperties ring = ring("a", key(p256(), "a", null));
		SigningKeyProperties password = new SigningKeyProperties();
		password.getKeystore().setPassword("not-shown");
		SigningKeyProperties alias = new SigningKeyProperties();
		alias.getKeystore().setAlias("issuer");

		for (SigningKeyProperties single : List.of(password, alias)) {
			assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
				.isThrownBy(() -> IssuerSigningKeyRings.load(SignatureAlgorithm.ES256, single, ring, NOW, this.logger))
				.satisfies((ex) -> assertThat(ex.getName()).isEqualTo("joat.sample.signing-keys"))
				.withMessageContaining("joat.sample.signing-key.*")
				.withMessageNotContaining("not-shown");
		}
	}

	@Test
	void loadWhenSigningKeyIdWithoutRingThenRefusedNamingIt() {
		SigningKeyRingProperties ring = new SigningKeyRingProperties();
		ring.setSigningKeyId("a");

		assertRefused(SignatureAlgorithm.ES256, ring, "joat.sample.signing-key-id");
	}

	@Test
	void unchangedForWhenRetiredKeyPublishedThenUntilItsInstantAtMostTheLimit() throws Exception {
		IssuerSigningKeyRing keys = load(SignatureAlgorithm.ES256,
				ring("b", key(p256(), "a", NOW.plusMillis(42_500)), key(p256(), "b", null)));

		assertThat(keys.unchangedFor(NOW, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(42));
		assertThat(keys.unchangedFor(NOW, Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
		assertThat(keys.unchangedFor(NOW.plusSeconds(60), Duration.ofMinutes(5))).isEqualTo(Duration.ofMinutes(5));
		assertThat(keys.toString()).contains("RETIRED").contains("CURRENT").doesNotContain("PRIVATE");
	}

	private IssuerSigningKeyRing load(SignatureAlgorithm algorithm, SigningKeyRingProperties ring) {
		return IssuerSigningKeyRings.load(algorithm, new SigningKeyProperties(), ring, NOW, this.logger);
	}

	private InvalidConfigurationPropertyValueException assertRefused(SignatureAlgorithm algorithm,
			SigningKeyRingProperties ring, String property) {
		InvalidConfigurationPropertyValueException[] refused = new InvalidConfigurationPropertyValueException[1];
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> load(algorithm, ring))
			.satisfies((ex) -> assertThat(ex.getName()).isEqualTo(property))
			.satisfies((ex) -> refused[0] = ex);
		return refused[0];
	}

	private static List<String> keyIds(IssuerSigningKeyRing keys, Instant now) {
		return keys.publishedKeys(now).keys().stream().map(VerificationKey::keyId).toList();
	}

	private static SigningKeyRingProperties ring(@Nullable String signingKeyId, SigningKeyRingProperties.Key... keys) {
		SigningKeyRingProperties ring = new SigningKeyRingProperties();
		ring.setSigningKeyId(signingKeyId);
		ring.setSigningKeys(new ArrayList<>(List.of(keys)));
		return ring;
	}

	private SigningKeyRingProperties.Key key(KeyPair keyPair, @Nullable String keyId, @Nullable Instant publishedUntil)
			throws IOException {
		SigningKeyRingProperties.Key key = new SigningKeyRingProperties.Key();
		key.setLocation(new FileSystemResource(pem(keyPair, true, true)));
		key.setKeyId(keyId);
		key.setPublishedUntil(publishedUntil);
		return key;
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

}
