package dev.joat.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@link JoatConfigurationException} into Spring Boot's startup failure report: what is
 * wrong, with the property named, and how to fix it.
 */
class JoatConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<JoatConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, JoatConfigurationException cause) {
		return new FailureAnalysis("joat is misconfigured: " + cause.getMessage(), cause.getAction(), cause);
	}

}
