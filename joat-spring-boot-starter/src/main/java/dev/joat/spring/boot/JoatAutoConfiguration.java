package dev.joat.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of a joat-backed resource server: a {@code SecretResolver},
 * {@code TokenParser} and {@code TokenGenerator} from {@code joat.*}, and Spring Security's
 * {@code JwtDecoder} and {@code JwtAuthenticationConverter} (or their reactive twins) on top.
 * Ordered before Boot's resource-server auto-configuration on Boot 4.0 and 4.1 (the classes moved
 * in 4.1; see {@link BootResourceServerAutoConfigurations}), so Boot's decoders back off in favour
 * of joat's. Every bean backs off when the application defines its own; the default filter chain
 * comes from {@link JoatWebSecurityAutoConfiguration}.
 */
@AutoConfiguration(beforeName = { BootResourceServerAutoConfigurations.SERVLET_4_0,
		BootResourceServerAutoConfigurations.SERVLET_4_1, BootResourceServerAutoConfigurations.SERVLET_WEB_SECURITY_4_1,
		BootResourceServerAutoConfigurations.REACTIVE, BootResourceServerAutoConfigurations.REACTIVE_WEB_SECURITY_4_1 })
@ConditionalOnClass(name = { "dev.joat.TokenParser", "org.springframework.security.oauth2.jwt.JwtDecoder",
		"org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter" })
@EnableConfigurationProperties(JoatProperties.class)
@Import({ JoatCoreConfiguration.class, JoatServletConfiguration.class, JoatReactiveConfiguration.class,
		JoatServletReactiveDecoderConfiguration.class, JoatReportConfiguration.class, JoatRevocationConfiguration.class })
public final class JoatAutoConfiguration {

}
