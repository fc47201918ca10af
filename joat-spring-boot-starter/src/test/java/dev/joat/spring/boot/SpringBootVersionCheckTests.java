package dev.joat.spring.boot;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootVersion;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * {@link SpringBootVersionCheck}: Boot 4 runs, Boot 3 stops with a message saying what is
 * supported. (A real Boot 3.5 application is started by the {@code joat-boot3-tests} module.)
 */
class SpringBootVersionCheckTests {

	@Test
	void checkWhenBoot4ThenRuns() {
		assertThatNoException().isThrownBy(() -> SpringBootVersionCheck.check("4.0.7", true));
		assertThatNoException().isThrownBy(() -> SpringBootVersionCheck.check("4.1.2", true));
		assertThatNoException().isThrownBy(() -> SpringBootVersionCheck.check("5.0.0-M1", true));
	}

	@Test
	void checkWhenBoot3ThenStopsNamingTheVersion() {
		assertThatIllegalStateException().isThrownBy(() -> SpringBootVersionCheck.check("3.5.7", false))
			.withMessage("joat-spring-boot-starter requires Spring Boot 4.0 or later (tested on 4.0 and 4.1), but this "
					+ "application runs Spring Boot 3.5.7. Upgrade to Spring Boot 4, or use joat-core without the starter.");
	}

	@Test
	void checkWhenVersionUnknownThenDecidedByBoot4Type() {
		assertThatNoException().isThrownBy(() -> SpringBootVersionCheck.check(null, true));
		assertThatIllegalStateException().isThrownBy(() -> SpringBootVersionCheck.check(null, false))
			.withMessage("joat-spring-boot-starter requires Spring Boot 4.0 or later (tested on 4.0 and 4.1), but this "
					+ "application runs Spring Boot 3 or earlier. Upgrade to Spring Boot 4, or use joat-core without the starter.");
	}

	@Test
	void initializeWhenThisBootThenRuns() {
		assertThatNoException().isThrownBy(() -> new SpringBootVersionCheck().initialize(new GenericApplicationContext()));
		assertThatNoException().isThrownBy(() -> SpringBootVersionCheck.check(SpringBootVersion.getVersion(), false));
	}

}
