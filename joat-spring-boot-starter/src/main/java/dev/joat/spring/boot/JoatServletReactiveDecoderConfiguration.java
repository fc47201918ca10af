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
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * A servlet application with Reactor on the class path, whose keys come from Spring Boot's
 * {@code issuer-uri}, {@code jwk-set-uri} or {@code public-key-location}: Spring Boot 4.1 builds
 * a {@link ReactiveJwtDecoder} from those properties there too (its reactive resource-server
 * auto-configuration asks only for Reactor's classes, not for a reactive application), and reads
 * {@code jws-algorithms} with Spring's algorithm names, which have no {@code EdDSA}, so an EdDSA
 * application would not start. joat's reactive decoder stands in its place: the same checks as the
 * servlet decoder, and no second client of the issuer's keys.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "reactor.core.publisher.Mono")
@Conditional(KeyModeConditions.OnBootKeyProperties.class)
class JoatServletReactiveDecoderConfiguration {

	@Bean
	@ConditionalOnMissingBean(ReactiveJwtDecoder.class)
	JoatReactiveJwtDecoder joatReactiveJwtDecoder(TokenParser tokenParser, JoatSettings settings,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ObservationHandler<?>> observationHandlers,
			ObjectProvider<JoatJwtDecoder.VerificationTimer> verificationTimer) {
		return JoatReactiveConfiguration.reactiveJwtDecoder(tokenParser, settings, validators, observationRegistry,
				observationHandlers, verificationTimer);
	}

}
