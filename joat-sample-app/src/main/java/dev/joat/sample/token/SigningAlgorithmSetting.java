package dev.joat.sample.token;

import java.util.Locale;

import dev.joat.SignatureAlgorithm;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;

/**
 * {@code joat.sample.signing-algorithm}: how the sample signs its tokens. {@code HS256}, the
 * default, signs with the shared secret of {@code joat.secret} (the PyJOAT model); {@code ES256},
 * {@code EdDSA} (Ed25519) and {@code RS256} sign with a private key of the sample's own
 * ({@link SigningKeyProperties}) whose public half {@code GET /oauth2/jwks} publishes. Names are
 * matched ignoring case; any other value stops start-up, naming the property.
 */
public final class SigningAlgorithmSetting {

	/** The property's name. */
	public static final String PROPERTY = "joat.sample.signing-algorithm";

	/** What every signing-key property's name starts with: {@code signing-key.*}, {@code signing-keys}, {@code signing-key-id}. */
	private static final String SIGNING_KEY_PREFIX = "joat.sample.signing-key";

	private static final String ALLOWED = "HS256 (the default: the shared secret of joat.secret), ES256, EdDSA or RS256";

	private SigningAlgorithmSetting() {
	}

	/**
	 * Whether the sample signs with a private key: the property is set to anything but
	 * {@code HS256} (an unknown value too, so that the asymmetric configuration refuses it with
	 * {@link #algorithm(String)}).
	 * @param environment where the property is read
	 * @return {@code true} unless the property is unset, empty or {@code HS256}
	 */
	public static boolean isAsymmetric(PropertyResolver environment) {
		String value = environment.getProperty(PROPERTY);
		return value != null && !value.isBlank() && !"HS256".equalsIgnoreCase(value.trim());
	}

	/**
	 * The asymmetric algorithm {@code value} names.
	 * @param value the configured value
	 * @return the algorithm, or {@code null} for {@code HS256} (or no value)
	 * @throws InvalidConfigurationPropertyValueException for any other value, naming the property
	 */
	static @Nullable SignatureAlgorithm algorithm(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.trim().toUpperCase(Locale.ROOT)) {
			case "HS256" -> null;
			case "ES256" -> SignatureAlgorithm.ES256;
			case "EDDSA" -> SignatureAlgorithm.EdDSA;
			case "RS256" -> SignatureAlgorithm.RS256;
			default -> throw new InvalidConfigurationPropertyValueException(PROPERTY, value,
					"the sample signs with " + ALLOWED + "; set " + PROPERTY + " to one of them.");
		};
	}

	/**
	 * Refuses a {@code joat.sample.signing-key*} property (a key's location, key store, key id, or a
	 * key of the ring) in {@code HS256} mode, where it would configure nothing. The message names the
	 * property; a key store password is named, never shown (Boot's report of an
	 * {@link InvalidConfigurationPropertyValueException} would show its value).
	 * @param environment the application's environment
	 * @throws InvalidConfigurationPropertyValueException naming the first such property
	 * @throws IllegalStateException naming a key store password, when no other such property is set
	 */
	static void requireNoSigningKey(Environment environment) {
		String password = null;
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (!(source instanceof IterableConfigurationPropertySource iterable)) {
				continue;
			}
			for (ConfigurationPropertyName name : iterable) {
				String property = name.toString();
				if (!property.startsWith(SIGNING_KEY_PREFIX)) {
					continue;
				}
				if (property.endsWith("password")) {
					password = property;
					continue;
				}
				ConfigurationProperty configured = source.getConfigurationProperty(name);
				throw new InvalidConfigurationPropertyValueException(property,
						(configured != null) ? configured.getValue() : null, unusedKeyReason(property));
			}
		}
		if (password != null) {
			throw new IllegalStateException(unusedKeyReason(password));
		}
	}

	private static String unusedKeyReason(String property) {
		return property + " is set, but " + PROPERTY + " is HS256 (the default), which signs with the shared secret"
				+ " of joat.secret and no key; set " + PROPERTY + " to ES256, EdDSA or RS256 to sign with the key, or"
				+ " remove " + property + ".";
	}

}
