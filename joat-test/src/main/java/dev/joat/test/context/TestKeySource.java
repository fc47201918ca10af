package dev.joat.test.context;

import java.util.Objects;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.spring.security.DelegatingKeySource;
import org.jspecify.annotations.Nullable;

/**
 * The application's {@link KeySource} in a test context: a token whose {@code kid} is the test
 * key's is answered with the test key alone, from memory (no call to the issuer, so the test key
 * works with an unreachable issuer); every other {@code kid} gets the application's own answer,
 * unchanged, with its refusals and its {@code KeysUnavailableException}. It tells the application's
 * key source ({@link DelegatingKeySource}), so that {@code /actuator/joat/jwks} still shows the
 * status of the issuer's JWK Set; the test key's private half is never reachable from it.
 */
final class TestKeySource implements DelegatingKeySource, AutoCloseable {

	private final KeySource delegate;

	private final String testKeyId;

	private final KeySet testKeys;

	TestKeySource(KeySource delegate, TestKey testKey) {
		this.delegate = Objects.requireNonNull(delegate, "delegate cannot be null");
		this.testKeyId = testKey.keyId();
		this.testKeys = KeySet.of(testKey.verificationKey());
	}

	@Override
	public KeySet keys(@Nullable String keyId) {
		return this.testKeyId.equals(keyId) ? this.testKeys : this.delegate.keys(keyId);
	}

	/** The application's own key source. */
	@Override
	public KeySource getDelegate() {
		return this.delegate;
	}

	/** Closes the application's key source when it is closeable (the destroy method of its bean). */
	@Override
	public void close() throws Exception {
		if (this.delegate instanceof AutoCloseable closeable) {
			closeable.close();
		}
	}

	@Override
	public String toString() {
		return "TestKeySource[" + this.delegate + " + test key " + this.testKeyId + "]";
	}

}
