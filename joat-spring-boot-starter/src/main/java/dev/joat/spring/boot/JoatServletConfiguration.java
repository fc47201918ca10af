package dev.joat.spring.boot;

import dev.joat.TokenParser;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * The servlet stack: joat's {@link JwtDecoder} and the {@link JwtAuthenticationConverter} that
 * Spring Security's resource-server configurer picks up from the context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class JoatServletConfiguration {

	@Bean
	@ConditionalOnMissingBean(JwtDecoder.class)
	JoatJwtDecoder joatJwtDecoder(TokenParser tokenParser) {
		return new JoatJwtDecoder(tokenParser);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtAuthenticationConverter joatJwtAuthenticationConverter(ResourceServerSettings settings) {
		JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
		converter.setJwtGrantedAuthoritiesConverter(settings.authoritiesConverter());
		converter.setPrincipalClaimName(settings.principalClaim());
		return converter;
	}

}
