package dev.joat;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC computation with one reusable, keyed {@link Mac} per thread and algorithm.
 *
 * <p>{@code Mac.getInstance} and {@code Mac.init} cost more than the HMAC of a token itself, so
 * each thread keeps its {@code Mac}s and re-keys one only when the secret changes; with a fixed
 * secret the key schedule is computed once per thread. The cached secret is compared in constant
 * time.
 */
final class Hmac {

	private static final ThreadLocal<Hmac[]> PER_THREAD = ThreadLocal
		.withInitial(() -> new Hmac[HmacAlgorithm.values().length]);

	private final Mac mac;

	private byte[] key;

	/** The caller's array of the current key, when the caller promised never to change it. */
	private byte[] immutableKey;

	private Hmac(HmacAlgorithm algorithm) {
		try {
			this.mac = Mac.getInstance(algorithm.jcaName());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no " + algorithm.jcaName(), ex);
		}
	}

	/**
	 * This thread's {@code Mac} for {@code algorithm}, keyed with {@code secret}.
	 * @param algorithm the algorithm
	 * @param secret a non-empty secret; not retained beyond an internal copy
	 * @return a ready {@code Mac}, only for use on this thread and before the next call
	 */
	static Mac keyed(HmacAlgorithm algorithm, byte[] secret) {
		return keyed(algorithm, secret, false);
	}

	/**
	 * As {@link #keyed(HmacAlgorithm, byte[])}; when {@code immutable}, the caller promises that
	 * {@code secret} never changes, so the same array as last time needs no comparison.
	 */
	static Mac keyed(HmacAlgorithm algorithm, byte[] secret, boolean immutable) {
		Hmac[] cache = PER_THREAD.get();
		Hmac hmac = cache[algorithm.ordinal()];
		if (hmac == null) {
			hmac = new Hmac(algorithm);
			cache[algorithm.ordinal()] = hmac;
		}
		return hmac.rekey(algorithm, secret, immutable);
	}

	/**
	 * Whether {@code signature} is the HMAC of {@code data[0, length)}, compared in constant time.
	 */
	static boolean verify(HmacAlgorithm algorithm, byte[] secret, byte[] data, int length, byte[] signature) {
		return verify(algorithm, secret, false, data, length, signature);
	}

	/** As {@link #verify(HmacAlgorithm, byte[], byte[], int, byte[])}, for a secret that never changes. */
	static boolean verify(HmacAlgorithm algorithm, byte[] secret, boolean immutable, byte[] data, int length,
			byte[] signature) {
		Mac mac = keyed(algorithm, secret, immutable);
		mac.update(data, 0, length);
		return MessageDigest.isEqual(mac.doFinal(), signature);
	}

	/** The HMAC of {@code data}. */
	static byte[] sign(HmacAlgorithm algorithm, byte[] secret, byte[] data, int length) {
		Mac mac = keyed(algorithm, secret);
		mac.update(data, 0, length);
		return mac.doFinal();
	}

	private Mac rekey(HmacAlgorithm algorithm, byte[] secret, boolean immutable) {
		if (immutable && secret == this.immutableKey) {
			return this.mac;
		}
		this.immutableKey = null;
		if (this.key == null || !MessageDigest.isEqual(this.key, secret)) {
			try {
				this.mac.init(new SecretKeySpec(secret, algorithm.jcaName()));
			}
			catch (GeneralSecurityException ex) {
				this.key = null;
				throw new IllegalStateException("Cannot key " + algorithm.jcaName(), ex);
			}
			this.key = secret.clone();
		}
		if (immutable) {
			this.immutableKey = secret;
		}
		return this.mac;
	}

}
