package dev.joat.sample;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import dev.joat.sample.token.SigningAlgorithmSetting;
import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes the sample's first run work with no setup: when neither {@code joat.secret} (e.g. the
 * {@code JOAT_SECRET} environment variable) nor {@code joat.secret-base64} is configured, it
 * generates a random 32-byte secret for this run and warns that tokens will not survive a
 * restart. The secret itself is never logged. Nothing is generated when the sample signs with a
 * private key ({@code joat.sample.signing-algorithm}): that key is generated, if need be, by the
 * token package, which says so itself. Nor when an application on this class path verifies an
 * issuer's tokens with its public keys (Spring Boot's {@code issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}): the starter then wants no secret, and refuses one.
 */
class RandomSecretEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String PROPERTY_SOURCE_NAME = "joatSampleRandomSecret";

	private final Log logger;

	RandomSecretEnvironmentPostProcessor(DeferredLogFactory logFactory) {
		this.logger = logFactory.getLog(RandomSecretEnvironmentPostProcessor.class);
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (SigningAlgorithmSetting.isAsymmetric(environment) || verifiesWithIssuerKeys(environment)
				|| environment.containsProperty("joat.secret") || environment.containsProperty("joat.secret-base64")
				|| environment.containsProperty("joat.secrets[0].kid")) {
			return;
		}
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		environment.getPropertySources()
			.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME,
					Map.of("joat.secret-base64", Base64.getEncoder().encodeToString(secret))));
		this.logger.warn("No JOAT_SECRET is configured: signing with a random secret generated for this run."
				+ " Tokens will not survive a restart; set JOAT_SECRET (at least 32 bytes) to keep them.");
	}

	private static boolean verifiesWithIssuerKeys(ConfigurableEnvironment environment) {
		String prefix = "spring.security.oauth2.resourceserver.jwt.";
		return environment.containsProperty(prefix + "issuer-uri") || environment.containsProperty(prefix + "jwk-set-uri")
				|| environment.containsProperty(prefix + "public-key-location");
	}

}
