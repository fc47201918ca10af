package dev.joat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * JWKs and JWK Sets written from real JDK key pairs, for tests here and in the starter (through
 * the test jar).
 */
public final class TestJwks {

	private TestJwks() {
	}

	/** A fresh RSA key pair of {@code bits}. */
	public static KeyPair rsa(int bits) {
		return generate("RSA", bits, null);
	}

	/** A fresh EC key pair on {@code curve} ("secp256r1", "secp384r1", "secp521r1"). */
	public static KeyPair ec(String curve) {
		return generate("EC", 0, curve);
	}

	/** A fresh Ed25519 key pair. */
	public static KeyPair ed25519() {
		return generate("Ed25519", 0, null);
	}

	/**
	 * The public JWK of {@code key} as a JSON object, with {@code members} (e.g.
	 * {@code "\"kid\":\"k1\",\"alg\":\"RS256\""}, or empty) first.
	 */
	public static String jwk(PublicKey key, String members) {
		String prefix = members.isEmpty() ? "{" : "{" + members + ",";
		if (key instanceof RSAPublicKey rsa) {
			return prefix + "\"kty\":\"RSA\",\"n\":\"" + b64(unsigned(rsa.getModulus())) + "\",\"e\":\""
					+ b64(unsigned(rsa.getPublicExponent())) + "\"}";
		}
		if (key instanceof ECPublicKey ec) {
			int bits = ec.getParams().getCurve().getField().getFieldSize();
			int length = (bits + 7) / 8;
			String curve = (bits == 256) ? "P-256" : (bits == 384) ? "P-384" : "P-521";
			return prefix + "\"kty\":\"EC\",\"crv\":\"" + curve + "\",\"x\":\"" + b64(fixed(ec.getW().getAffineX(), length))
					+ "\",\"y\":\"" + b64(fixed(ec.getW().getAffineY(), length)) + "\"}";
		}
		EdECPublicKey ed = (EdECPublicKey) key;
		byte[] y = fixed(ed.getPoint().getY(), 32);
		byte[] encoded = new byte[32];
		for (int i = 0; i < 32; i++) {
			encoded[i] = y[31 - i];
		}
		if (ed.getPoint().isXOdd()) {
			encoded[31] |= (byte) 0x80;
		}
		return prefix + "\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + b64(encoded) + "\"}";
	}

	/** A JWK Set of the given JWKs. */
	public static String set(String... jwks) {
		return "{\"keys\":[" + String.join(",", jwks) + "]}";
	}

	private static KeyPair generate(String algorithm, int bits, String curve) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			if (curve != null) {
				generator.initialize(new ECGenParameterSpec(curve));
			}
			else if (bits > 0) {
				generator.initialize(bits);
			}
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length > 1 && bytes[0] == 0) ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	private static byte[] fixed(BigInteger value, int length) {
		byte[] bytes = unsigned(value);
		byte[] padded = new byte[length];
		System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
		return padded;
	}

}
