package dev.joat.resourcecheck;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * A resource server on Spring Boot's own auto-configuration only, without joat: with
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, Boot builds Spring Security's stock
 * {@code NimbusJwtDecoder} from the issuer's metadata and protects every request with it. The same
 * endpoint as {@link JoatResourceServerApp}; joat's auto-configurations (which the test class path
 * holds) are excluded by name.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "dev.joat.spring.boot.JoatAutoConfiguration",
		"dev.joat.spring.boot.JoatWebSecurityAutoConfiguration",
		"dev.joat.spring.boot.actuate.JoatMetricsAutoConfiguration",
		"dev.joat.spring.boot.actuate.JoatEndpointAutoConfiguration",
		"dev.joat.revocation.redis.autoconfigure.RedisRevocationAutoConfiguration" })
@Import(JoatResourceServerApp.Hello.class)
public class SpringResourceServerApp {

}
