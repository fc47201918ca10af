package dev.joat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.EllipticCurve;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A public key bound to the one {@link SignatureAlgorithm} it verifies (RFC 8725 §3.1), with an
 * optional key id.
 *
 * <p>Construction checks what RFC 7518 and RFC 8725 require of the key itself, so that no token can
 * meet a weak or mismatched key later:
 * <ul>
 * <li>an RSA key for {@code RS*} and {@code PS*}, with a modulus of at least
 * {@value SignatureAlgorithm#MINIMUM_RSA_KEY_SIZE} bits;</li>
 * <li>an EC key on exactly the algorithm's curve ({@code P-256} for ES256, and so on), whose point
 * lies on that curve;</li>
 * <li>an Ed25519 key for {@code EdDSA}.</li>
 * </ul>
 * A key that fails a check is refused with an {@link IllegalArgumentException} that says which,
 * and never shows key material.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class VerificationKey {

	private final SignatureAlgorithm algorithm;

	private final PublicKey publicKey;

	private final @Nullable String keyId;

	/** The RFC 7638 required public members, in lexicographic order. */
	private final Map<String, Object> members;

	private final String thumbprint;

	private VerificationKey(SignatureAlgorithm algorithm, PublicKey publicKey, @Nullable String keyId,
			Map<String, Object> members, String thumbprint) {
		this.algorithm = algorithm;
		this.publicKey = publicKey;
		this.keyId = keyId;
		this.members = members;
		this.thumbprint = thumbprint;
	}

	/**
	 * Binds {@code publicKey} to {@code algorithm}, without a key id.
	 * @param algorithm the one algorithm the key verifies
	 * @param publicKey an RSA, EC or Ed25519 public key that suits {@code algorithm}
	 * @return the key
	 * @throws IllegalArgumentException when the key does not suit the algorithm, or is too weak
	 */
	public static VerificationKey of(SignatureAlgorithm algorithm, PublicKey publicKey) {
		Objects.requireNonNull(algorithm, "algorithm cannot be null");
		Objects.requireNonNull(publicKey, "publicKey cannot be null");
		Map<String, Object> members = requiredMembers(algorithm, publicKey);
		return new VerificationKey(algorithm, publicKey, null, members, thumbprintOf(members));
	}

	/**
	 * This key with key id {@code keyId}, the {@code kid} that tokens signed by it carry.
	 * @param keyId a non-empty key id
	 * @return a key with that id
	 */
	public VerificationKey withKeyId(String keyId) {
		Objects.requireNonNull(keyId, "keyId cannot be null");
		if (keyId.isEmpty()) {
			throw new IllegalArgumentException("keyId cannot be empty");
		}
		return new VerificationKey(this.algorithm, this.publicKey, keyId, this.members, this.thumbprint);
	}

	/**
	 * The one algorithm this key verifies.
	 * @return the algorithm
	 */
	public SignatureAlgorithm algorithm() {
		return this.algorithm;
	}

	/**
	 * The public key.
	 * @return the key, checked for its algorithm
	 */
	public PublicKey publicKey() {
		return this.publicKey;
	}

	/**
	 * The key id, or {@code null} when the key has none.
	 * @return the {@code kid}, or {@code null}
	 */
	public @Nullable String keyId() {
		return this.keyId;
	}

	/**
	 * The key's RFC 7638 JWK thumbprint: the base64url SHA-256 of its required public members.
	 * Public data, safe to log and show.
	 * @return the thumbprint
	 */
	public String thumbprint() {
		return this.thumbprint;
	}

	/**
	 * This key as an RFC 7517 JSON Web Key, with its public members only: {@code kty}, {@code crv}
	 * and {@code x}, {@code y} (EC, RFC 7518 §6.2.1; OKP, RFC 8037 §2) or {@code n}, {@code e} (RSA,
	 * RFC 7518 §6.3.1), then {@code kid} when the key has one, {@code use} ({@code "sig"}) and
	 * {@code alg}. A {@code VerificationKey} holds no private key, so none can be written.
	 * @return the compact JSON object
	 * @see KeySet#toJwkSetJson()
	 */
	public String toJwk() {
		return new String(JsonObjectWriter.writeJson(jwk()), StandardCharsets.UTF_8);
	}

	/** The members of {@link #toJwk()}, in the order written. */
	Map<String, Object> jwk() {
		Map<String, Object> jwk = new LinkedHashMap<>();
		jwk.put("kty", this.members.get("kty"));
		this.members.forEach((name, value) -> {
			if (!name.equals("kty")) {
				jwk.put(name, value);
			}
		});
		if (this.keyId != null) {
			jwk.put("kid", this.keyId);
		}
		jwk.put("use", "sig");
		jwk.put("alg", this.algorithm.jwsName());
		return jwk;
	}

	@Override
	public String toString() {
		return "VerificationKey[" + this.algorithm + ", kid=" + ((this.keyId != null) ? Printable.prefix(this.keyId) : "none") + ", thumbprint="
				+ this.thumbprint + "]";
	}

	/**
	 * Checks the key against the algorithm and gives its RFC 7638 §3.2 required members, in
	 * lexicographic order.
	 */
	private static Map<String, Object> requiredMembers(SignatureAlgorithm algorithm, PublicKey publicKey) {
		Map<String, Object> members = new LinkedHashMap<>();
		switch (algorithm.keyType()) {
			case "RSA" -> {
				if (!(publicKey instanceof RSAPublicKey rsa)) {
					throw mismatch(algorithm, publicKey);
				}
				int bits = rsa.getModulus().bitLength();
				if (bits < SignatureAlgorithm.MINIMUM_RSA_KEY_SIZE) {
					throw new IllegalArgumentException("An RSA key for " + algorithm + " must have at least "
							+ SignatureAlgorithm.MINIMUM_RSA_KEY_SIZE + " bits; this one has " + bits);
				}
				members.put("e", Base64Url.encode(unsigned(rsa.getPublicExponent())));
				members.put("kty", "RSA");
				members.put("n", Base64Url.encode(unsigned(rsa.getModulus())));
			}
			case "EC" -> {
				if (!(publicKey instanceof ECPublicKey ec)) {
					throw mismatch(algorithm, publicKey);
				}
				ECParameterSpec curve = namedCurve(algorithm);
				if (!sameCurve(curve, ec.getParams())) {
					throw new IllegalArgumentException("An EC key for " + algorithm + " must be on " + algorithm.curve()
							+ "; this one is on another curve");
				}
				ECPoint point = ec.getW();
				if (!isOnCurve(point, curve.getCurve())) {
					throw new IllegalArgumentException("The EC key for " + algorithm + " is not a point on "
							+ algorithm.curve());
				}
				int length = (curve.getCurve().getField().getFieldSize() + 7) / 8;
				members.put("crv", algorithm.curve());
				members.put("kty", "EC");
				members.put("x", Base64Url.encode(fixedLength(point.getAffineX(), length)));
				members.put("y", Base64Url.encode(fixedLength(point.getAffineY(), length)));
			}
			default -> {
				if (!(publicKey instanceof EdECPublicKey ed)) {
					throw mismatch(algorithm, publicKey);
				}
				if (!"Ed25519".equalsIgnoreCase(ed.getParams().getName())) {
					throw new IllegalArgumentException("An EdDSA key must be an Ed25519 key; this one is "
							+ ed.getParams().getName());
				}
				// RFC 8032 §5.1.2: y little-endian in 32 bytes, the top bit set when x is odd.
				byte[] encoded = new byte[32];
				byte[] y = fixedLength(ed.getPoint().getY(), 32);
				for (int i = 0; i < 32; i++) {
					encoded[i] = y[31 - i];
				}
				if (ed.getPoint().isXOdd()) {
					encoded[31] |= (byte) 0x80;
				}
				members.put("crv", "Ed25519");
				members.put("kty", "OKP");
				members.put("x", Base64Url.encode(encoded));
			}
		}
		return Collections.unmodifiableMap(members);
	}

	/** RFC 7638 §3.1: the base64url SHA-256 of the required members as compact JSON, in order. */
	private static String thumbprintOf(Map<String, Object> members) {
		try {
			return Base64Url.encode(MessageDigest.getInstance("SHA-256").digest(JsonObjectWriter.writeJson(members)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JDK", ex);
		}
	}

	private static IllegalArgumentException mismatch(SignatureAlgorithm algorithm, PublicKey publicKey) {
		return new IllegalArgumentException(algorithm + " needs a " + algorithm.keyType() + " public key, not a "
				+ publicKey.getAlgorithm() + " key");
	}

	/** The JDK's parameters of the algorithm's named curve. */
	static ECParameterSpec namedCurve(SignatureAlgorithm algorithm) {
		String name = switch (algorithm) {
			case ES256 -> "secp256r1";
			case ES384 -> "secp384r1";
			case ES512 -> "secp521r1";
			default -> throw new IllegalArgumentException(algorithm + " is not an ECDSA algorithm");
		};
		try {
			AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
			parameters.init(new ECGenParameterSpec(name));
			return parameters.getParameterSpec(ECParameterSpec.class);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no " + name + " curve", ex);
		}
	}

	private static boolean sameCurve(ECParameterSpec expected, ECParameterSpec actual) {
		return expected.getCurve().equals(actual.getCurve()) && expected.getGenerator().equals(actual.getGenerator())
				&& expected.getOrder().equals(actual.getOrder()) && expected.getCofactor() == actual.getCofactor();
	}

	/** Whether {@code point} satisfies y² = x³ + ax + b over the curve's prime field, coordinates in range. */
	private static boolean isOnCurve(ECPoint point, EllipticCurve curve) {
		if (point.equals(ECPoint.POINT_INFINITY) || !(curve.getField() instanceof ECFieldFp field)) {
			return false;
		}
		BigInteger p = field.getP();
		BigInteger x = point.getAffineX();
		BigInteger y = point.getAffineY();
		if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
			return false;
		}
		BigInteger left = y.multiply(y).mod(p);
		BigInteger right = x.pow(3).add(curve.getA().multiply(x)).add(curve.getB()).mod(p);
		return left.equals(right);
	}

	/** The big-endian bytes of a non-negative number, without a sign byte (RFC 7518 §2, Base64urlUInt). */
	private static byte[] unsigned(BigInteger value) {
		byte[] bytes = value.toByteArray();
		return (bytes.length > 1 && bytes[0] == 0) ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
	}

	/** The big-endian bytes of a non-negative number, left-padded to {@code length}. */
	private static byte[] fixedLength(BigInteger value, int length) {
		byte[] bytes = unsigned(value);
		if (bytes.length > length) {
			throw new IllegalArgumentException("A key coordinate is longer than its curve allows");
		}
		byte[] padded = new byte[length];
		System.arraycopy(bytes, 0, padded, length - bytes.length, bytes.length);
		return padded;
	}

}
