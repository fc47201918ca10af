package dev.joat;

import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The {@code jti} the generator writes when the request names none: 128 bits from a
 * {@link SecureRandom}, base64url-encoded (22 characters). One draw per token from the platform's
 * default {@code SecureRandom} (on Linux a read of the kernel's generator, mixed with SHA1PRNG under
 * a lock) cost a fifth of issuing a token. So each member of a {@link SlotPool} has a generator of its
 * own, the JDK's {@code DRBG} (NIST SP 800-90A, seeded from the system's entropy on first use), and
 * draws sixteen ids at a time into a reserve. Each member is used by one thread at a time and each
 * bit of its reserve once: a used id's bytes are zeroed, so no id can be given twice, and a member
 * that is not given back (a thread that failed half-way) is never reused. 128 random bits are
 * unguessable and, in practice, unique (RFC 9068 §2.2, RFC 7519 §4.1.7).
 */
final class RandomTokenIds extends SlotPool.Member {

	static final int ID_BYTES = 16;

	private static final int RESERVE_BYTES = 16 * ID_BYTES;

	private static final SlotPool<RandomTokenIds> POOL = new SlotPool<>(RandomTokenIds::new);

	private final SecureRandom random = newGenerator();

	private final byte[] reserve = new byte[RESERVE_BYTES];

	private int next = RESERVE_BYTES;

	private RandomTokenIds() {
	}

	/** A new random token id. */
	static String next() {
		RandomTokenIds ids = POOL.acquire();
		String id = ids.take();
		POOL.release(ids);
		return id;
	}

	private static SecureRandom newGenerator() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			// A JDK whose providers were reconfigured without the SUN provider's DRBG.
			return new SecureRandom();
		}
	}

	private String take() {
		if (this.next == RESERVE_BYTES) {
			this.random.nextBytes(this.reserve);
			this.next = 0;
		}
		byte[] id = new byte[Base64Url.encodedLength(ID_BYTES)];
		Base64Url.encodeInto(this.reserve, this.next, ID_BYTES, id, 0);
		Arrays.fill(this.reserve, this.next, this.next + ID_BYTES, (byte) 0);
		this.next += ID_BYTES;
		return new String(id, StandardCharsets.ISO_8859_1);
	}

}
