package dev.joat.sample.token;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;

/**
 * Reads the sample's signing key from {@link SigningKeyProperties}, or generates one for the run
 * (saying so in one WARN line). Every refusal is an {@link InvalidConfigurationPropertyValueException}
 * naming the property and what to do; no message quotes key material or a password, and no
 * exception from reading a key is chained (a parser's message might quote its input).
 */
final class IssuerSigningKeys {

	static final String LOCATION = "joat.sample.signing-key.location";

	static final String KEY_ID = "joat.sample.signing-key.key-id";

	static final String KEYSTORE = "joat.sample.signing-key.keystore.location";

	static final String KEYSTORE_ALIAS = "joat.sample.signing-key.keystore.alias";

	static final String KEYSTORE_PASSWORD = "joat.sample.signing-key.keystore.password";

	private IssuerSigningKeys() {
	}

	/**
	 * The signing key for {@code algorithm}: from the PEM file, the key store, or generated.
	 * @param algorithm the configured algorithm
	 * @param properties the key's settings
	 * @param logger where the WARN line about a generated key goes
	 * @return the key with its {@code kid}
	 */
	static IssuerSigningKey load(SignatureAlgorithm algorithm, SigningKeyProperties properties, Log logger) {
		Resource pem = properties.getLocation();
		Resource keystore = properties.getKeystore().getLocation();
		if (pem != null && keystore != null) {
			throw new InvalidConfigurationPropertyValueException(KEYSTORE, keystore.getDescription(),
					"both " + LOCATION + " and " + KEYSTORE + " are set; set only one of them.");
		}
		SigningKey key;
		String source;
		if (pem != null) {
			key = fromPem(algorithm, pem, LOCATION);
			source = "joat.sample.signing-key.location";
		}
		else if (keystore != null) {
			key = fromKeystore(algorithm, keystore, properties.getKeystore());
			source = "joat.sample.signing-key.keystore";
		}
		else {
			key = SigningKey.generate(algorithm);
			source = IssuerSigningKey.GENERATED;
		}
		key = key.withKeyId(keyId(properties.getKeyId(), key, KEY_ID));
		if (source.equals(IssuerSigningKey.GENERATED)) {
			logger.warn("No joat.sample.signing-key is configured: signing " + algorithm.jwsName()
					+ " tokens with a key generated for this run (kid " + key.keyId() + "). Its tokens will not"
					+ " survive a restart; set " + LOCATION + " to a PKCS #8 PEM file to keep them.");
		}
		return new IssuerSigningKey(key, source);
	}

	/**
	 * The configured key id, or the key's RFC 7638 thumbprint when none is configured.
	 * @param configured the configured key id, or {@code null}
	 * @param key the key
	 * @param property the property that configures the key id, for the message
	 * @return the key id
	 * @throws InvalidConfigurationPropertyValueException when the configured key id is blank
	 */
	static String keyId(@Nullable String configured, SigningKey key, String property) {
		if (configured == null) {
			return key.thumbprint();
		}
		if (configured.isBlank()) {
			throw new InvalidConfigurationPropertyValueException(property, configured,
					"the key id is blank; remove " + property + " to use the key's RFC 7638 thumbprint, or set a key id.");
		}
		return configured;
	}

	/**
	 * Reads the private key of the PEM file at {@code location}.
	 * @param algorithm the configured algorithm
	 * @param location the PEM file
	 * @param property the property that names the file, for the message
	 * @return the key, without a key id
	 * @throws InvalidConfigurationPropertyValueException when the file cannot be read, holds no
	 * private key, or holds one of another algorithm
	 */
	static SigningKey fromPem(SignatureAlgorithm algorithm, Resource location, String property) {
		String pem;
		try (InputStream in = location.getInputStream()) {
			pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new InvalidConfigurationPropertyValueException(property, location.getDescription(),
					"the file cannot be read (" + ex.getClass().getSimpleName() + "); set " + property
							+ " to a readable PKCS #8 PEM file, e.g. file:/run/secrets/joat-signing-key.pem.");
		}
		try {
			return SigningKey.fromPem(algorithm, pem);
		}
		catch (IllegalArgumentException ex) {
			// SigningKey.fromPem never quotes the text in its message.
			throw new InvalidConfigurationPropertyValueException(property, location.getDescription(),
					"it holds no usable " + algorithm.jwsName() + " private key: " + sentence(ex) + hint(algorithm));
		}
	}

	private static SigningKey fromKeystore(SignatureAlgorithm algorithm, Resource location,
			SigningKeyProperties.Keystore settings) {
		String configuredPassword = settings.getPassword();
		char[] password = (configuredPassword != null) ? configuredPassword.toCharArray() : new char[0];
		KeyStore keyStore;
		try (InputStream in = location.getInputStream()) {
			keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(in, password);
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new InvalidConfigurationPropertyValueException(KEYSTORE, location.getDescription(),
					"it cannot be read as a PKCS #12 key store with " + KEYSTORE_PASSWORD + " ("
							+ ex.getClass().getSimpleName() + "); check the file and its password.");
		}
		try {
			String alias = alias(keyStore, settings.getAlias());
			Key key = keyStore.getKey(alias, password);
			Certificate certificate = keyStore.getCertificate(alias);
			if (!(key instanceof PrivateKey privateKey) || certificate == null) {
				throw new InvalidConfigurationPropertyValueException(KEYSTORE_ALIAS, alias,
						"the entry holds no private key with its certificate; name a private-key entry.");
			}
			return SigningKey.of(algorithm, privateKey, certificate.getPublicKey());
		}
		catch (GeneralSecurityException ex) {
			throw new InvalidConfigurationPropertyValueException(KEYSTORE, location.getDescription(),
					"its key cannot be read (" + ex.getClass().getSimpleName() + "); check " + KEYSTORE_PASSWORD
							+ " and " + KEYSTORE_ALIAS + ".");
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException(KEYSTORE, location.getDescription(),
					"its key does not suit " + algorithm.jwsName() + ": " + sentence(ex) + hint(algorithm));
		}
	}

	private static String alias(KeyStore keyStore, @Nullable String configured) throws GeneralSecurityException {
		List<String> keys = new ArrayList<>();
		for (String alias : Collections.list(keyStore.aliases())) {
			if (keyStore.isKeyEntry(alias)) {
				keys.add(alias);
			}
		}
		if (configured != null) {
			if (!keyStore.isKeyEntry(configured)) {
				throw new InvalidConfigurationPropertyValueException(KEYSTORE_ALIAS, configured,
						"the key store has no key entry of that alias; its key entries are " + keys + ".");
			}
			return configured;
		}
		if (keys.size() != 1) {
			throw new InvalidConfigurationPropertyValueException(KEYSTORE_ALIAS, null, "the key store holds "
					+ keys.size() + " key entries " + keys + "; set " + KEYSTORE_ALIAS + " to the one to sign with.");
		}
		return keys.get(0);
	}

	/** The exception's message as a sentence, followed by a space. */
	private static String sentence(Exception ex) {
		String message = String.valueOf(ex.getMessage()).strip();
		return message.endsWith(".") ? message + " " : message + ". ";
	}

	private static String hint(SignatureAlgorithm algorithm) {
		String generate = switch (algorithm) {
			case ES256 -> "openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out key.pem && openssl pkey"
					+ " -in key.pem -pubout >> key.pem";
			case EdDSA -> "openssl genpkey -algorithm ed25519 -out key.pem";
			default -> "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem";
		};
		return "Set " + SigningAlgorithmSetting.PROPERTY + " to the key's algorithm, or make a key for "
				+ algorithm.jwsName() + ": " + generate;
	}

}
