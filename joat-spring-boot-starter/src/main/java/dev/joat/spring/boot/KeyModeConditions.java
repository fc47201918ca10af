package dev.joat.spring.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The conditions on where the parser's keys come from ({@link KeyMode}): the HMAC beans
 * (secret resolver, generator) only without Spring Boot's key properties and without the
 * application's {@code KeySource} bean, a JWK Set source with {@code jwk-set-uri} or
 * {@code issuer-uri}, a fixed key with {@code public-key-location}. Evaluated on the starter's bean
 * methods, after the application's bean definitions are registered.
 */
final class KeyModeConditions {

	private KeyModeConditions() {
	}

	private static ConditionOutcome outcome(ConditionContext context, KeyMode expected) {
		KeyMode mode = KeyMode.of(context.getEnvironment(), context.getBeanFactory());
		return (mode == expected) ? ConditionOutcome.match("joat verifies with " + mode)
				: ConditionOutcome.noMatch("joat verifies with " + mode + ", not " + expected);
	}

	/** No key property of Spring Boot is set and no {@code KeySource} bean defined: HMAC secrets. */
	static final class OnHmac extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return outcome(context, KeyMode.HMAC);
		}

	}

	/** {@code jwk-set-uri} or {@code issuer-uri} (without {@code public-key-location}): a JWK Set. */
	static final class OnJwkSet extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return outcome(context, KeyMode.JWK_SET);
		}

	}

	/** {@code public-key-location}: one fixed public key. */
	static final class OnPublicKey extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return outcome(context, KeyMode.PUBLIC_KEY);
		}

	}

	/**
	 * {@code jwk-set-uri}, {@code issuer-uri} or {@code public-key-location}: the keys Spring Boot's
	 * own decoders would be built from.
	 */
	static final class OnBootKeyProperties extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			KeyMode mode = KeyMode.of(context.getEnvironment(), context.getBeanFactory());
			return (mode == KeyMode.JWK_SET || mode == KeyMode.PUBLIC_KEY)
					? ConditionOutcome.match("joat verifies with " + mode + " from Spring Boot's key properties")
					: ConditionOutcome.noMatch("joat verifies with " + mode + ", not from Spring Boot's key properties");
		}

	}

}
