package dev.joat.spring.boot;

import java.util.Arrays;

import dev.joat.SecretResolver;
import dev.joat.revocation.RevocationList;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link JoatConfigurationReport} of the application, and one INFO line summarising it once
 * every singleton is created (so never for a start-up that fails).
 */
@Configuration(proxyBeanMethods = false)
class JoatReportConfiguration {

	private static final Log logger = LogFactory.getLog(JoatAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean
	JoatConfigurationReport joatConfigurationReport(JoatProperties properties, ResourceServerSettings settings,
			SecretResolver secretResolver, ListableBeanFactory beanFactory, ObjectProvider<RevocationList> revocationLists) {
		boolean applicationResolver = !Arrays.asList(beanFactory.getBeanNamesForType(SecretResolver.class))
			.contains("joatSecretResolver");
		RevocationList revocationList = revocationLists.getIfUnique();
		boolean starterStore = Arrays.asList(beanFactory.getBeanNamesForType(RevocationList.class))
			.contains("joatRevocationStore");
		return JoatConfigurationReport.of(properties, settings, secretResolver, applicationResolver,
				JoatConfigurationReport.revocationStatus(properties, revocationList, starterStore));
	}

	@Bean
	static SmartInitializingSingleton joatConfigurationLog(ObjectProvider<JoatConfigurationReport> report) {
		return () -> report.ifAvailable((available) -> logger.info(available.summary()));
	}

}
