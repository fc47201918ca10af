package dev.joat.docs;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.joat.KeySource;
import dev.joat.KeysUnavailableException;
import dev.joat.TokenParser;
import dev.joat.spring.security.JwkSetKeySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

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

	/**
	 * README.md's "Tokens from any issuer" shows the Keycloak example in a shorter YAML spelling:
	 * it must set exactly the properties of the file this class loads.
	 */
	@Test
	void readmeIssuerExampleWhenLoadedThenSamePropertiesAsTestedFile() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		String marker = "<!-- example: issuer-keycloak.yml (AnyIssuerExamplesTests) -->\n```yaml\n";
		int start = readme.indexOf(marker);
		assertThat(start).as("README.md has the marker of the issuer example followed by a yaml block").isPositive();
		int from = start + marker.length();
		String block = readme.substring(from, readme.indexOf("```", from));
		assertThat(properties(new ByteArrayResource(block.getBytes(), "README.md")))
			.isEqualTo(properties(new ClassPathResource("dev/joat/docs/issuer-keycloak.yml")))
			.containsKey("spring.security.oauth2.resourceserver.jwt.issuer-uri");
	}

	private static Map<String, String> properties(Resource yaml) throws IOException {
		Map<String, String> properties = new TreeMap<>();
		List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("example", yaml);
		for (PropertySource<?> source : sources) {
			EnumerablePropertySource<?> enumerable = (EnumerablePropertySource<?>) source;
			for (String name : enumerable.getPropertyNames()) {
				properties.put(name, String.valueOf(enumerable.getProperty(name)));
			}
		}
		return properties;
	}

}
