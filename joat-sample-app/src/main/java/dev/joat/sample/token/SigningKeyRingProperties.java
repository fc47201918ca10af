package dev.joat.sample.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * The sample's signing keys as a key ring, for rotating its private key without downtime
 * ({@code joat.sample.signing-keys[n]} and {@code joat.sample.signing-key-id}), in the shape of the
 * starter's {@code joat.secrets[n]} and {@code joat.signing-kid}: the key named by
 * {@code signing-key-id} signs; a key with {@code published-until} is retired (published, not
 * signing, until then); any other key is next (published, not signing yet). Instead of
 * {@code joat.sample.signing-key.*}, which stays the way to configure a single key. Rotate by
 * changing these properties and restarting the issuer. Never logged: {@link #toString()} names
 * locations and key ids only.
 */
@ConfigurationProperties("joat.sample")
public class SigningKeyRingProperties {

	/**
	 * Key id of the signing key among joat.sample.signing-keys; required when the list holds more
	 * than one key.
	 */
	private @Nullable String signingKeyId;

	/**
	 * Private keys of the key ring: the signing key, next keys (published before they sign) and
	 * retired keys (published until the last token they signed has expired).
	 */
	private List<Key> signingKeys = new ArrayList<>();

	/**
	 * The signing key id, or {@code null} when none is configured.
	 * @return the key id
	 */
	public @Nullable String getSigningKeyId() {
		return this.signingKeyId;
	}

	/**
	 * Sets the signing key id.
	 * @param signingKeyId the key id
	 */
	public void setSigningKeyId(@Nullable String signingKeyId) {
		this.signingKeyId = signingKeyId;
	}

	/**
	 * The keys, in configuration order.
	 * @return the keys, never {@code null}
	 */
	public List<Key> getSigningKeys() {
		return this.signingKeys;
	}

	/**
	 * Sets the keys.
	 * @param signingKeys the keys
	 */
	public void setSigningKeys(List<Key> signingKeys) {
		this.signingKeys = signingKeys;
	}

	@Override
	public String toString() {
		return "SigningKeyRingProperties[signingKeyId=" + this.signingKeyId + ", signingKeys=" + this.signingKeys + "]";
	}

	/** One key of the ring ({@code joat.sample.signing-keys[n].*}). */
	public static class Key {

		/**
		 * PEM file with one PKCS #8 "PRIVATE KEY" block and, for an EC key, its "PUBLIC KEY" block,
		 * e.g. file:/run/secrets/joat-signing-2027-01.pem.
		 */
		private @Nullable Resource location;

		/**
		 * "kid" of the key's tokens and JWK; required when joat.sample.signing-keys holds more than one
		 * key, else by default the key's RFC 7638 thumbprint.
		 */
		private @Nullable String keyId;

		/**
		 * Instant until which this key, no longer signing, stays published (ISO-8601, e.g.
		 * 2027-01-15T12:00:00Z): when the last token it signed has expired, clock skew included.
		 * Unset for the signing key and for next keys.
		 */
		private @Nullable Instant publishedUntil;

		/**
		 * The PEM file, or {@code null} when none is configured.
		 * @return the location
		 */
		public @Nullable Resource getLocation() {
			return this.location;
		}

		/**
		 * Sets the PEM file.
		 * @param location the location
		 */
		public void setLocation(@Nullable Resource location) {
			this.location = location;
		}

		/**
		 * The key id, or {@code null} for the thumbprint.
		 * @return the key id
		 */
		public @Nullable String getKeyId() {
			return this.keyId;
		}

		/**
		 * Sets the key id.
		 * @param keyId the key id
		 */
		public void setKeyId(@Nullable String keyId) {
			this.keyId = keyId;
		}

		/**
		 * Until when the retired key is published, or {@code null} for a key that is not retired.
		 * @return the instant
		 */
		public @Nullable Instant getPublishedUntil() {
			return this.publishedUntil;
		}

		/**
		 * Sets until when the retired key is published.
		 * @param publishedUntil the instant
		 */
		public void setPublishedUntil(@Nullable Instant publishedUntil) {
			this.publishedUntil = publishedUntil;
		}

		@Override
		public String toString() {
			return "Key[location=" + this.location + ", keyId=" + this.keyId + ", publishedUntil="
					+ this.publishedUntil + "]";
		}

	}

}
