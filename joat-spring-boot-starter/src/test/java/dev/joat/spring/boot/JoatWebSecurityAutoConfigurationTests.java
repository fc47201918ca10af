package dev.joat.spring.boot;

import java.util.ArrayList;
import java.util.List;

import dev.joat.spring.security.JoatJwtDecoder;
import dev.joat.spring.security.JoatReactiveJwtDecoder;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.savedrequest.RequestCacheAwareFilter;
import org.springframework.security.web.server.SecurityWebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How joat's auto-configurations sit among Spring Boot's own (on whichever Boot line the build
 * runs: {@code -Pboot-4.1} runs these against Boot 4.1), and the stateless default chain of
 * {@link JoatWebSecurityAutoConfiguration}: there when the application has no chain, gone when it
 * has one.
 */
class JoatWebSecurityAutoConfigurationTests {

	private static final String BOOT_RESOURCE_SERVER = "org.springframework.boot.security.oauth2.server.resource.";

	private static final String[] PROPERTIES = { "joat.issuer=https://issuer.example",
			"joat.secret=" + JoatAutoConfigurationTests.SECRET };

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(bootSecurityAutoConfigurations()))
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class, JoatWebSecurityAutoConfiguration.class))
		.withPropertyValues(PROPERTIES);

	private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(bootSecurityAutoConfigurations()))
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class, JoatWebSecurityAutoConfiguration.class))
		.withPropertyValues(PROPERTIES);

	@Test
	void autoConfigurationWhenBootResourceServerAutoConfigurationsOnClasspathThenJoatOrderedBeforeEach() {
		List<String> bootResourceServer = List.of(bootSecurityAutoConfigurations()).stream()
			.map(Class::getName)
			.filter((name) -> name.startsWith(BOOT_RESOURCE_SERVER))
			.toList();
		assertThat(bootResourceServer).as("Boot's resource-server auto-configurations on this classpath").isNotEmpty();
		for (Class<?> joat : List.of(JoatAutoConfiguration.class, JoatWebSecurityAutoConfiguration.class)) {
			AutoConfiguration ordering = AnnotatedElementUtils.getMergedAnnotation(joat, AutoConfiguration.class);
			assertThat(ordering.beforeName()).as(joat.getSimpleName() + " before every Boot resource-server auto-configuration")
				.contains(bootResourceServer.toArray(String[]::new));
		}
	}

	@Test
	void autoConfigurationWhenNoApplicationChainThenJoatStatelessChainWithJoatDecoder() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(JwtDecoder.class).isInstanceOf(JoatJwtDecoder.class);
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("joatSecurityFilterChain");
			List<Class<?>> filters = new ArrayList<>();
			context.getBean(SecurityFilterChain.class).getFilters().forEach((filter) -> filters.add(filter.getClass()));
			assertThat(filters).contains(BearerTokenAuthenticationFilter.class)
				.doesNotContain(CsrfFilter.class, RequestCacheAwareFilter.class);
		});
	}

	@Test
	void autoConfigurationWhenJoatChainExcludedThenBootJwtChainUsesJoatDecoder() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(bootSecurityAutoConfigurations()))
			.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
			.withPropertyValues(PROPERTIES)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).getBean(JwtDecoder.class).isInstanceOf(JoatJwtDecoder.class);
				assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("jwtSecurityFilterChain");
			});
	}

	@Test
	void autoConfigurationWhenApplicationDefinesChainThenJoatChainBacksOff() {
		this.runner.withUserConfiguration(ApplicationChain.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("applicationChain");
			assertThat(context).getBean(JwtDecoder.class).isInstanceOf(JoatJwtDecoder.class);
		});
	}

	@Test
	void autoConfigurationWhenReactiveWithoutApplicationChainThenJoatStatelessChainWithJoatDecoder() {
		this.reactiveRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).getBean(ReactiveJwtDecoder.class).isInstanceOf(JoatReactiveJwtDecoder.class);
			assertThat(context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys("joatSecurityWebFilterChain");
		});
	}

	@Test
	void autoConfigurationWhenReactiveApplicationDefinesChainThenJoatChainBacksOff() {
		this.reactiveRunner.withUserConfiguration(ReactiveApplicationChain.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(SecurityWebFilterChain.class)).containsOnlyKeys("applicationChain");
			assertThat(context).getBean(ReactiveJwtDecoder.class).isInstanceOf(JoatReactiveJwtDecoder.class);
		});
	}

	/**
	 * The Spring Boot security auto-configurations this classpath registers, as an application gets
	 * them, but those for RSocket and Actuator (whose libraries these tests do not have).
	 */
	static Class<?>[] bootSecurityAutoConfigurations() {
		ClassLoader classLoader = JoatWebSecurityAutoConfigurationTests.class.getClassLoader();
		List<Class<?>> classes = new ArrayList<>();
		for (String name : ImportCandidates.load(AutoConfiguration.class, classLoader)) {
			if (name.startsWith("org.springframework.boot.security.") && !name.contains(".rsocket.")
					&& !name.contains(".actuate.")) {
				try {
					classes.add(Class.forName(name, false, classLoader));
				}
				catch (ClassNotFoundException | LinkageError ex) {
					throw new IllegalStateException("Cannot load " + name, ex);
				}
			}
		}
		return classes.toArray(Class<?>[]::new);
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationChain {

		@Bean
		SecurityFilterChain applicationChain(HttpSecurity http) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll());
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ReactiveApplicationChain {

		@Bean
		SecurityWebFilterChain applicationChain(ServerHttpSecurity http) {
			http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll());
			return http.build();
		}

	}

}
