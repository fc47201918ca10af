package dev.joat.test.context;

import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link ApplicationTestTokens#from}: the application's own beans, or a message saying which is
 * missing.
 */
class ApplicationTestTokensTests {

	private static final SecretResolver SECRET = SecretResolver.of("0123456789abcdef0123456789abcdef");

	@Test
	void fromWhenGeneratorAndResolverBeansThenMintsWithThem() {
		new ApplicationContextRunner().withUserConfiguration(OneGenerator.class).run((context) -> {
			String token = ApplicationTestTokens.from(context).token().subject("alice").issue();

			assertThat(dev.joat.TokenParser.builder(SECRET).issuer("issuer").build().parseToken(token).userId())
				.isEqualTo("alice");
		});
	}

	@Test
	void fromWhenNoGeneratorBeanThenIllegalStateExceptionNamingIt() {
		new ApplicationContextRunner().run((context) -> assertThatIllegalStateException()
			.isThrownBy(() -> ApplicationTestTokens.from(context))
			.withMessage("The application context has no dev.joat.TokenGenerator bean (the joat starter creates one when"
					+ " joat.issuer is set): joat-test mints tokens with the application's own generator and secret"));
	}

	@Test
	void fromWhenTwoGeneratorBeansThenIllegalStateExceptionNamingThem() {
		new ApplicationContextRunner().withUserConfiguration(OneGenerator.class, AnotherGenerator.class)
			.run((context) -> assertThatIllegalStateException().isThrownBy(() -> ApplicationTestTokens.from(context))
				.withMessage("The application context has more than one dev.joat.TokenGenerator bean: use"
						+ " JoatTestTokens.of(generator, secretResolver) with the ones its decoder uses"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OneGenerator {

		@Bean
		SecretResolver secretResolver() {
			return SECRET;
		}

		@Bean
		TokenGenerator tokenGenerator() {
			return TokenGenerator.builder("issuer", SECRET).build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class AnotherGenerator {

		@Bean
		TokenGenerator anotherTokenGenerator() {
			return TokenGenerator.builder("another", SECRET).build();
		}

	}

}
