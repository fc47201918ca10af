package dev.joat.docs;

import java.net.URI;

import dev.joat.KeySource;
import dev.joat.KeysUnavailableException;
import dev.joat.TokenParser;
import dev.joat.spring.security.JwkSetKeySource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * "Tokens from any issuer": each issuer's configuration, loaded as an application would load it,
 * with nothing else. The app starts in keys mode (no secret), keeps that issuer's JWK Set through a
 * {@link JwkSetKeySource}, and answers "keys unavailable" (a 503) until the keys arrive, which they
 * never do here: the hosts are examples. Spring Authorization Server's tokens verify end to end in
 * joat-interop-tests' {@code IssuerUriTests}.
 */
class AnyIssuerExamplesTests {

	@ParameterizedTest
	@CsvSource({ "issuer-keycloak.yml, https://keycloak.example.com/realms/my-realm",
			"issuer-entra.yml, https://login.microsoftonline.com/7f3c1a52-4a4e-4c41-9d0b-0c8b1e5f9a10/v2.0",
			"issuer-okta.yml, https://example.okta.com/oauth2/default",
			"issuer-auth0.yml, https://example.us.auth0.com/",
			"issuer-spring-authorization-server.yml, http://127.0.0.1:9000" })
	void issuerExampleWhenLoadedAloneThenKeysComeFromThatIssuersJwkSet(String file, String issuer) {
		ConfigurationExamplesTests.runner(file)
			.withPropertyValues("joat.jwks.connect-timeout=200ms", "joat.jwks.read-timeout=200ms")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				KeySource keys = context.getBean(KeySource.class);
				assertThat(keys).isInstanceOf(JwkSetKeySource.class);
				assertThat(((JwkSetKeySource) keys).status().source()).isEqualTo(URI.create(issuer));
				assertThatExceptionOfType(KeysUnavailableException.class)
					.isThrownBy(() -> context.getBean(TokenParser.class).parseToken(
							"eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ.eyJpc3MiOiJ4In0.c2lnbmF0dXJl"));
			});
	}

}
