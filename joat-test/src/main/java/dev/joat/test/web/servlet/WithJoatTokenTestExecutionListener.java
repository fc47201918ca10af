package dev.joat.test.web.servlet;

import java.lang.reflect.Method;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Makes the {@link WithJoatToken} of the running test method (or of its class) known to the
 * MockMvc of {@link WithJoatTokenAutoConfiguration} while the method runs, on the test's
 * thread, and forgets it afterwards. Registered in joat-test's {@code META-INF/spring.factories};
 * only the Spring TestContext framework runs it. Thread-safe: each test thread has its own.
 */
public final class WithJoatTokenTestExecutionListener extends AbstractTestExecutionListener {

	private static final ThreadLocal<WithJoatToken> CURRENT = new ThreadLocal<>();

	/** Created by the TestContext framework from {@code META-INF/spring.factories}. */
	public WithJoatTokenTestExecutionListener() {
	}

	/**
	 * After Spring's own listeners that prepare the test (dependency injection, …).
	 * @return the order of this listener
	 */
	@Override
	public int getOrder() {
		return 10_000;
	}

	@Override
	public void beforeTestMethod(TestContext testContext) {
		Method method = testContext.getTestMethod();
		WithJoatToken annotation = AnnotatedElementUtils.findMergedAnnotation(method, WithJoatToken.class);
		if (annotation == null) {
			annotation = TestContextAnnotationUtils.findMergedAnnotation(testContext.getTestClass(), WithJoatToken.class);
		}
		if (annotation != null) {
			CURRENT.set(annotation);
		}
		else {
			CURRENT.remove();
		}
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		CURRENT.remove();
	}

	/** The annotation of the test method running on this thread, or {@code null}. */
	static WithJoatToken current() {
		return CURRENT.get();
	}

}
