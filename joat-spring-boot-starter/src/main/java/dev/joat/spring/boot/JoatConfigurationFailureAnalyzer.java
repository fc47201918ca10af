package dev.joat.spring.boot;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Turns a {@link JoatConfigurationException} into Spring Boot's startup failure report: what is
 * wrong, with the property named, where it was set, and how to fix it.
 *
 * <p>Where comes from the property's {@link Origin}, found as Spring Boot's own
 * {@code InvalidConfigurationPropertyValueFailureAnalyzer} finds it, through the environment's
 * {@link ConfigurationPropertySources} (so {@code JOAT_SECRET} counts for {@code joat.secret}): a
 * file and line (e.g. {@code class path resource [application.yml] - 3:11}), an environment
 * variable, or a property source by name. A property that is set nowhere (the failure says it is
 * missing) has none. The property's value never appears: it may be a secret.
 */
class JoatConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<JoatConfigurationException> {

	private final @Nullable Environment environment;

	/**
	 * Creates the analyzer Spring Boot uses, with the environment the failed application started
	 * with.
	 * @param environment the environment
	 */
	public JoatConfigurationFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	/** Creates an analyzer that knows no environment, and so names no origin. */
	JoatConfigurationFailureAnalyzer() {
		this.environment = null;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, JoatConfigurationException cause) {
		StringBuilder description = new StringBuilder("joat is misconfigured: ").append(cause.getMessage());
		Origin origin = origin(cause.getProperty());
		if (origin != null) {
			description.append(String.format("%n%n    Property: %s%n    Origin: %s", cause.getProperty(), origin));
		}
		return new FailureAnalysis(description.toString(), cause.getAction(), cause);
	}

	/**
	 * Where {@code property} was set, or {@code null} when it was set nowhere or there is no
	 * environment. A list set by index ({@code joat.algorithms[0]}) is found through its first
	 * element.
	 */
	private @Nullable Origin origin(String property) {
		if (this.environment == null) {
			return null;
		}
		for (String candidate : new String[] { property, property + "[0]" }) {
			if (!ConfigurationPropertyName.isValid(candidate)) {
				continue;
			}
			ConfigurationPropertyName name = ConfigurationPropertyName.of(candidate);
			for (ConfigurationPropertySource source : ConfigurationPropertySources.get(this.environment)) {
				ConfigurationProperty found = source.getConfigurationProperty(name);
				if (found != null) {
					return found.getOrigin();
				}
			}
		}
		return null;
	}

}
