package dev.joat.revocation.redis;

import dev.joat.spring.boot.JoatProperties;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when {@code joat.revocation.store} binds to {@code redis} (in any relaxed form). */
final class RedisStoreCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		JoatProperties.Revocation.Store store = Binder.get(context.getEnvironment())
			.bind("joat.revocation.store", JoatProperties.Revocation.Store.class)
			.orElse(JoatProperties.Revocation.Store.NONE);
		return (store == JoatProperties.Revocation.Store.REDIS) ? ConditionOutcome.match("joat.revocation.store is redis")
				: ConditionOutcome.noMatch("joat.revocation.store is " + store.propertyValue());
	}

}
