package dev.joat.spring.security;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link DelegatingKeySource#find}: the key source itself, or the first of the chain it wraps, of
 * the type looked for.
 */
class DelegatingKeySourceTests {

	private static final KeySet KEYS = KeySet.of(SigningKey.generate(SignatureAlgorithm.ES256).verificationKey());

	@Test
	void findWhenTheKeySourceIsOfTheTypeThenItself() {
		assertThat(DelegatingKeySource.find(KEYS, KeySet.class)).isSameAs(KEYS);
	}

	@Test
	void findWhenWrappedTwiceThenTheWrappedKeySource() {
		KeySource wrapped = new Wrapper(new Wrapper(KEYS));

		assertThat(DelegatingKeySource.find(wrapped, KeySet.class)).isSameAs(KEYS);
	}

	@Test
	void findWhenNoneOfTheChainIsOfTheTypeThenNull() {
		assertThat(DelegatingKeySource.find(new Wrapper(KEYS), JwkSetKeySource.class)).isNull();
		assertThat(DelegatingKeySource.find(null, JwkSetKeySource.class)).isNull();
	}

	private record Wrapper(KeySource getDelegate) implements DelegatingKeySource {

		@Override
		public KeySet keys(@Nullable String keyId) {
			return this.getDelegate.keys(keyId);
		}

	}

}
