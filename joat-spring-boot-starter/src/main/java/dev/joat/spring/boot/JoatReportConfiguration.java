package dev.joat.spring.boot;

import java.lang.reflect.Method;

import dev.joat.KeySource;
import dev.joat.SecretResolver;
import dev.joat.revocation.RevocationList;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link JoatConfigurationReport} of the application, and one INFO line summarising it once
 * every singleton is created (so never for a start-up that fails).
 */
@Configuration(proxyBeanMethods = false)
class JoatReportConfiguration {

	/**
	 * The category README.md names for the start-up line. Written out rather than taken from
	 * {@code JoatAutoConfiguration.class}, so that this configuration does not point back at the
	 * auto-configuration that imports it.
	 */
	private static final Log logger = LogFactory.getLog("dev.joat.spring.boot.JoatAutoConfiguration");

	@Bean
	@ConditionalOnMissingBean
	JoatConfigurationReport joatConfigurationReport(JoatSettings settings, ObjectProvider<SecretResolver> secretResolver, ConfigurableListableBeanFactory beanFactory,
			ObjectProvider<RevocationList> revocationLists, ObjectProvider<KeySource> keySources) {
		boolean applicationResolver = !definedBy(beanFactory, SecretResolver.class, JoatCoreConfiguration.class);
		RevocationList revocationList = revocationLists.getIfUnique();
		boolean starterStore = definedBy(beanFactory, RevocationList.class, JoatRevocationConfiguration.class);
		KeySettings keys = settings.keys();
		return JoatConfigurationReport.of(settings, (keys != null) ? null : secretResolver.getObject(),
				applicationResolver, (keys != null && keys.application()) ? keySources.getObject() : null,
				JoatConfigurationReport.revocationStatus(settings.revocation(), revocationList, starterStore));
	}

	@Bean
	static SmartInitializingSingleton joatConfigurationLog(ObjectProvider<JoatConfigurationReport> report) {
		return () -> report.ifAvailable((available) -> logger.info(available.summary()));
	}

	/**
	 * Whether a bean of {@code type} comes from a {@code @Bean} method of {@code configuration}: the
	 * starter's own bean rather than the application's, told apart by where it is defined, not by
	 * its name.
	 */
	private static boolean definedBy(ConfigurableListableBeanFactory beanFactory, Class<?> type,
			Class<?> configuration) {
		for (String name : beanFactory.getBeanNamesForType(type)) {
			BeanDefinition definition = beanFactory.getMergedBeanDefinition(name);
			if (definition instanceof RootBeanDefinition root) {
				Method factoryMethod = root.getResolvedFactoryMethod();
				if (factoryMethod != null && factoryMethod.getDeclaringClass() == configuration) {
					return true;
				}
			}
		}
		return false;
	}

}
