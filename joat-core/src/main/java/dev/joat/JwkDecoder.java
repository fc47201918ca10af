package dev.joat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Turns one JWK (RFC 7517 §4) into a {@link VerificationKey}, or says in a short, safe sentence why
 * it cannot be used. The rules are {@link JwkSetParser}'s.
 */
final class JwkDecoder {

	/** Members that only a private or symmetric key has (RFC 7518 §6.3.2, §6.2.2, §6.4; RFC 8037 §2). */
	private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

	/** Largest RSA modulus accepted, in bits: the JDK's own limit, and beyond it verification is a DoS. */
	static final int MAX_RSA_KEY_SIZE = 16384;

	private static final BigInteger ED25519_P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));

	private JwkDecoder() {
	}

	/**
	 * The key {@code members} describe, bound to its {@code alg} or to the first of
	 * {@code algorithms} that fits, with its {@code kid} if it has one.
	 * @throws UnusableKeyException or {@link IllegalArgumentException} (from
	 * {@link VerificationKey}) when it cannot be used; both messages are safe
	 */
	static VerificationKey decode(Map<?, ?> members, List<SignatureAlgorithm> algorithms) throws UnusableKeyException {
		String keyType = string(members, "kty", true);
		for (String member : PRIVATE_MEMBERS) {
			if (members.containsKey(member)) {
				throw new UnusableKeyException("has the private or symmetric member \"" + member
						+ "\"; a JWK Set for verification holds public keys only");
			}
		}
		String use = string(members, "use", false);
		if (use != null && !use.equals("sig")) {
			throw new UnusableKeyException("use is " + Printable.prefix(use) + ", not \"sig\"");
		}
		checkKeyOperations(members.get("key_ops"), members.containsKey("key_ops"));
		if (!keyType.equals("RSA") && !keyType.equals("EC") && !keyType.equals("OKP")) {
			throw new UnusableKeyException("kty " + Printable.prefix(keyType)
					+ " is not supported; verification keys are RSA, EC or OKP");
		}
		String curve = keyType.equals("RSA") ? null : string(members, "crv", true);
		SignatureAlgorithm algorithm = algorithm(members, keyType, curve, algorithms);
		String keyId = string(members, "kid", false);
		if (keyId != null && keyId.isEmpty()) {
			throw new UnusableKeyException("kid is empty");
		}
		VerificationKey key = VerificationKey.of(algorithm, publicKey(members, algorithm));
		return (keyId != null) ? key.withKeyId(keyId) : key;
	}

	private static void checkKeyOperations(@Nullable Object operations, boolean present) throws UnusableKeyException {
		if (!present) {
			return;
		}
		if (!(operations instanceof List<?> list)) {
			throw new UnusableKeyException("key_ops is not an array");
		}
		Set<Object> seen = new HashSet<>();
		for (Object operation : list) {
			if (!(operation instanceof String)) {
				throw new UnusableKeyException("key_ops holds a value that is not a string");
			}
			if (!seen.add(operation)) {
				throw new UnusableKeyException("key_ops holds " + Printable.prefix((String) operation) + " twice");
			}
		}
		if (!seen.contains("verify")) {
			throw new UnusableKeyException("key_ops does not include \"verify\"");
		}
	}

	private static SignatureAlgorithm algorithm(Map<?, ?> members, String keyType, @Nullable String curve,
			List<SignatureAlgorithm> algorithms) throws UnusableKeyException {
		String name = string(members, "alg", false);
		if (name == null) {
			for (SignatureAlgorithm candidate : algorithms) {
				if (fits(candidate, keyType, curve)) {
					return candidate;
				}
			}
			throw new UnusableKeyException("has no alg, and no accepted algorithm fits " + description(keyType, curve));
		}
		SignatureAlgorithm algorithm = SignatureAlgorithm.fromJwsName(name);
		if (algorithm == null || !algorithms.contains(algorithm)) {
			throw new UnusableKeyException("alg " + Printable.prefix(name) + " is not an accepted algorithm");
		}
		if (!fits(algorithm, keyType, curve)) {
			throw new UnusableKeyException("alg " + algorithm + " does not fit " + description(keyType, curve));
		}
		return algorithm;
	}

	private static boolean fits(SignatureAlgorithm algorithm, String keyType, @Nullable String curve) {
		return algorithm.keyType().equals(keyType) && (curve == null || curve.equals(algorithm.curve()));
	}

	private static String description(String keyType, @Nullable String curve) {
		return "an " + keyType + ((curve != null) ? " " + Printable.prefix(curve) : "") + " key";
	}

	private static PublicKey publicKey(Map<?, ?> members, SignatureAlgorithm algorithm) throws UnusableKeyException {
		try {
			return switch (algorithm.keyType()) {
				case "RSA" -> rsa(members);
				case "EC" -> ec(members, algorithm);
				default -> ed25519(members);
			};
		}
		catch (GeneralSecurityException ex) {
			throw new UnusableKeyException("is not a valid " + algorithm.keyType() + " public key");
		}
	}

	private static PublicKey rsa(Map<?, ?> members) throws UnusableKeyException, GeneralSecurityException {
		BigInteger modulus = new BigInteger(1, bytes(members, "n"));
		BigInteger exponent = new BigInteger(1, bytes(members, "e"));
		if (modulus.bitLength() < SignatureAlgorithm.MINIMUM_RSA_KEY_SIZE) {
			// Checked here too: the JDK's key factory refuses small moduli with a vaguer message.
			throw new UnusableKeyException("the RSA modulus has " + modulus.bitLength() + " bits, fewer than the "
					+ SignatureAlgorithm.MINIMUM_RSA_KEY_SIZE + " required");
		}
		if (modulus.bitLength() > MAX_RSA_KEY_SIZE) {
			throw new UnusableKeyException("the RSA modulus has " + modulus.bitLength() + " bits, more than the "
					+ MAX_RSA_KEY_SIZE + " allowed");
		}
		if (!exponent.testBit(0) || exponent.bitLength() < 2 || exponent.bitLength() > 64) {
			throw new UnusableKeyException("the RSA exponent must be odd, at least 3 and at most 64 bits long");
		}
		return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, exponent));
	}

	private static PublicKey ec(Map<?, ?> members, SignatureAlgorithm algorithm)
			throws UnusableKeyException, GeneralSecurityException {
		ECParameterSpec curve = VerificationKey.namedCurve(algorithm);
		int length = (curve.getCurve().getField().getFieldSize() + 7) / 8;
		byte[] x = bytes(members, "x");
		byte[] y = bytes(members, "y");
		if (x.length != length || y.length != length) {
			throw new UnusableKeyException("x and y of a " + algorithm.curve() + " key must be " + length
					+ " bytes each (RFC 7518 §6.2.1.2)");
		}
		ECPoint point = new ECPoint(new BigInteger(1, x), new BigInteger(1, y));
		return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
	}

	private static PublicKey ed25519(Map<?, ?> members) throws UnusableKeyException, GeneralSecurityException {
		byte[] x = bytes(members, "x");
		if (x.length != 32) {
			throw new UnusableKeyException("x of an Ed25519 key must be 32 bytes (RFC 8037 §2)");
		}
		// RFC 8032 §5.1.3: y little-endian, the top bit of the last byte is the sign of x.
		boolean xOdd = (x[31] & 0x80) != 0;
		byte[] bigEndian = new byte[32];
		for (int i = 0; i < 32; i++) {
			bigEndian[i] = x[31 - i];
		}
		bigEndian[0] &= 0x7F;
		BigInteger y = new BigInteger(1, bigEndian);
		if (y.compareTo(ED25519_P) >= 0) {
			throw new UnusableKeyException("x of the Ed25519 key is not a canonical encoding");
		}
		return KeyFactory.getInstance("Ed25519")
			.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, new EdECPoint(xOdd, y)));
	}

	/** A required (or optional, then maybe {@code null}) string member. */
	private static @Nullable String string(Map<?, ?> members, String name, boolean required)
			throws UnusableKeyException {
		Object value = members.get(name);
		if (value instanceof String text) {
			return text;
		}
		if (value == null && !members.containsKey(name)) {
			if (required) {
				throw new UnusableKeyException("has no \"" + name + "\"");
			}
			return null;
		}
		throw new UnusableKeyException("\"" + name + "\" is not a string");
	}

	/** A required member in strict base64url, not empty. */
	private static byte[] bytes(Map<?, ?> members, String name) throws UnusableKeyException {
		String text = string(members, name, true);
		byte[] ascii = text.getBytes(StandardCharsets.UTF_8);
		byte[] bytes = (ascii.length == text.length()) ? Base64Url.decode(ascii, 0, ascii.length) : null;
		if (bytes == null || bytes.length == 0) {
			throw new UnusableKeyException("\"" + name + "\" is not " + (bytes == null ? "canonical base64url" : "a value"));
		}
		return bytes;
	}

	/** Why a key cannot be used; the message is safe to log. No stack trace: it is expected. */
	static final class UnusableKeyException extends Exception {

		private static final long serialVersionUID = 1L;

		UnusableKeyException(String message) {
			super(message, null, false, false);
		}

	}

}
