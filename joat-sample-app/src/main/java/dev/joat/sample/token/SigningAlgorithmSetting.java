package dev.joat.sample.token;

import java.util.Locale;

import dev.joat.SignatureAlgorithm;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
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

}
