package dev.joat;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC computation with reusable, keyed {@link Mac}s, a {@link SlotPool} of them per algorithm
 * shared by all threads.
 *
 * <p>{@code Mac.getInstance} and {@code Mac.init} cost more than the HMAC of a token itself, so
 * the {@code Mac}s are kept and one is re-keyed only when the secret changes; with a fixed secret
 * the key schedule is computed once per pooled {@code Mac}, whether a request runs on a warm
 * platform thread or a fresh virtual thread. The cached secret is compared in constant time.
 */
final class Hmac extends SlotPool.Member {

	private static final SlotPool<?>[] POOLS = new SlotPool<?>[HmacAlgorithm.values().length];

	static {
		for (HmacAlgorithm algorithm : HmacAlgorithm.values()) {
			POOLS[algorithm.ordinal()] = new SlotPool<>(() -> new Hmac(algorithm));
		}
	}

	private final Mac mac;

	/** Where {@link #verify} computes the HMAC, as long as the hash. */
	private final byte[] result;

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
		this.result = new byte[this.mac.getMacLength()];
	}

	@SuppressWarnings("unchecked")
	private static SlotPool<Hmac> pool(HmacAlgorithm algorithm) {
		return (SlotPool<Hmac>) POOLS[algorithm.ordinal()];
	}

	/**
	 * Whether {@code signature} is the HMAC of {@code data[0, length)}, compared in constant time.
	 */
	static boolean verify(HmacAlgorithm algorithm, byte[] secret, byte[] data, int length, byte[] signature) {
		return verify(algorithm, secret, false, data, length, signature);
	}

	/**
	 * As {@link #verify(HmacAlgorithm, byte[], byte[], int, byte[])}; when {@code immutable}, the
	 * caller promises that {@code secret} never changes, so the same array as last time needs no
	 * comparison.
	 */
	static boolean verify(HmacAlgorithm algorithm, byte[] secret, boolean immutable, byte[] data, int length,
			byte[] signature) {
		// A Mac that failed half-way is dropped, never given back with data in it.
		SlotPool<Hmac> pool = pool(algorithm);
		Hmac hmac = pool.acquire();
		Mac mac = hmac.rekey(algorithm, secret, immutable);
		mac.update(data, 0, length);
		try {
			mac.doFinal(hmac.result, 0);
		}
		catch (ShortBufferException ex) {
			throw new IllegalStateException("A " + algorithm.jcaName() + " longer than its hash", ex);
		}
		boolean equal = MessageDigest.isEqual(hmac.result, signature);
		pool.release(hmac);
		return equal;
	}

	/**
	 * The HMAC of {@code data[0, length)}; when {@code immutable}, the caller promises that
	 * {@code secret} never changes.
	 */
	static byte[] sign(HmacAlgorithm algorithm, byte[] secret, boolean immutable, byte[] data, int length) {
		SlotPool<Hmac> pool = pool(algorithm);
		Hmac hmac = pool.acquire();
		Mac mac = hmac.rekey(algorithm, secret, immutable);
		mac.update(data, 0, length);
		byte[] signature = mac.doFinal();
		pool.release(hmac);
		return signature;
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
