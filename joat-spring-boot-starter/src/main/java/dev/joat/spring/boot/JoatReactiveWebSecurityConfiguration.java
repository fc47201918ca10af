package dev.joat.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The reactive default chain: Boot's {@code jwt} {@link SecurityWebFilterChain}
 * ({@code anyExchange().authenticated()} and {@code oauth2ResourceServer(jwt)} with the context's
 * {@link ReactiveJwtDecoder}) with no security-context repository, no request cache and no CSRF
 * protection, so no {@code WebSession} (and no {@code SESSION} cookie) is ever created. Without
 * this, a request without a token leaves a session behind (the request cache saves it).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(name = { "reactor.core.publisher.Mono",
		"org.springframework.security.web.server.SecurityWebFilterChain",
		"org.springframework.security.config.web.server.ServerHttpSecurity" })
@ConditionalOnMissingBean(SecurityWebFilterChain.class)
class JoatReactiveWebSecurityConfiguration {

	@Bean
	@ConditionalOnBean(ReactiveJwtDecoder.class)
	SecurityWebFilterChain joatSecurityWebFilterChain(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
		http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated());
		http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt((jwt) -> jwt.jwtDecoder(jwtDecoder)));
		http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
		http.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()));
		http.csrf((csrf) -> csrf.disable());
		return http.build();
	}

}
