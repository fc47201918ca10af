package dev.joat.sample.token;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Where the sample's private signing key comes from when {@code joat.sample.signing-algorithm} is
 * asymmetric ({@code ES256}, {@code EdDSA}, {@code RS256}): a PKCS #8 PEM file
 * ({@code joat.sample.signing-key.location}) or a PKCS #12 key store
 * ({@code joat.sample.signing-key.keystore.*}); with neither, a key generated for the run. Unused
 * in the default {@code HS256} mode. Never logged: {@link #toString()} names no password.
 */
@ConfigurationProperties("joat.sample.signing-key")
public class SigningKeyProperties {

	/**
	 * A PEM file with one PKCS #8 "PRIVATE KEY" block and, for an EC key, its "PUBLIC KEY" block,
	 * e.g. file:/run/secrets/joat-signing-key.pem.
	 */
	private @Nullable Resource location;

	/** The "kid" of the key's tokens and JWK; by default the key's RFC 7638 thumbprint. */
	private @Nullable String keyId;

	/** A PKCS #12 key store holding the key (and its certificate), instead of a PEM file. */
	private final Keystore keystore = new Keystore();

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
	 * The key store settings.
	 * @return the key store settings, never {@code null}
	 */
	public Keystore getKeystore() {
		return this.keystore;
	}

	@Override
	public String toString() {
		return "SigningKeyProperties[location=" + this.location + ", keyId=" + this.keyId + ", keystore="
				+ this.keystore + "]";
	}

	/** A PKCS #12 key store ({@code joat.sample.signing-key.keystore.*}). */
	public static class Keystore {

		/** The PKCS #12 key store, e.g. file:/run/secrets/joat-signing.p12. */
		private @Nullable Resource location;

		/** The password of the key store and of the key. */
		private @Nullable String password;

		/** The alias of the key entry; optional when the key store holds exactly one key. */
		private @Nullable String alias;

		/**
		 * The key store, or {@code null} when none is configured.
		 * @return the location
		 */
		public @Nullable Resource getLocation() {
			return this.location;
		}

		/**
		 * Sets the key store.
		 * @param location the location
		 */
		public void setLocation(@Nullable Resource location) {
			this.location = location;
		}

		/**
		 * The password, or {@code null} for none.
		 * @return the password
		 */
		public @Nullable String getPassword() {
			return this.password;
		}

		/**
		 * Sets the password.
		 * @param password the password
		 */
		public void setPassword(@Nullable String password) {
			this.password = password;
		}

		/**
		 * The alias, or {@code null} for the one key entry.
		 * @return the alias
		 */
		public @Nullable String getAlias() {
			return this.alias;
		}

		/**
		 * Sets the alias.
		 * @param alias the alias
		 */
		public void setAlias(@Nullable String alias) {
			this.alias = alias;
		}

		@Override
		public String toString() {
			return "Keystore[location=" + this.location + ", alias=" + this.alias + ", password="
					+ ((this.password != null) ? "(set)" : "(none)") + "]";
		}

	}

}
