package dev.joat.test.context;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

import dev.joat.SecretResolver;
import dev.joat.SigningKey;
import dev.joat.TokenGenerator;
import dev.joat.TokenProfile;
import dev.joat.test.JoatTestTokens;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.NoUniqueBeanDefinitionException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

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
 * {@link TestSecretContextCustomizerFactory}). In a test context of an application that verifies
 * with an issuer's public keys (Spring Boot's {@code issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}), or with its own {@code KeySource} or {@code KeySet} bean, the
 * tokens are signed instead with the context's test-only key pair, which joat-test adds to the
 * application's key source, and carry the application's issuer ({@code issuer-uri}, else
 * {@code joat.issuer}) and audiences. Thread-safe: it holds no state.
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
		TestKey testKey = context.getBeanProvider(TestKey.class).getIfUnique();
		if (testKey != null) {
			return fromTestKey(context, testKey);
		}
		TokenGenerator generator = unique(context, TokenGenerator.class,
				"the joat starter creates one when joat.issuer is set");
		SecretResolver secretResolver = unique(context, SecretResolver.class,
				"the joat starter creates one from joat.secret, joat.secret-base64 or joat.secrets");
		Clock clock = context.getBeanProvider(Clock.class).getIfUnique(Clock::systemUTC);
		return JoatTestTokens.of(generator, secretResolver, clock);
	}

	/**
	 * Keys mode: a generator signing with the test key, for the application's issuer and audiences.
	 */
	private static JoatTestTokens fromTestKey(ApplicationContext context, TestKey testKey) {
		Environment environment = context.getEnvironment();
		String issuer = environment.getProperty(TestSecretContextCustomizer.BOOT_PREFIX + "issuer-uri",
				environment.getProperty("joat.issuer", TestSecretContextCustomizer.TEST_ISSUER));
		Binder binder = Binder.get(environment);
		List<String> audiences = binder.bind(TestSecretContextCustomizer.BOOT_PREFIX + "audiences",
				Bindable.listOf(String.class))
			.orElseGet(() -> binder.bind("joat.audiences", Bindable.listOf(String.class)).orElse(List.of()));
		Clock clock = context.getBeanProvider(Clock.class).getIfUnique(Clock::systemUTC);
		SigningKey signingKey = SigningKey.of(testKey.algorithm(), testKey.keyPair()).withKeyId(testKey.keyId());
		TokenGenerator.Builder generator = TokenGenerator.builder(issuer, signingKey).clock(clock);
		binder.bind("joat.token-lifetime", Duration.class).ifBound(generator::lifetime);
		if (!audiences.isEmpty()) {
			generator.profile(TokenProfile.RFC_9068).audience(audiences.toArray(String[]::new));
		}
		return JoatTestTokens.of(generator.build(), testKey.algorithm(), testKey.keyPair(), clock);
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
