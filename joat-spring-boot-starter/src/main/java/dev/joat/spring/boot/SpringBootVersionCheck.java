package dev.joat.spring.boot;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Stops an application on Spring Boot 3 or earlier before its context is refreshed, with a
 * message that says which Boot versions the starter supports. Without it, the starter's Boot 4
 * dependencies fail in a Boot 3 app with an unrelated bean-definition error. Registered in
 * {@code META-INF/spring.factories}, a key both Boot lines read, and written against types both
 * lines have. Stateless and thread-safe.
 */
final class SpringBootVersionCheck implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

	/** A type of Spring Boot 4 that Boot 3 does not have: the test when the version is unknown. */
	static final String BOOT_4_TYPE = "org.springframework.boot.EnvironmentPostProcessor";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		check(SpringBootVersion.getVersion(), ClassUtils.isPresent(BOOT_4_TYPE, context.getClassLoader()));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	/**
	 * Refuses a Boot line before 4.
	 * @param version the running Spring Boot's version, or {@code null} when its jar does not say
	 * @param boot4TypePresent whether {@link #BOOT_4_TYPE} is on the class path (used when the
	 * version is unknown)
	 * @throws IllegalStateException on Spring Boot 3 or earlier
	 */
	static void check(@Nullable String version, boolean boot4TypePresent) {
		boolean supported = (version != null) ? major(version) >= 4 : boot4TypePresent;
		if (!supported) {
			throw new IllegalStateException("joat-spring-boot-starter requires Spring Boot 4.0 or later (tested on 4.0 and "
					+ "4.1), but this application runs Spring Boot " + ((version != null) ? version : "3 or earlier")
					+ ". Upgrade to Spring Boot 4, or use joat-core without the starter.");
		}
	}

	private static int major(String version) {
		int end = 0;
		while (end < version.length() && Character.isDigit(version.charAt(end))) {
			end++;
		}
		// A version that does not start with a short number is not one of Boot's: do not guess, let it run.
		return (end > 0 && end < 10) ? Integer.parseInt(version.substring(0, end)) : Integer.MAX_VALUE;
	}

}
