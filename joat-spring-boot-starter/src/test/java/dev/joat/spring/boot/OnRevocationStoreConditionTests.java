package dev.joat.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ConditionalOnRevocationStore}: every relaxed spelling of {@code joat.revocation.store}
 * (property or environment variable) selects the same store, and the condition report says which
 * store was wanted and which was found.
 */
class OnRevocationStoreConditionTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(StoreBeans.class);

	@Test
	void conditionWhenStoreUnsetThenOnlyNoneMatches() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(String.class).hasBean("none"));
	}

	@Test
	void conditionWhenInMemorySpelledAnyRelaxedWayThenInMemoryMatches() {
		for (String spelling : List.of("in-memory", "IN_MEMORY", "inMemory", "in_memory", "IN-MEMORY", "InMemory")) {
			this.runner.withPropertyValues("joat.revocation.store=" + spelling)
				.run((context) -> assertThat(context).as("joat.revocation.store=%s", spelling)
					.hasSingleBean(String.class)
					.hasBean("inMemory"));
		}
	}

	@Test
	void conditionWhenPropertyNameSpelledInCamelCaseThenStoreMatches() {
		this.runner.withPropertyValues("joat.revocation.Store=redis")
			.run((context) -> assertThat(context).hasSingleBean(String.class).hasBean("redis"));
	}

	@Test
	void conditionWhenEnvironmentVariableThenStoreMatches() {
		for (String value : List.of("in-memory", "IN_MEMORY")) {
			this.runner
				.withInitializer((applicationContext) -> applicationContext.getEnvironment()
					.getPropertySources()
					.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
							Map.of("JOAT_REVOCATION_STORE", value))))
				.run((context) -> assertThat(context).as("JOAT_REVOCATION_STORE=%s", value)
					.hasSingleBean(String.class)
					.hasBean("inMemory"));
		}
	}

	@Test
	void conditionWhenStoreUnknownThenStartupFailsWithBindException() {
		this.runner.withPropertyValues("joat.revocation.store=memcached")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.satisfies((failure) -> assertThat(causes(failure)).hasAtLeastOneElementOfType(BindException.class)));
	}

	@Test
	void conditionWhenEvaluatedThenReportNamesWantedAndFoundStore() {
		this.runner.withPropertyValues("joat.revocation.store=IN_MEMORY").run((context) -> {
			assertThat(outcome(context, "inMemory").getOutcome().isMatch()).isTrue();
			assertThat(outcome(context, "inMemory").getOutcome().getMessage())
				.isEqualTo("@ConditionalOnRevocationStore (in-memory) joat.revocation.store is in-memory");
			assertThat(outcome(context, "redis").getOutcome().isMatch()).isFalse();
			assertThat(outcome(context, "redis").getOutcome().getMessage())
				.isEqualTo("@ConditionalOnRevocationStore (redis) joat.revocation.store is in-memory");
			assertThat(outcome(context, "none").getOutcome().getMessage())
				.isEqualTo("@ConditionalOnRevocationStore (none) joat.revocation.store is in-memory");
		});
	}

	@Test
	void conditionWhenStoreUnsetThenReportSaysNone() {
		this.runner.run((context) -> assertThat(outcome(context, "redis").getOutcome().getMessage())
			.isEqualTo("@ConditionalOnRevocationStore (redis) joat.revocation.store is none"));
	}

	private static ConditionAndOutcome outcome(AssertableApplicationContext context, String beanMethod) {
		ConditionEvaluationReport report = ConditionEvaluationReport.get(context.getBeanFactory());
		ConditionAndOutcomes outcomes = report.getConditionAndOutcomesBySource()
			.get(StoreBeans.class.getName() + "#" + beanMethod);
		assertThat(outcomes).as("condition outcomes of %s", beanMethod).isNotNull();
		List<ConditionAndOutcome> list = new ArrayList<>();
		outcomes.forEach(list::add);
		assertThat(list).singleElement().satisfies((one) -> assertThat(one.getCondition())
			.isInstanceOf(OnRevocationStoreCondition.class));
		return list.get(0);
	}

	private static List<Throwable> causes(Throwable failure) {
		List<Throwable> causes = new ArrayList<>();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			causes.add(cause);
		}
		return causes;
	}

	@Configuration(proxyBeanMethods = false)
	static class StoreBeans {

		@Bean
		@ConditionalOnRevocationStore(JoatProperties.Revocation.Store.NONE)
		String none() {
			return "none";
		}

		@Bean
		@ConditionalOnRevocationStore(JoatProperties.Revocation.Store.IN_MEMORY)
		String inMemory() {
			return "in-memory";
		}

		@Bean
		@ConditionalOnRevocationStore(JoatProperties.Revocation.Store.REDIS)
		String redis() {
			return "redis";
		}

	}

}
