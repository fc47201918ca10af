package dev.joat.test.context;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.util.ClassUtils;

/**
 * Gives a test context whose configuration names no joat secret a random, test-only secret (and
 * the issuer {@value TestSecretContextCustomizer#TEST_ISSUER} when none is set either), so that
 * {@code @WebMvcTest}, {@code @WebFluxTest} and {@code @SpringBootTest} of a joat application
 * start without a secret in the test configuration; in keys mode (Spring Boot's key properties, or
 * the application's own {@code KeySource} bean) a test-only key pair instead (see
 * {@link TestSecretContextCustomizer}).
 *
 * <p>Registered in joat-test's {@code META-INF/spring.factories} under
 * {@link ContextCustomizerFactory}, which only the Spring TestContext framework reads: it never
 * takes part in a running application. Applies only when the joat starter is on the class path.
 * Thread-safe.
 */
public final class TestSecretContextCustomizerFactory implements ContextCustomizerFactory {

	private static final String STARTER_AUTO_CONFIGURATION = "dev.joat.spring.boot.JoatAutoConfiguration";

	/** Created by the TestContext framework from {@code META-INF/spring.factories}. */
	public TestSecretContextCustomizerFactory() {
	}

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		if (!ClassUtils.isPresent(STARTER_AUTO_CONFIGURATION, testClass.getClassLoader())) {
			return null;
		}
		return new TestSecretContextCustomizer();
	}

}
