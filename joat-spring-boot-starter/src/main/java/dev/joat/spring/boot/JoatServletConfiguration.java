package dev.joat.spring.boot;

import dev.joat.TokenParser;
import dev.joat.spring.security.JoatJwtDecoder;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The servlet stack: joat's {@link JwtDecoder} (running every {@code OAuth2TokenValidator<Jwt>}
 * bean of the application, in order, after joat's own checks) and the
 * {@link JwtAuthenticationConverter} that Spring Security's resource-server configurer picks up
 * from the context, and the {@link JoatProtectedResourceMetadata} rule for the RFC 9728 document.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class JoatServletConfiguration {

	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JoatJwtDecoder joatJwtDecoder(TokenParser tokenParser, JoatSettings settings,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ObservationHandler<?>> observationHandlers,
			ObjectProvider<JoatJwtDecoder.VerificationTimer> verificationTimer) {
		return ConfiguredJwtDecoders.jwtDecoder(tokenParser, settings, validators, observationRegistry,
				observationHandlers, verificationTimer);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter joatJwtAuthenticationConverter(JoatSettings settings) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(settings.resourceServer().authoritiesConverter());
		converter.setPrincipalClaimName(settings.resourceServer().principalClaim());
		return converter;
	}

	/** The truthful RFC 9728 document, with Spring Security versions that serve one (7.0 and later). */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata")
	static class ProtectedResourceMetadataConfiguration {

		@Bean
		@ConditionalOnMissingBean
		JoatProtectedResourceMetadata joatProtectedResourceMetadata(JoatSettings settings) {
			return JoatProtectedResourceMetadata.of(settings);
		}

	}

}
