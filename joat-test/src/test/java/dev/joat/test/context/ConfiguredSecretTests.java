package dev.joat.test.context;

import java.util.List;

import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @SpringBootTest} whose application properties file names the secret and issuer: the
 * context customizer sees that file and leaves it alone; tokens signed with exactly that secret
 * are what the decoder accepts.
 */
@SpringBootTest(properties = "spring.config.name=joat-test-configured")
class ConfiguredSecretTests {

	@Autowired
	private ConfigurableEnvironment environment;

	@Autowired
	private JwtDecoder jwtDecoder;

	@Autowired
	private ApplicationContext context;

	@Test
	void springBootTestWhenPropertiesFileNamesSecretThenNoTestOnlySecret() {
		assertThat(this.environment.getPropertySources().contains(TestSecretContextCustomizer.PROPERTY_SOURCE_NAME))
			.isFalse();
		String token = TokenGenerator.builder("https://configured.example.test",
				SecretResolver.of("configured-secret-0123456789abcdef")).build().issueToken("abcd", List.of("read"));

		assertThat(this.jwtDecoder.decode(token).getClaimAsStringList("scp")).containsExactly("read");
	}

	@Test
	void applicationTestTokensWhenPropertiesFileNamesSecretThenTokensTheDecoderAccepts() {
		String token = ApplicationTestTokens.from(this.context).token().subject("alice").issue();

		assertThat(this.jwtDecoder.decode(token).getSubject()).isEqualTo("alice");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

	}

}
