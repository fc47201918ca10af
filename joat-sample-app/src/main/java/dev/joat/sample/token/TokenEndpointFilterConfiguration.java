package dev.joat.sample.token;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers {@link TokenEndpointRefusalFilter} for the client-authenticated endpoints only (token,
 * revocation, introspection), ordered just before Spring Security's filter
 * ({@code spring.security.filter.order}) so that held-back requests cost no security filter
 * chain, for the request dispatch only (the default): a held-back request dispatched again
 * does not pass it twice.
 */
@Configuration(proxyBeanMethods = false)
class TokenEndpointFilterConfiguration {

	@Bean
	FilterRegistrationBean<TokenEndpointRefusalFilter> tokenEndpointRefusalFilter(ClientAuthenticator authenticator,
			HeldBackAttempts heldBackAttempts, ObjectProvider<SecurityFilterProperties> securityFilter) {
		FilterRegistrationBean<TokenEndpointRefusalFilter> registration = new FilterRegistrationBean<>(
				new TokenEndpointRefusalFilter(authenticator, heldBackAttempts));
		registration.addUrlPatterns(AuthorizationServerMetadata.TOKEN_ENDPOINT_PATH, TokenRevocationEndpoint.PATH,
				TokenIntrospectionEndpoint.PATH);
		registration.setAsyncSupported(true);
		registration.setOrder(securityFilter.getIfAvailable(SecurityFilterProperties::new).getOrder() - 1);
		return registration;
	}

}
