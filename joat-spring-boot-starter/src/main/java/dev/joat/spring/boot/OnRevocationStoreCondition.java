package dev.joat.spring.boot;

import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition of {@link ConditionalOnRevocationStore}; the condition report reads, e.g.,
 * {@code @ConditionalOnRevocationStore (in-memory) joat.revocation.store is none}.
 */
class OnRevocationStoreCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnRevocationStore.class.getName());
		JoatProperties.Revocation.Store wanted = (JoatProperties.Revocation.Store) attributes.get("value");
		JoatProperties.Revocation.Store store = JoatProperties.Revocation.Store.bind(context.getEnvironment());
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnRevocationStore.class,
				"(" + wanted.propertyValue() + ")");
		String found = "joat.revocation.store is " + store.propertyValue();
		return (store == wanted) ? ConditionOutcome.match(message.because(found))
				: ConditionOutcome.noMatch(message.because(found));
	}

}
