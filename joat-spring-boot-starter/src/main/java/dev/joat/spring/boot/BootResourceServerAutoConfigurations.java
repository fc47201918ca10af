package dev.joat.spring.boot;

/**
 * The class names of Spring Boot's resource-server and web-security auto-configurations on every
 * supported Boot line, for ordering joat's auto-configurations before them by name. Boot 4.1 moved
 * and split the 4.0 classes; a name that does not exist on the running line is ignored by
 * {@code beforeName}, so both lines are listed.
 */
final class BootResourceServerAutoConfigurations {

	private static final String RESOURCE = "org.springframework.boot.security.oauth2.server.resource.autoconfigure.";

	/** Boot 4.0: decoders and the default jwt filter chain (servlet). */
	static final String SERVLET_4_0 = RESOURCE + "servlet.OAuth2ResourceServerAutoConfiguration";

	/** Boot 4.0 and 4.1: the reactive decoders (4.0: also its default jwt filter chain). */
	static final String REACTIVE = RESOURCE + "reactive.ReactiveOAuth2ResourceServerAutoConfiguration";

	/** Boot 4.1: the decoders (servlet). */
	static final String SERVLET_4_1 = RESOURCE + "OAuth2ResourceServerAutoConfiguration";

	/** Boot 4.1: the default jwt filter chain (servlet). */
	static final String SERVLET_WEB_SECURITY_4_1 = RESOURCE + "web.OAuth2ResourceServerWebSecurityAutoConfiguration";

	/** Boot 4.1: the default jwt filter chain (reactive). */
	static final String REACTIVE_WEB_SECURITY_4_1 = RESOURCE
			+ "web.reactive.ReactiveOAuth2ResourceServerWebSecurityAutoConfiguration";

	private static final String SECURITY = "org.springframework.boot.security.autoconfigure.";

	/** Boot 4.0 and 4.1: the default servlet filter chain (form login and HTTP Basic). */
	static final String SERVLET_WEB_SECURITY = SECURITY + "web.servlet.ServletWebSecurityAutoConfiguration";

	/** Boot 4.0 and 4.1: {@code @EnableWebFluxSecurity} and its default chain. */
	static final String REACTIVE_WEB_SECURITY = SECURITY + "web.reactive.ReactiveWebSecurityAutoConfiguration";

	/** Boot 4.0 and 4.1, with Actuator: the default chain of the management endpoints (servlet). */
	static final String MANAGEMENT_WEB_SECURITY = SECURITY + "actuate.web.servlet.ManagementWebSecurityAutoConfiguration";

	/** Boot 4.0 and 4.1, with Actuator: the default chain of the management endpoints (reactive). */
	static final String REACTIVE_MANAGEMENT_WEB_SECURITY = SECURITY
			+ "actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration";

	private BootResourceServerAutoConfigurations() {
	}

}
