package dev.joat.test.context;

import dev.joat.KeySet;
import dev.joat.KeySource;

import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps the application's {@link KeySource} in a {@link TestKeySource} that also answers the test
 * key. Added to the bean factory of a test context by {@link TestSecretContextCustomizer}, and
 * nowhere else. A {@link KeySet} bean is wrapped only when it is the starter's
 * ({@code joatPublicKeys}): other key sets of the application (the keys an issuer publishes) keep
 * their type.
 */
final class TestKeyPostProcessor implements BeanPostProcessor {

	private final TestKey testKey;

	TestKeyPostProcessor(TestKey testKey) {
		this.testKey = testKey;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!(bean instanceof KeySource keySource) || bean instanceof TestKeySource) {
			return bean;
		}
		if (bean instanceof KeySet && !"joatPublicKeys".equals(beanName)) {
			return bean;
		}
		return new TestKeySource(keySource, this.testKey);
	}

}
