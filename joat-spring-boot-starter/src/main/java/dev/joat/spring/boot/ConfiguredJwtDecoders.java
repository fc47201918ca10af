package dev.joat.spring.boot;

import java.util.List;

import dev.joat.TokenParser;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The one place the starter configures a {@link JoatJwtDecoder} from the context: the
 * application's observation registry (when there is exactly one), {@code joat.allow-certificate-bound-tokens},
 * and every {@code OAuth2TokenValidator<Jwt>} bean, in order. The servlet bean is that decoder; the
 * reactive bean wraps it.
 */
final class ConfiguredJwtDecoders {

	private ConfiguredJwtDecoders() {
	}

	static JoatJwtDecoder jwtDecoder(TokenParser tokenParser, JoatProperties properties,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators, ObjectProvider<ObservationRegistry> observationRegistry) {
		JoatJwtDecoder decoder = new JoatJwtDecoder(tokenParser);
		observationRegistry.ifUnique(decoder::setObservationRegistry);
		decoder.setAllowCertificateBoundTokens(properties.isAllowCertificateBoundTokens());
		List<OAuth2TokenValidator<Jwt>> applicationValidators = validators.orderedStream().toList();
		if (!applicationValidators.isEmpty()) {
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(applicationValidators));
		}
		return decoder;
	}

}
