package dev.joat.spring.boot.actuate;

import dev.joat.revocation.RevocationList;
import dev.joat.spring.boot.JoatAutoConfiguration;
import dev.joat.spring.boot.JoatConfigurationReport;
import dev.joat.spring.security.JwkSetKeySource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@link JoatEndpoint} ({@code /actuator/joat}) when Spring Boot's actuator is on the
 * classpath and the endpoint is available (enabled and exposed, as for every endpoint).
 */
@AutoConfiguration(after = JoatAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
		"org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint" })
@ConditionalOnBean(JoatConfigurationReport.class)
public final class JoatEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnAvailableEndpoint
	JoatEndpoint joatEndpoint(JoatConfigurationReport report, ObjectProvider<RevocationList> revocationLists,
			ObjectProvider<JwkSetKeySource> jwkSets) {
		return new JoatEndpoint(report, revocationLists.getIfUnique(), jwkSets.getIfUnique());
	}

}
