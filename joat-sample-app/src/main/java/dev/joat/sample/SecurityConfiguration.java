package dev.joat.sample;

import dev.joat.sample.token.AuthorizationServerMetadata;
import dev.joat.spring.boot.JoatBearerTokenAuthenticationEntryPoint;
import dev.joat.spring.boot.JoatProtectedResourceMetadata;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

import static org.springframework.security.config.Customizer.withDefaults;

/**
 * Three stateless filter chains: the actuator on the management port is open to whoever reaches
 * that (loopback-only by default) port; the token, revocation (RFC 7009) and introspection (RFC 7662)
 * endpoints authenticate clients themselves (RFC 6749 §2.3, with RFC 6749 error bodies), everything else needs a bearer token checked by the joat starter's
 * decoder, except the public metadata documents under {@code /.well-known/} and the public JWK Set
 * ({@code /oauth2/jwks}); {@code @PreAuthorize}
 * on the API checks scopes.
 *
 * <p>The RFC 9728 protected-resource metadata Spring Security serves follows the starter's
 * {@link JoatProtectedResourceMetadata} rule: its {@code resource} is {@code joat.resource} (by
 * default the issuer URL, see {@code application.yml}), never built from the request's
 * {@code Host} header; it names this server's issuer as the authorization server, offers the
 * {@code Authorization} header only, and does not claim certificate-bound tokens (nothing here
 * checks client certificates). The sample adds the scopes its clients may be granted. The
 * {@code resource_metadata} pointer of every 401 challenge names that same document
 * ({@link JoatBearerTokenAuthenticationEntryPoint}), never one built from the request.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/**
	 * The actuator endpoints on the management port ({@code management.server.port}), which listens
	 * on the loopback interface by default: open to whoever reaches that port, as a Prometheus
	 * agent scrapes. Requests to the application port never match: there every path, the actuator
	 * included, needs a bearer token.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain managementPortSecurity(HttpSecurity http, Environment environment) throws Exception {
		http.securityMatcher(new ManagementPortRequestMatcher(environment))
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain tokenEndpointSecurity(HttpSecurity http) throws Exception {
		http.securityMatcher("/oauth2/token", "/oauth2/revoke", "/oauth2/introspect")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain apiSecurity(HttpSecurity http, AuthorizationServerMetadata authorizationServer,
			JoatProtectedResourceMetadata protectedResourceMetadata) throws Exception {
		http.authorizeHttpRequests((requests) -> requests.requestMatchers("/error", "/.well-known/**", "/oauth2/jwks")
			.permitAll()
			.anyRequest()
			.authenticated())
			.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults())
				.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer(protectedResourceMetadata
					.andThen((document) -> document.scopes((scopes) -> scopes.addAll(authorizationServer.scopes())))))
				.authenticationEntryPoint(JoatBearerTokenAuthenticationEntryPoint.of(protectedResourceMetadata)))
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
		return http.build();
	}

	/** Client secrets are stored encoded, {@code {bcrypt}} by default. */
	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

}
