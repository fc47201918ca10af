package dev.joat.sample.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import dev.joat.SigningKeyRing;
import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;

/**
 * Builds the sample's {@link IssuerSigningKeyRing}: from {@code joat.sample.signing-keys[n]} and
 * {@code joat.sample.signing-key-id} ({@link SigningKeyRingProperties}) when the list is set, else
 * the one key of {@code joat.sample.signing-key.*} ({@link IssuerSigningKeys}). Every refusal is an
 * {@link InvalidConfigurationPropertyValueException} naming the property and what to do; no message
 * quotes key material. A retired key whose {@code published-until} has passed is left out, with one
 * WARN line at start-up: its tokens have expired, and a routine restart of an issuer whose
 * configuration still lists it must not fail.
 */
final class IssuerSigningKeyRings {

	static final String SIGNING_KEYS = "joat.sample.signing-keys";

	static final String SIGNING_KEY_ID = "joat.sample.signing-key-id";

	private IssuerSigningKeyRings() {
	}

	/**
	 * The sample's signing keys for {@code algorithm}.
	 * @param algorithm the configured algorithm, which every key must suit
	 * @param single {@code joat.sample.signing-key.*}
	 * @param ring {@code joat.sample.signing-keys} and {@code joat.sample.signing-key-id}
	 * @param now the current time, to leave out retired keys whose instant has passed
	 * @param logger where the WARN lines go
	 * @return the ring with its source
	 */
	static IssuerSigningKeyRing load(SignatureAlgorithm algorithm, SigningKeyProperties single,
			SigningKeyRingProperties ring, Instant now, Log logger) {
		List<SigningKeyRingProperties.Key> keys = ring.getSigningKeys();
		if (keys.isEmpty()) {
			if (ring.getSigningKeyId() != null) {
				throw new InvalidConfigurationPropertyValueException(SIGNING_KEY_ID, ring.getSigningKeyId(),
						"no " + SIGNING_KEYS + " are configured; list the keys in " + SIGNING_KEYS + ", or remove "
								+ SIGNING_KEY_ID + " and configure the one key with joat.sample.signing-key.*.");
			}
			return IssuerSigningKeyRing.of(IssuerSigningKeys.load(algorithm, single, logger));
		}
		SigningKeyProperties.Keystore keystore = single.getKeystore();
		if (single.getLocation() != null || single.getKeyId() != null || keystore.getLocation() != null
				|| keystore.getAlias() != null || keystore.getPassword() != null) {
			throw new InvalidConfigurationPropertyValueException(SIGNING_KEYS, null, "both joat.sample.signing-key.*"
					+ " and " + SIGNING_KEYS + " are set; configure one key with joat.sample.signing-key.*, or every"
					+ " key in " + SIGNING_KEYS + ", not both.");
		}
		List<SigningKey> read = new ArrayList<>(keys.size());
		List<String> keyIds = new ArrayList<>(keys.size());
		for (int i = 0; i < keys.size(); i++) {
			SigningKey key = read(algorithm, keys.get(i), SIGNING_KEYS + "[" + i + "]", keys.size());
			if (keyIds.contains(key.keyId())) {
				throw new InvalidConfigurationPropertyValueException(SIGNING_KEYS + "[" + i + "].key-id", key.keyId(),
						"another key of " + SIGNING_KEYS + " has the same key id; give each key its own.");
			}
			read.add(key);
			keyIds.add(key.keyId());
		}
		String signingKeyId = signingKeyId(ring.getSigningKeyId(), keyIds);
		SigningKeyRing.Builder builder = SigningKeyRing.builder();
		for (int i = 0; i < read.size(); i++) {
			SigningKey key = read.get(i);
			Instant until = keys.get(i).getPublishedUntil();
			String property = SIGNING_KEYS + "[" + i + "].published-until";
			if (key.keyId().equals(signingKeyId)) {
				if (until != null) {
					throw new InvalidConfigurationPropertyValueException(property, until, "the signing key ("
							+ SIGNING_KEY_ID + ") cannot be retired; remove " + property + ", or set " + SIGNING_KEY_ID
							+ " to another key.");
				}
				builder.current(key);
			}
			else if (until == null) {
				builder.next(key);
			}
			else if (now.isAfter(until)) {
				logger.warn("The retired signing key " + key.keyId() + " (" + property + " " + until + ") is no longer"
						+ " published: its instant has passed. Remove it from " + SIGNING_KEYS + ".");
			}
			else {
				builder.retired(key, until);
			}
		}
		return new IssuerSigningKeyRing(builder.build(), SIGNING_KEYS);
	}

	private static SigningKey read(SignatureAlgorithm algorithm, SigningKeyRingProperties.Key key, String prefix,
			int count) {
		Resource location = key.getLocation();
		if (location == null) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".location", null, "each key of "
					+ SIGNING_KEYS + " needs its private key; set " + prefix + ".location to a PKCS #8 PEM file, e.g."
					+ " file:/run/secrets/joat-signing-2027-01.pem.");
		}
		SigningKey signingKey = IssuerSigningKeys.fromPem(algorithm, location, prefix + ".location");
		if (count > 1 && key.getKeyId() == null) {
			throw new InvalidConfigurationPropertyValueException(prefix + ".key-id", null, SIGNING_KEYS + " holds "
					+ count + " keys, so each needs a key id (the \"kid\" of its tokens, which "
					+ SIGNING_KEY_ID + " names); set " + prefix + ".key-id, e.g. 2027-01.");
		}
		return signingKey.withKeyId(IssuerSigningKeys.keyId(key.getKeyId(), signingKey, prefix + ".key-id"));
	}

	private static String signingKeyId(@Nullable String configured, List<String> keyIds) {
		if (configured == null) {
			if (keyIds.size() == 1) {
				return keyIds.get(0);
			}
			throw new InvalidConfigurationPropertyValueException(SIGNING_KEY_ID, null, SIGNING_KEYS + " holds "
					+ keyIds.size() + " keys " + keyIds + "; set " + SIGNING_KEY_ID + " to the one that signs.");
		}
		if (!keyIds.contains(configured)) {
			throw new InvalidConfigurationPropertyValueException(SIGNING_KEY_ID, configured, "no key of "
					+ SIGNING_KEYS + " has that key id; its key ids are " + keyIds + ".");
		}
		return configured;
	}

}
