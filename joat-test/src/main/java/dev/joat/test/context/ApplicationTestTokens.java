package dev.joat.test.context;

import java.time.Clock;
import java.util.Objects;

import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.test.JoatTestTokens;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.context.ApplicationContext;

/**
 * {@link JoatTestTokens} of a Spring application: minted by its {@link TokenGenerator} bean,
 * changed tokens re-signed with its {@link SecretResolver} bean, placed in time by its
 * {@link Clock} bean when it has exactly one (as the starter does), else the system clock.
 *
 * <pre>{@code
 * @Autowired ApplicationContext context;
 *
 * String token = ApplicationTestTokens.from(context).token().scopes("read").issue();
 * }</pre>
 *
 * <p>The joat starter creates both beans when {@code joat.issuer} and a secret are configured
 * (in a test with neither, joat-test supplies test-only values: see
 * {@link TestSecretContextCustomizerFactory}). Thread-safe: it holds no state.
 */
public final class ApplicationTestTokens {

	private ApplicationTestTokens() {
	}

	/**
	 * The test tokens of {@code context}'s application.
	 * @param context the application context under test
	 * @return test tokens minted with the application's own generator and secret
	 * @throws IllegalStateException when the context has no single {@link TokenGenerator} or
	 * {@link SecretResolver} bean, saying which and why
	 */
	public static JoatTestTokens from(ApplicationContext context) {
		Objects.requireNonNull(context, "context cannot be null");
		TokenGenerator generator = unique(context, TokenGenerator.class,
				"the joat starter creates one when joat.issuer is set");
		SecretResolver secretResolver = unique(context, SecretResolver.class,
				"the joat starter creates one from joat.secret, joat.secret-base64 or joat.secrets");
		Clock clock = context.getBeanProvider(Clock.class).getIfUnique(Clock::systemUTC);
		return JoatTestTokens.of(generator, secretResolver, clock);
	}

	private static <T> T unique(ApplicationContext context, Class<T> type, String where) {
		try {
			return context.getBean(type);
		}
		catch (NoUniqueBeanDefinitionException ex) {
			throw new IllegalStateException("The application context has more than one " + type.getName() + " bean: use"
					+ " JoatTestTokens.of(generator, secretResolver) with the ones its decoder uses", ex);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new IllegalStateException("The application context has no " + type.getName() + " bean (" + where
					+ "): joat-test mints tokens with the application's own generator and secret", ex);
		}
	}

}
