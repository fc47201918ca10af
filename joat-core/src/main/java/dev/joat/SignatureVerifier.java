package dev.joat;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

import dev.joat.InvalidTokenException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * The signature layer of the asymmetric algorithms (RFC 7515 §5.2, RFC 7518 §3.3–3.5, RFC 8037):
 * checks that a signature has the one form its algorithm allows, then verifies it with the JDK's
 * own {@link Signature}, from a {@link SlotPool} per algorithm shared by all threads.
 *
 * <p>The form is checked here, before the JDK sees the bytes, so that it holds whatever the JDK
 * does (RFC 8725 §3.4): ECDSA signatures are raw {@code r || s} of exactly twice the curve's length
 * with {@code 0 < r, s < n} (the JDK 15–18 "psychic signature" flaw, CVE-2022-21449, accepted
 * {@code r = s = 0}); EdDSA signatures are exactly 64 bytes; RSA signatures are exactly as long as
 * the modulus. A {@code Signature} stays initialised for the last key it verified with, since
 * {@code Signature.getInstance} and {@code initVerify} cost a good part of a verification; one that
 * failed half-way is dropped, never given back.
 */
final class SignatureVerifier extends SlotPool.Member {

	private static final SignatureAlgorithm[] ALGORITHMS = SignatureAlgorithm.values();

	private static final SlotPool<?>[] POOLS = new SlotPool<?>[ALGORITHMS.length];

	/** For each ECDSA algorithm, the curve's order n as big-endian bytes of the coordinate length. */
	private static final byte[][] ORDERS = new byte[ALGORITHMS.length][];

	static {
		for (SignatureAlgorithm algorithm : ALGORITHMS) {
			POOLS[algorithm.ordinal()] = new SlotPool<>(() -> new SignatureVerifier(algorithm));
			if (algorithm.keyType().equals("EC")) {
				byte[] order = VerificationKey.namedCurve(algorithm).getOrder().toByteArray();
				int length = algorithm.signatureLength() / 2;
				byte[] fixed = new byte[length];
				int copied = Math.min(order.length, length);
				System.arraycopy(order, order.length - copied, fixed, length - copied, copied);
				ORDERS[algorithm.ordinal()] = fixed;
			}
		}
	}

	private final Signature signature;

	/** The key {@link #signature} is initialised with, or {@code null}. */
	private @Nullable PublicKey key;

	private SignatureVerifier(SignatureAlgorithm algorithm) {
		try {
			this.signature = algorithm.newSignature();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK cannot compute " + algorithm, ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static SlotPool<SignatureVerifier> pool(SignatureAlgorithm algorithm) {
		return (SlotPool<SignatureVerifier>) POOLS[algorithm.ordinal()];
	}

	/**
	 * Whether {@code signature} is a signature of {@code data[0, length)} under {@code key}, by the
	 * key's algorithm.
	 * @throws InvalidTokenException ({@code MALFORMED_SIGNATURE}) when the signature does not have
	 * the form the algorithm requires; nothing is verified then
	 */
	static boolean verify(VerificationKey key, byte[] data, int length, byte[] signature) {
		SignatureAlgorithm algorithm = key.algorithm();
		checkForm(algorithm, key.publicKey(), signature);
		SlotPool<SignatureVerifier> pool = pool(algorithm);
		SignatureVerifier verifier = pool.acquire();
		boolean valid;
		try {
			Signature jca = verifier.initialised(key.publicKey());
			jca.update(data, 0, length);
			valid = jca.verify(signature);
		}
		catch (SignatureException ex) {
			// What the JDK cannot even parse is no signature of this key; the Signature is dropped.
			return false;
		}
		pool.release(verifier);
		return valid;
	}

	private Signature initialised(PublicKey publicKey) {
		if (publicKey != this.key) {
			this.key = null;
			try {
				this.signature.initVerify(publicKey);
			}
			catch (InvalidKeyException ex) {
				// VerificationKey checked the key for its algorithm: this is a fault of the key's provider.
				throw new IllegalStateException("The JDK refused a " + publicKey.getAlgorithm() + " key for "
						+ this.signature.getAlgorithm(), ex);
			}
			this.key = publicKey;
		}
		return this.signature;
	}

	private static void checkForm(SignatureAlgorithm algorithm, PublicKey publicKey, byte[] signature) {
		switch (algorithm.keyType()) {
			case "EC" -> checkEcdsa(algorithm, signature);
			case "OKP" -> {
				if (signature.length != algorithm.signatureLength()) {
					throw malformed("an EdDSA signature is exactly " + algorithm.signatureLength() + " bytes");
				}
			}
			default -> {
				int modulusLength = (((RSAPublicKey) publicKey).getModulus().bitLength() + 7) / 8;
				if (signature.length != modulusLength) {
					throw malformed("an " + algorithm.jwsName() + " signature is exactly as long as the key's modulus");
				}
			}
		}
	}

	/** RFC 7518 §3.4: {@code r || s}, each exactly the coordinate length, and (SEC 1 §4.1.4) in [1, n - 1]. */
	private static void checkEcdsa(SignatureAlgorithm algorithm, byte[] signature) {
		int length = algorithm.signatureLength();
		if (signature.length != length) {
			throw malformed("an " + algorithm.jwsName() + " signature is r || s of exactly " + length
					+ " bytes (not DER)");
		}
		byte[] order = ORDERS[algorithm.ordinal()];
		int half = length / 2;
		if (!inRange(signature, 0, half, order) || !inRange(signature, half, length, order)) {
			throw malformed("an " + algorithm.jwsName() + " signature's r and s are each between 1 and n - 1");
		}
	}

	/** Whether the big-endian number {@code bytes[from, to)} is neither 0 nor at least {@code order}. */
	private static boolean inRange(byte[] bytes, int from, int to, byte[] order) {
		boolean zero = true;
		for (int i = from; i < to; i++) {
			zero &= (bytes[i] == 0);
		}
		return !zero && Arrays.compareUnsigned(bytes, from, to, order, 0, order.length) < 0;
	}

	private static InvalidTokenException malformed(String why) {
		return new InvalidTokenException(Reason.MALFORMED_SIGNATURE, "Malformed signature: " + why);
	}

}
