package dev.joat.spring.boot;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code joat.revocation.store} names the given store, bound as the starter binds it
 * (every relaxed spelling: {@code in-memory}, {@code IN_MEMORY}, {@code inMemory}); unset is
 * {@link JoatProperties.Revocation.Store#NONE none}. The one place the rule lives: the starter's
 * in-memory store, the Redis module and an application's own beans use it, and code that runs
 * before conditions are evaluated (an {@code EnvironmentPostProcessor}) calls
 * {@link JoatProperties.Revocation.Store#bind(org.springframework.core.env.Environment)}. The
 * condition report names the store found.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnRevocationStoreCondition.class)
public @interface ConditionalOnRevocationStore {

	/**
	 * The store {@code joat.revocation.store} must name.
	 * @return the store
	 */
	JoatProperties.Revocation.Store value();

}
