package dev.joat.test.context;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.joat.SignatureAlgorithm;
import dev.joat.spring.boot.KeyMode;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds {@code joat.secret-base64} (64 random bytes, new for each test context: enough for HS512)
 * and, when unset, {@code joat.issuer} = {@value #TEST_ISSUER}, as the property source of lowest
 * precedence, named {@value #PROPERTY_SOURCE_NAME} — only when the test's environment (its
 * application properties, {@code @SpringBootTest(properties)}, {@code @TestPropertySource} …)
 * names none of {@code joat.secret}, {@code joat.secret-base64} and {@code joat.secrets}. A
 * property the application sets is never overridden. The issuer is not added when the application
 * sets {@code joat.accept-any-issuer=true}: that choice stays the application's.
 *
 * <p>An application in keys mode (Spring Boot's {@code issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location} set) gets no secret: instead a key pair is generated for the test
 * context, of the first of its {@code jws-algorithms} (RS256 when unset, as in Spring Boot), with
 * key id {@code joat-test-<thumbprint prefix>}, registered as a bean for {@link ApplicationTestTokens},
 * and a {@link TestKeyPostProcessor} makes the application's key source answer it (see
 * {@link TestKeySource}). The issuer {@value #TEST_ISSUER} is added only when neither
 * {@code issuer-uri} nor {@code joat.issuer} is set and any issuer is not accepted.
 *
 * <p>An application that defines its own {@code KeySource} (or {@code KeySet}) bean, without those
 * properties, is in keys mode too ({@link KeyMode#APPLICATION}, the starter's one rule): once the
 * bean definitions are registered, the test secret is withdrawn again and a test key pair is added
 * to that bean instead, of an algorithm it accepts (the first of {@code jws-algorithms} when set,
 * else one of its {@code KeySet}'s, else RS256). A Boot key property that only a later context
 * customizer adds (a {@code @DynamicPropertySource}) is handled the same way, once the bean
 * definitions are registered.
 */
final class TestSecretContextCustomizer implements ContextCustomizer {

	/** The issuer of a test context whose configuration names neither secret nor issuer. */
	static final String TEST_ISSUER = "joat-test";

	/** The name of the property source holding the test-only values. */
	static final String PROPERTY_SOURCE_NAME = "joat-test-only-secret";

	private static final Log logger = LogFactory.getLog(TestSecretContextCustomizer.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The test-only secret's property. */
	private static final String SECRET_PROPERTY = "joat.secret-base64";

	/** Spring Boot's resource-server properties. */
	static final String BOOT_PREFIX = "spring.security.oauth2.resourceserver.jwt.";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(environment);
		if (KeyMode.of(environment, null) != KeyMode.HMAC) {
			customizeKeysMode(context, sources);
			return;
		}
		if (isSet(sources, "joat.secret") || isSet(sources, "joat.secret-base64") || hasDescendants(sources, "joat.secrets")) {
			return;
		}
		Map<String, Object> properties = new LinkedHashMap<>();
		byte[] secret = new byte[64];
		RANDOM.nextBytes(secret);
		properties.put(SECRET_PROPERTY, Base64.getEncoder().encodeToString(secret));
		if (!isSet(sources, "joat.issuer") && !"true".equalsIgnoreCase(environment.getProperty("joat.accept-any-issuer"))) {
			properties.put("joat.issuer", TEST_ISSUER);
		}
		environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
		context.addBeanFactoryPostProcessor(new KeyModeCheck(environment, properties.containsKey("joat.issuer")));
	}

	private static void customizeKeysMode(ConfigurableApplicationContext context,
			Iterable<ConfigurationPropertySource> sources) {
		ConfigurableEnvironment environment = context.getEnvironment();
		TestKey testKey = TestKey.generate(firstAlgorithm(environment));
		if (!isSet(sources, BOOT_PREFIX + "issuer-uri") && !isSet(sources, "joat.issuer")
				&& !"true".equalsIgnoreCase(environment.getProperty("joat.accept-any-issuer"))) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, Map.of("joat.issuer", TEST_ISSUER)));
		}
		context.getBeanFactory().registerSingleton(TestKey.BEAN_NAME, testKey);
		context.getBeanFactory().addBeanPostProcessor(TestKeyPostProcessor.keysMode(testKey));
		logger.info("joat-test: the application verifies with an issuer's public keys; this test context adds the"
				+ " test-only " + testKey.algorithm() + " key " + testKey.keyId() + " to its key source");
	}

	/** The first of {@code jws-algorithms} that names a public-key algorithm, RS256 when unset. */
	static SignatureAlgorithm firstAlgorithm(ConfigurableEnvironment environment) {
		List<String> names = Binder.get(environment)
			.bind(BOOT_PREFIX + "jws-algorithms", Bindable.listOf(String.class))
			.orElse(List.of(SignatureAlgorithm.RS256.jwsName()));
		for (String name : names) {
			SignatureAlgorithm algorithm = SignatureAlgorithm.fromJwsName(name.trim());
			if (algorithm != null) {
				return algorithm;
			}
		}
		// None is a public-key algorithm: the starter refuses such a list at start-up, naming it.
		return SignatureAlgorithm.RS256;
	}

	private static boolean isSet(Iterable<ConfigurationPropertySource> sources, String name) {
		ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : sources) {
			if (source.getConfigurationProperty(property) != null) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasDescendants(Iterable<ConfigurationPropertySource> sources, String name) {
		ConfigurationPropertyName property = ConfigurationPropertyName.of(name);
		for (ConfigurationPropertySource source : sources) {
			if (source.containsDescendantOf(property) == ConfigurationPropertyState.PRESENT) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The mode seen again once every bean definition is registered, as the starter sees it. The
	 * application's own {@code KeySource} bean ({@link KeyMode#APPLICATION}): the test secret is
	 * withdrawn (the starter refuses a secret beside a key source) and a {@link TestKeyPostProcessor}
	 * adds a test key to that bean instead; the test issuer, when added, stays (the starter requires
	 * one). A Boot key property that only another context customizer added (a
	 * {@code @DynamicPropertySource} run after this one, e.g. the URL of a mock issuer): the test
	 * secret (and, with {@code issuer-uri}, the test issuer) is withdrawn and keys mode set up as
	 * from the start.
	 */
	private static final class KeyModeCheck implements BeanFactoryPostProcessor {

		private final ConfigurableEnvironment environment;

		private final boolean testIssuer;

		KeyModeCheck(ConfigurableEnvironment environment, boolean testIssuer) {
			this.environment = environment;
			this.testIssuer = testIssuer;
		}

		@Override
		public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
			KeyMode mode = KeyMode.of(this.environment, beanFactory);
			if (mode == KeyMode.HMAC) {
				logger.info("joat-test: the test configuration names no joat secret; this test context signs and verifies"
						+ " with a random test-only secret" + (this.testIssuer ? " and issuer '" + TEST_ISSUER + "'" : ""));
				return;
			}
			Iterable<ConfigurationPropertySource> sources = ConfigurationPropertySources.get(this.environment);
			boolean issuerUri = isSet(sources, BOOT_PREFIX + "issuer-uri");
			withdraw(this.environment, issuerUri ? List.of(SECRET_PROPERTY, "joat.issuer") : List.of(SECRET_PROPERTY));
			if (mode != KeyMode.APPLICATION) {
				TestKey testKey = TestKey.generate(firstAlgorithm(this.environment));
				beanFactory.registerSingleton(TestKey.BEAN_NAME, testKey);
				beanFactory.addBeanPostProcessor(TestKeyPostProcessor.keysMode(testKey));
				logger.info("joat-test: the application verifies with an issuer's public keys; this test context adds no"
						+ " secret but the test-only " + testKey.algorithm() + " key " + testKey.keyId() + " to its key source");
				return;
			}
			SignatureAlgorithm configured = isSet(sources, BOOT_PREFIX + "jws-algorithms")
					? firstAlgorithm(this.environment) : null;
			beanFactory.addBeanPostProcessor(TestKeyPostProcessor.applicationMode(configured, beanFactory));
			logger.info("joat-test: the application verifies with its own KeySource bean; this test context adds no"
					+ " secret but a test-only key pair to that bean" + (this.testIssuer ? ", and issuer '" + TEST_ISSUER + "'" : ""));
		}

		/** Removes {@code names} from the test-only property source, and the source when it is left empty. */
		private static void withdraw(ConfigurableEnvironment environment, List<String> names) {
			MutablePropertySources propertySources = environment.getPropertySources();
			if (propertySources.get(PROPERTY_SOURCE_NAME) instanceof MapPropertySource testOnly) {
				Map<String, Object> properties = new LinkedHashMap<>(testOnly.getSource());
				names.forEach(properties::remove);
				if (properties.isEmpty()) {
					propertySources.remove(PROPERTY_SOURCE_NAME);
				}
				else {
					propertySources.replace(PROPERTY_SOURCE_NAME, new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
				}
			}
		}

	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
