package dev.joat.spring.boot;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The servlet default chain: Boot's {@code jwtSecurityFilterChain} ({@code anyRequest().authenticated()}
 * and {@code oauth2ResourceServer(jwt)}) with {@link SessionCreationPolicy#STATELESS}, no request
 * cache and no CSRF protection. Without this, a request without a token leaves a {@code JSESSIONID}
 * on its 401 (the request cache saves it in a new session). CSRF protection guards cookie-borne
 * credentials; this chain accepts none, and with it a token-less {@code POST} would answer 403
 * instead of the 401 bearer challenge. The RFC 9728 document at
 * {@code /.well-known/oauth-protected-resource} (public: Spring Security serves it before
 * authorization) follows the {@link JoatProtectedResourceMetadata} bean, and so does the
 * {@code resource_metadata} pointer of the 401 challenge ({@link JoatBearerTokenAuthenticationEntryPoint}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = { "org.springframework.security.web.SecurityFilterChain",
		"org.springframework.security.config.annotation.web.builders.HttpSecurity" })
@ConditionalOnMissingBean(SecurityFilterChain.class)
class JoatServletWebSecurityConfiguration {

	@Bean
	@ConditionalOnBean(JwtDecoder.class)
	SecurityFilterChain joatSecurityFilterChain(HttpSecurity http,
			ObjectProvider<JoatProtectedResourceMetadata> protectedResourceMetadata) {
		http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
		http.oauth2ResourceServer((resourceServer) -> {
			resourceServer.jwt(withDefaults());
			protectedResourceMetadata.ifAvailable((rule) -> resourceServer
				.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer(rule))
				.authenticationEntryPoint(JoatBearerTokenAuthenticationEntryPoint.of(rule)));
		});
		http.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		http.requestCache((cache) -> cache.disable());
		http.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
