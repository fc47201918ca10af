package dev.joat.spring.boot;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Import;

/**
 * The default filter chain of an application that has none of its own: every request needs a
 * valid bearer token, verified by the application's {@code JwtDecoder} (joat's, unless it brings
 * its own). It is Spring Boot's default resource-server chain made stateless: no HTTP session, no
 * saved request, no session-bound CSRF token, so no {@code Set-Cookie} on any answer. Backs off as
 * soon as the application defines a {@code SecurityFilterChain} (servlet) or
 * {@code SecurityWebFilterChain} (reactive). Ordered before Boot's resource-server and web-security
 * auto-configurations on Boot 4.0 and 4.1, whose default chains then back off.
 */
@AutoConfiguration(after = JoatAutoConfiguration.class,
		beforeName = { BootResourceServerAutoConfigurations.SERVLET_4_0, BootResourceServerAutoConfigurations.SERVLET_4_1,
				BootResourceServerAutoConfigurations.SERVLET_WEB_SECURITY_4_1, BootResourceServerAutoConfigurations.REACTIVE,
				BootResourceServerAutoConfigurations.REACTIVE_WEB_SECURITY_4_1,
				BootResourceServerAutoConfigurations.SERVLET_WEB_SECURITY,
				BootResourceServerAutoConfigurations.REACTIVE_WEB_SECURITY,
				BootResourceServerAutoConfigurations.MANAGEMENT_WEB_SECURITY,
				BootResourceServerAutoConfigurations.REACTIVE_MANAGEMENT_WEB_SECURITY })
@ConditionalOnClass(name = { "dev.joat.TokenParser",
		"org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken" })
@Import({ JoatServletWebSecurityConfiguration.class, JoatReactiveWebSecurityConfiguration.class })
public final class JoatWebSecurityAutoConfiguration {

}
