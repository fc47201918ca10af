package dev.joat.spring.boot;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.spring.security.JwkSetKeySource;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Where the starter's keys come from: the one rule, used by its conditions, by its settings and by
 * joat-test (which must know, in a test context, whether to add a test secret or a test key).
 * Spring Boot's key properties first; without them, a {@link KeySource} bean (only the
 * application's can exist then: the starter defines its own only for those properties); else HMAC.
 * A bean is seen by its definition's type, as {@code @ConditionalOnBean} sees it: a {@code @Bean}
 * method declares {@code KeySource} or a subtype such as {@link KeySet} as its return type.
 */
public enum KeyMode {

	/** No Boot key property and no {@link KeySource} bean: HMAC secrets. */
	HMAC,

	/** {@code jwk-set-uri}, or {@code issuer-uri} alone: a {@link JwkSetKeySource}. */
	JWK_SET,

	/** {@code public-key-location}: one fixed key. */
	PUBLIC_KEY,

	/** No Boot key property, but the application defines a {@link KeySource} bean. */
	APPLICATION;

	/**
	 * The mode of {@code environment} and {@code beanFactory}. Reads bean definitions only, never
	 * creates a bean. Thread-safe.
	 * @param environment Spring Boot's key properties
	 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}, {@code jwk-set-uri},
	 * {@code issuer-uri})
	 * @param beanFactory the bean definitions, or {@code null} to look at the properties only (then
	 * never {@link #APPLICATION})
	 * @return the mode
	 */
	public static KeyMode of(Environment environment, @Nullable ListableBeanFactory beanFactory) {
		Binder binder = Binder.get(environment);
		if (bound(binder, "public-key-location")) {
			return PUBLIC_KEY;
		}
		if (bound(binder, "jwk-set-uri") || bound(binder, "issuer-uri")) {
			return JWK_SET;
		}
		boolean keySourceBean = beanFactory != null
				&& beanFactory.getBeanNamesForType(KeySource.class, true, false).length > 0;
		return keySourceBean ? APPLICATION : HMAC;
	}

	private static boolean bound(Binder binder, String name) {
		return binder.bind(ResourceServerSettings.BOOT_PREFIX + name, String.class).isBound();
	}

}
