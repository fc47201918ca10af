package dev.joat.test.context;

import java.util.ArrayList;
import java.util.List;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.SignatureAlgorithm;
import dev.joat.VerificationKey;
import dev.joat.spring.security.DelegatingKeySource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.SingletonBeanRegistry;

/**
 * Makes the key source the starter verifies with also answer the test key. Added to the bean
 * factory of a test context by {@link TestSecretContextCustomizer}, and nowhere else.
 *
 * <ul>
 * <li>Keys mode from Spring Boot's properties ({@link #keysMode}): the starter's key source is
 * wrapped in a {@link TestKeySource}. A {@link KeySet} bean is wrapped only when it is the
 * starter's ({@code joatPublicKeys}): other key sets of the application (the keys an issuer
 * publishes) keep their type.</li>
 * <li>The application's own key source ({@link #applicationMode}): the test key is generated when
 * that bean is created, of an algorithm it accepts, and registered as the {@link TestKey} bean; a
 * {@link KeySet} bean becomes the same set plus the test key (still a {@code KeySet}, so the
 * starter accepts the same algorithms and shows its keys), any other key source is wrapped in a
 * {@link TestKeySource} (a {@code KeySource}: a test that injects the bean by its own class would
 * not get it).</li>
 * </ul>
 */
final class TestKeyPostProcessor implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(TestKeyPostProcessor.class);

	/** The bean name of the starter's key set of {@code public-key-location}. */
	private static final String STARTER_KEY_SET = "joatPublicKeys";

	private final @Nullable SingletonBeanRegistry registry;

	private final @Nullable SignatureAlgorithm configuredAlgorithm;

	private @Nullable TestKey testKey;

	private TestKeyPostProcessor(@Nullable TestKey testKey, @Nullable SignatureAlgorithm configuredAlgorithm,
			@Nullable SingletonBeanRegistry registry) {
		this.testKey = testKey;
		this.configuredAlgorithm = configuredAlgorithm;
		this.registry = registry;
	}

	/**
	 * Keys mode from Spring Boot's properties: the starter's key source answers {@code testKey}.
	 * @param testKey the test context's key, already registered as a bean
	 */
	static TestKeyPostProcessor keysMode(TestKey testKey) {
		return new TestKeyPostProcessor(testKey, null, null);
	}

	/**
	 * The application's own key source answers a test key, generated with it and registered in
	 * {@code registry} as {@value TestKey#BEAN_NAME}.
	 * @param configuredAlgorithm the first of {@code jws-algorithms}, or {@code null} when unset
	 * @param registry where the test key is registered
	 */
	static TestKeyPostProcessor applicationMode(@Nullable SignatureAlgorithm configuredAlgorithm,
			SingletonBeanRegistry registry) {
		return new TestKeyPostProcessor(null, configuredAlgorithm, registry);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof KeySource keySource) || bean instanceof DelegatingKeySource) {
			return bean;
		}
		if (this.registry == null) {
			if (bean instanceof KeySet && !STARTER_KEY_SET.equals(beanName)) {
				return bean;
			}
			return new TestKeySource(keySource, requiredTestKey());
		}
		TestKey key = applicationTestKey(keySource);
		if (keySource instanceof KeySet keySet) {
			List<VerificationKey> keys = new ArrayList<>(keySet.keys());
			keys.add(key.verificationKey());
			return KeySet.of(keys);
		}
		return new TestKeySource(keySource, key);
	}

	private TestKey requiredTestKey() {
		TestKey key = this.testKey;
		if (key == null) {
			throw new IllegalStateException("No test key");
		}
		return key;
	}

	/** The test key of the application's key source: generated and registered with the first one. */
	private synchronized TestKey applicationTestKey(KeySource keySource) {
		TestKey key = this.testKey;
		if (key == null) {
			key = TestKey.generate(algorithm(keySource));
			this.testKey = key;
			if (this.registry != null) {
				this.registry.registerSingleton(TestKey.BEAN_NAME, key);
			}
			logger.info("joat-test: this test context adds the test-only " + key.algorithm() + " key " + key.keyId()
					+ " to the application's KeySource bean");
		}
		return key;
	}

	/**
	 * An algorithm the starter accepts with {@code keySource}: the first of {@code jws-algorithms}
	 * when set, else the first of a {@link KeySet}'s own, else RS256 (the starter's order, see
	 * {@code KeySettings.algorithms}).
	 */
	private SignatureAlgorithm algorithm(KeySource keySource) {
		if (this.configuredAlgorithm != null) {
			return this.configuredAlgorithm;
		}
		if (keySource instanceof KeySet keySet && !keySet.algorithms().isEmpty()) {
			return keySet.algorithms().stream().sorted().findFirst().orElseThrow();
		}
		return SignatureAlgorithm.RS256;
	}

}
