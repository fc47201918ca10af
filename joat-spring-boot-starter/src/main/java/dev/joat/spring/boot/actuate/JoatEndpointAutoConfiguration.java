package dev.joat.spring.boot.actuate;

import dev.joat.KeySource;
import dev.joat.revocation.RevocationList;
import dev.joat.spring.boot.JoatAutoConfiguration;
import dev.joat.spring.boot.JoatConfigurationReport;
import dev.joat.spring.security.DelegatingKeySource;
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
 * classpath and the endpoint is available (enabled and exposed, as for every endpoint). The JWK
 * Set it shows is the application's {@link JwkSetKeySource}, also when another key source wraps it
 * ({@link DelegatingKeySource}, as joat-test does in a test context).
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
			ObjectProvider<JwkSetKeySource> jwkSets, ObjectProvider<KeySource> keySources) {
		JwkSetKeySource jwkSet = jwkSets
			.getIfUnique(() -> DelegatingKeySource.find(keySources.getIfUnique(), JwkSetKeySource.class));
		return new JoatEndpoint(report, revocationLists.getIfUnique(), jwkSet);
	}

}
