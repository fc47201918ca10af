package dev.joat.spring.boot.actuate;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * joat's counters ({@link JoatTokenMetrics}) when Micrometer is on the classpath and the
 * application has a {@link MeterRegistry} (as Spring Boot's actuator provides): the starter's
 * {@code TokenParser} and {@code TokenGenerator} report to them. Backs off when the application
 * defines its own {@link JoatTokenMetrics}. The JWK Set's meters (JoatJwksMetrics) are told
 * each refresh of the starter's {@code JwkSetKeySource}.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(name = { "io.micrometer.core.instrument.MeterRegistry", "dev.joat.TokenParser" })
@ConditionalOnBean(MeterRegistry.class)
public final class JoatMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	JoatTokenMetrics joatTokenMetrics(MeterRegistry meterRegistry) {
		return new JoatTokenMetrics(meterRegistry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnClass(name = "org.springframework.web.client.RestClient")
	JoatJwksMetrics joatJwksMetrics(MeterRegistry meterRegistry) {
		return new JoatJwksMetrics(meterRegistry);
	}

}
