package dev.joat.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of a joat-backed resource server: a {@code SecretResolver},
 * {@code TokenParser} and {@code TokenGenerator} from {@code joat.*}, and Spring Security's
 * {@code JwtDecoder} and {@code JwtAuthenticationConverter} (or their reactive twins) on top.
 * Ordered before Boot's resource-server auto-configuration, whose default filter chain then uses
 * joat's decoder. Every bean backs off when the application defines its own.
 */
@AutoConfiguration(beforeName = {
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration" })
@ConditionalOnClass(name = { "dev.joat.TokenParser", "org.springframework.security.oauth2.jwt.JwtDecoder",
		"org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter" })
@EnableConfigurationProperties(JoatProperties.class)
@Import({ JoatCoreConfiguration.class, JoatServletConfiguration.class, JoatReactiveConfiguration.class })
public final class JoatAutoConfiguration {

}
