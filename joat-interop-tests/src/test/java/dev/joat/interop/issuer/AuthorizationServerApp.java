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
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

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

	/**
	 * A second client, whose access tokens carry {@code scope} as RFC 9068 (§2.2.3) and RFC 8693 have
	 * it, a space-delimited string, instead of Spring Authorization Server's default JSON array.
	 */
	public static final String RFC9068_CLIENT_ID = "interop-rfc9068-client";

	/** The second client's secret (Spring Authorization Server refuses two clients with one secret). */
	public static final String RFC9068_CLIENT_SECRET = "interop-secret-of-the-rfc9068-client";

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
		RegisteredClient rfc9068Client = RegisteredClient.from(client)
			.id(UUID.randomUUID().toString())
			.clientId(RFC9068_CLIENT_ID)
			.clientSecret("{noop}" + RFC9068_CLIENT_SECRET)
			.build();
		return new InMemoryRegisteredClientRepository(client, rfc9068Client);
	}

	/** {@code scope} as a space-delimited string in the access tokens of {@link #RFC9068_CLIENT_ID}. */
	@Bean
	OAuth2TokenCustomizer<JwtEncodingContext> scopeAsStringForRfc9068Client() {
		return (context) -> {
			if (RFC9068_CLIENT_ID.equals(context.getRegisteredClient().getClientId())
					&& OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
				context.getClaims().claim("scope", String.join(" ", context.getAuthorizedScopes()));
			}
		};
	}

}
