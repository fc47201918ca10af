package dev.joat.boot3;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * A real Spring Boot 3.5 application with joat-spring-boot-starter on its class path (resolved as
 * a Boot 3.5 user's build resolves it) does not start: it stops before any bean is defined, with a
 * message that says which Boot versions the starter supports.
 */
class Boot3ApplicationTests {

	@Test
	void runWhenSpringBoot3ThenStartupStopsSayingBoot4IsRequired() {
		assertThat(SpringBootVersion.getVersion()).startsWith("3.5.");
		SpringApplication application = new SpringApplication(Boot3Application.class);
		assertThatIllegalStateException()
			.isThrownBy(() -> application.run("--server.port=0", "--joat.issuer=https://issuer.example",
					"--joat.secret=0123456789abcdef0123456789abcdef"))
			.withMessage("joat-spring-boot-starter requires Spring Boot 4.0 or later (tested on 4.0 and 4.1), but this "
					+ "application runs Spring Boot " + SpringBootVersion.getVersion()
					+ ". Upgrade to Spring Boot 4, or use joat-core without the starter.");
	}

}
