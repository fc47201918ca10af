package dev.joat.interop.issuer;

import java.time.Duration;
import java.util.UUID;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/**
 * A Spring Authorization Server as its users run it: Boot's auto-configuration, one confidential
 * client for the client-credentials grant, and RS256 keys that a test can rotate.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = { "dev.joat.spring.boot.JoatAutoConfiguration",
		"dev.joat.spring.boot.JoatWebSecurityAutoConfiguration",
		"dev.joat.spring.boot.actuate.JoatMetricsAutoConfiguration",
		"dev.joat.spring.boot.actuate.JoatEndpointAutoConfiguration" })
public class AuthorizationServerApp {

	/** The one client's id. */
	public static final String CLIENT_ID = "interop-client";

	/** The one client's secret. */
	public static final String CLIENT_SECRET = "interop-secret-of-the-client";

	@Bean
	RotatingKeys rotatingKeys() {
		return new RotatingKeys();
	}

	@Bean
	JWKSource<SecurityContext> jwkSource(RotatingKeys keys) {
		return (selector, context) -> selector.select(keys.current());
	}

	@Bean
	RegisteredClientRepository registeredClientRepository() {
		RegisteredClient client = RegisteredClient.withId(UUID.randomUUID().toString())
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
			.scope("read")
			.scope("write")
			.tokenSettings(TokenSettings.builder().accessTokenTimeToLive(Duration.ofMinutes(5)).build())
			.build();
		return new InMemoryRegisteredClientRepository(client);
	}

}
