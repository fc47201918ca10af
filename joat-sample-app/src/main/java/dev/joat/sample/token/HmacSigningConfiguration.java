package dev.joat.sample.token;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The sample in {@code HS256} mode, the default: it signs with the shared secret of
 * {@code joat.secret}, so a {@code joat.sample.signing-key*} property would configure nothing. One
 * that is set stops start-up, naming it ({@link SigningAlgorithmSetting#requireNoSigningKey}):
 * a key the operator meant to sign with is never silently ignored.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(HmacSigningConfiguration.OnHmacSigning.class)
class HmacSigningConfiguration {

	HmacSigningConfiguration(Environment environment) {
		SigningAlgorithmSetting.requireNoSigningKey(environment);
	}

	/** Matches when {@code joat.sample.signing-algorithm} is unset, empty or {@code HS256}. */
	static class OnHmacSigning extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return SigningAlgorithmSetting.isAsymmetric(context.getEnvironment())
					? ConditionOutcome.noMatch(SigningAlgorithmSetting.PROPERTY + " is not HS256")
					: ConditionOutcome.match(SigningAlgorithmSetting.PROPERTY + " is HS256 or unset");
		}

	}

}
