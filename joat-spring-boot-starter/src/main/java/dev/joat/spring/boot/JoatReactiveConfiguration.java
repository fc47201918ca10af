package dev.joat.spring.boot;

import dev.joat.TokenParser;
import dev.joat.spring.security.JoatJwtDecoder;
import dev.joat.spring.security.JoatReactiveJwtDecoder;
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
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtGrantedAuthoritiesConverterAdapter;

/**
 * The reactive (WebFlux) stack: joat's {@link ReactiveJwtDecoder} (running every
 * {@code OAuth2TokenValidator<Jwt>} bean of the application, in order, after joat's own checks) and the
 * {@link ReactiveJwtAuthenticationConverter} that {@code ServerHttpSecurity} picks up.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = "reactor.core.publisher.Mono")
class JoatReactiveConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactiveJwtDecoder.class)
	JoatReactiveJwtDecoder joatReactiveJwtDecoder(TokenParser tokenParser, JoatSettings settings,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ObservationHandler<?>> observationHandlers,
			ObjectProvider<JoatJwtDecoder.VerificationTimer> verificationTimer) {
		return reactiveJwtDecoder(tokenParser, settings, validators, observationRegistry, observationHandlers,
				verificationTimer);
	}

	static JoatReactiveJwtDecoder reactiveJwtDecoder(TokenParser tokenParser, JoatSettings settings,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ObservationHandler<?>> observationHandlers,
			ObjectProvider<JoatJwtDecoder.VerificationTimer> verificationTimer) {
		return new JoatReactiveJwtDecoder(ConfiguredJwtDecoders.jwtDecoder(tokenParser, settings, validators,
				observationRegistry, observationHandlers, verificationTimer));
	}

	@Bean
	@ConditionalOnMissingBean
	ReactiveJwtAuthenticationConverter joatReactiveJwtAuthenticationConverter(JoatSettings settings) {
		ReactiveJwtAuthenticationConverter converter = new ReactiveJwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(
				new ReactiveJwtGrantedAuthoritiesConverterAdapter(settings.resourceServer().authoritiesConverter()));
		converter.setPrincipalClaimName(settings.resourceServer().principalClaim());
		return converter;
	}

}
