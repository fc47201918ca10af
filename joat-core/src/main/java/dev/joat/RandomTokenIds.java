package dev.joat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The {@code jti} the generator writes when the request names none: 128 bits from the JDK's
 * {@link SecureRandom}, base64url-encoded (22 characters). The bits are drawn from the
 * {@code SecureRandom} sixteen ids at a time into reserves kept in a {@link SlotPool}, because one
 * draw per token (a lock, a read of the kernel's generator and the JDK's mixing) cost a fifth of
 * issuing one. Each reserve is used by one thread at a time and each of its bits once: a used id's
 * bytes are zeroed, so no id can be given twice, and a reserve that is not given back (a thread that
 * failed half-way) is never reused. 128 random bits are unguessable and, in practice, unique (RFC
 * 9068 §2.2, RFC 7519 §4.1.7).
 */
final class RandomTokenIds extends SlotPool.Member {

	static final int ID_BYTES = 16;

	private static final int RESERVE_BYTES = 16 * ID_BYTES;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final SlotPool<RandomTokenIds> POOL = new SlotPool<>(RandomTokenIds::new);

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

	private String take() {
		if (this.next == RESERVE_BYTES) {
			RANDOM.nextBytes(this.reserve);
			this.next = 0;
		}
		byte[] id = new byte[Base64Url.encodedLength(ID_BYTES)];
		Base64Url.encodeInto(this.reserve, this.next, ID_BYTES, id, 0);
		Arrays.fill(this.reserve, this.next, this.next + ID_BYTES, (byte) 0);
		this.next += ID_BYTES;
		return new String(id, StandardCharsets.ISO_8859_1);
	}

}
