package dev.joat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A private key bound to the one {@link SignatureAlgorithm} it signs with, its public half and an
 * optional key id: what a {@link TokenGenerator} signs asymmetric tokens with.
 *
 * <pre>{@code
 * SigningKey key = SigningKey.fromPem(SignatureAlgorithm.ES256, Files.readString(pemFile)).withKeyId("2026-12");
 * TokenGenerator generator = TokenGenerator.builder("https://issuer.example", key).build();
 * String jwks = KeySet.of(key.verificationKey()).toJwkSetJson();   // for GET /oauth2/jwks
 * }</pre>
 *
 * <p>Construction checks the key once, so that no token can be signed with a weak or mismatched
 * key: the public half passes {@link VerificationKey}'s checks for the algorithm (RSA of at least
 * {@value SignatureAlgorithm#MINIMUM_RSA_KEY_SIZE} bits, the algorithm's EC curve, Ed25519), the
 * private half is of the algorithm's key type, and the two belong together: a probe signed with the
 * private key verifies with the public one. A key that fails is refused with an
 * {@link IllegalArgumentException} that says which check failed and never shows key material.
 *
 * <p>Signing uses the JDK's own providers only: {@code SHA256withRSA} (and 384, 512),
 * {@code RSASSA-PSS} with the parameters of RFC 7518 §3.5 (salt as long as the hash), ECDSA in
 * {@code P1363} format, so that the signature is the raw {@code r || s} JWS requires (RFC 7518
 * §3.4), and {@code Ed25519} (RFC 8037). The keyed {@link Signature}s are kept in a small pool
 * shared by all threads (as the HMAC path keeps its keyed {@code Mac}s), so each is initialised
 * with the private key once, not once per token.
 *
 * <p>{@link #toString()} shows the algorithm, the key id and the public key's RFC 7638 thumbprint,
 * nothing of the private key. Instances are immutable and thread-safe.
 */
public final class SigningKey {

	private static final byte[] PROBE = "joat signing key check".getBytes(StandardCharsets.US_ASCII);

	private final SignatureAlgorithm algorithm;

	private final PrivateKey privateKey;

	private final VerificationKey verificationKey;

	private final int signatureLength;

	/** Keyed {@link Signature}s, shared by the copies {@link #withKeyId(String)} makes. */
	private final SlotPool<Signer> signers;

	private SigningKey(SignatureAlgorithm algorithm, PrivateKey privateKey, VerificationKey verificationKey,
			int signatureLength, SlotPool<Signer> signers) {
		this.algorithm = algorithm;
		this.privateKey = privateKey;
		this.verificationKey = verificationKey;
		this.signatureLength = signatureLength;
		this.signers = signers;
	}

	/**
	 * Binds the key pair {@code keyPair} to {@code algorithm}, without a key id.
	 * @param algorithm the one algorithm the key signs with
	 * @param keyPair an RSA, EC or Ed25519 key pair that suits {@code algorithm}
	 * @return the checked key
	 * @throws IllegalArgumentException when the key does not suit the algorithm, is too weak, or
	 * its halves do not belong together
	 */
	public static SigningKey of(SignatureAlgorithm algorithm, KeyPair keyPair) {
		Objects.requireNonNull(keyPair, "keyPair cannot be null");
		return of(algorithm, keyPair.getPrivate(), keyPair.getPublic());
	}

	/**
	 * Binds {@code privateKey} and its public half {@code publicKey} to {@code algorithm}, without
	 * a key id. The private key may live in a hardware token or a key store: it is only handed to
	 * the JDK's {@link Signature}.
	 * @param algorithm the one algorithm the key signs with
	 * @param privateKey the private key
	 * @param publicKey the public key of {@code privateKey}
	 * @return the checked key
	 * @throws IllegalArgumentException when the key does not suit the algorithm, is too weak, or
	 * its halves do not belong together
	 */
	public static SigningKey of(SignatureAlgorithm algorithm, @Nullable PrivateKey privateKey,
			@Nullable PublicKey publicKey) {
		Objects.requireNonNull(algorithm, "algorithm cannot be null");
		if (privateKey == null) {
			throw new IllegalArgumentException("A signing key for " + algorithm + " needs its private key");
		}
		if (publicKey == null) {
			throw new IllegalArgumentException("A signing key for " + algorithm + " needs its public key");
		}
		VerificationKey verificationKey = VerificationKey.of(algorithm, publicKey);
		if (!suitsAlgorithm(algorithm, privateKey)) {
			throw new IllegalArgumentException(algorithm + " needs a " + algorithm.keyType() + " private key, not a "
					+ privateKey.getAlgorithm() + " key");
		}
		if (privateKey instanceof ECPrivateKey ec
				&& !ec.getParams().getCurve().equals(VerificationKey.namedCurve(algorithm).getCurve())) {
			throw new IllegalArgumentException("An EC key for " + algorithm + " must be on " + algorithm.curve()
					+ "; this private key is on another curve");
		}
		int signatureLength = (publicKey instanceof RSAPublicKey rsa) ? (rsa.getModulus().bitLength() + 7) / 8
				: algorithm.signatureLength();
		SlotPool<Signer> signers = new SlotPool<>(() -> new Signer(algorithm, privateKey, signatureLength));
		SigningKey key = new SigningKey(algorithm, privateKey, verificationKey, signatureLength, signers);
		key.requireMatchingHalves(publicKey);
		return key;
	}

	/**
	 * Reads a signing key from PEM text: one PKCS #8 {@code PRIVATE KEY} block and, optionally, the
	 * matching X.509 {@code PUBLIC KEY} block. Without the public block the public key is derived
	 * where the JDK can do it: from an RSA private key with its CRT parameters (what every tool
	 * writes), and from an Ed25519 private key. An EC key needs its {@code PUBLIC KEY} block (or
	 * {@link #of(SignatureAlgorithm, KeyPair)} with a key pair from a key store).
	 * <p>Other blocks are refused with a hint: convert a traditional {@code RSA PRIVATE KEY} or
	 * {@code EC PRIVATE KEY} with {@code openssl pkcs8 -topk8 -nocrypt}; decrypt an
	 * {@code ENCRYPTED PRIVATE KEY} first.
	 * @param algorithm the one algorithm the key signs with
	 * @param pem the PEM text
	 * @return the checked key, without a key id
	 * @throws IllegalArgumentException when the text holds no usable private key, or the key does
	 * not suit the algorithm; the message never quotes the text
	 */
	public static SigningKey fromPem(SignatureAlgorithm algorithm, String pem) {
		Objects.requireNonNull(algorithm, "algorithm cannot be null");
		Objects.requireNonNull(pem, "pem cannot be null");
		return PemKeys.read(algorithm, pem);
	}

	/**
	 * Generates a fresh key for {@code algorithm} with the JDK's default {@code SecureRandom}: a
	 * 2,048-bit RSA key for {@code RS*} and {@code PS*}, a key on the algorithm's curve for
	 * {@code ES*}, an Ed25519 key for {@code EdDSA}. For tests and for a server that issues with a
	 * key of its own run.
	 * @param algorithm the algorithm
	 * @return a new key, without a key id
	 */
	public static SigningKey generate(SignatureAlgorithm algorithm) {
		Objects.requireNonNull(algorithm, "algorithm cannot be null");
		try {
			KeyPairGenerator generator;
			switch (algorithm.keyType()) {
				case "RSA" -> {
					generator = KeyPairGenerator.getInstance("RSA");
					generator.initialize(SignatureAlgorithm.MINIMUM_RSA_KEY_SIZE);
				}
				case "EC" -> {
					generator = KeyPairGenerator.getInstance("EC");
					generator.initialize(new ECGenParameterSpec(switch (algorithm) {
						case ES256 -> "secp256r1";
						case ES384 -> "secp384r1";
						default -> "secp521r1";
					}));
				}
				default -> generator = KeyPairGenerator.getInstance("Ed25519");
			}
			return of(algorithm, generator.generateKeyPair());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK cannot generate a key for " + algorithm, ex);
		}
	}

	/**
	 * This key with key id {@code keyId}: the {@code kid} its tokens and its JWK carry.
	 * @param keyId a non-empty key id, without unpaired surrogates
	 * @return a key with that id
	 */
	public SigningKey withKeyId(String keyId) {
		if (keyId == null || keyId.isEmpty()) {
			throw new IllegalArgumentException("keyId cannot be null or empty");
		}
		WellFormedText.require(keyId, "keyId");
		return new SigningKey(this.algorithm, this.privateKey, this.verificationKey.withKeyId(keyId),
				this.signatureLength, this.signers);
	}

	/**
	 * The one algorithm this key signs with.
	 * @return the algorithm
	 */
	public SignatureAlgorithm algorithm() {
		return this.algorithm;
	}

	/**
	 * The key id, or {@code null} when the key has none.
	 * @return the {@code kid}, or {@code null}
	 */
	public @Nullable String keyId() {
		return this.verificationKey.keyId();
	}

	/**
	 * The public half, with the same algorithm and key id: what resource servers verify with, and
	 * what a JWK Set publishes ({@link VerificationKey#toJwk()}).
	 * @return the verification key
	 */
	public VerificationKey verificationKey() {
		return this.verificationKey;
	}

	/**
	 * The RFC 7638 thumbprint of the public key: public data, safe to log and show.
	 * @return the thumbprint
	 */
	public String thumbprint() {
		return this.verificationKey.thumbprint();
	}

	/** The length in bytes of this key's signatures. */
	int signatureLength() {
		return this.signatureLength;
	}

	/**
	 * Signs {@code data[0, length)} and writes the base64url signature into {@code out} from
	 * {@code offset}; {@code data} and {@code out} may be the same array.
	 * @return the offset after the last character written
	 */
	int signInto(byte[] data, int length, byte[] out, int offset) {
		Signer signer = this.signers.acquire();
		int end = signer.signInto(data, length, out, offset);
		// A Signature that failed half-way is dropped, never given back with data in it.
		this.signers.release(signer);
		return end;
	}

	/** Signs the probe and verifies it with {@code publicKey}, with the JDK's own algorithm. */
	private void requireMatchingHalves(PublicKey publicKey) {
		byte[] probe = new byte[PROBE.length + 1 + Base64Url.encodedLength(this.signatureLength)];
		System.arraycopy(PROBE, 0, probe, 0, PROBE.length);
		boolean verified;
		try {
			int end = signInto(probe, PROBE.length, probe, PROBE.length + 1);
			byte[] signature = Base64Url.decode(probe, PROBE.length + 1, end);
			Signature verifier = this.algorithm.newSignature();
			verifier.initVerify(publicKey);
			verifier.update(PROBE);
			verified = signature != null && verifier.verify(signature);
		}
		catch (GeneralSecurityException | IllegalStateException ex) {
			// A private key that cannot make this algorithm's signature is no half of this public key.
			verified = false;
		}
		if (!verified) {
			throw new IllegalArgumentException("The private and public keys of this " + this.algorithm
					+ " key do not belong together");
		}
	}

	/** Whether {@code privateKey} is of the key type {@code algorithm} needs, by its JCA name. */
	private static boolean suitsAlgorithm(SignatureAlgorithm algorithm, PrivateKey privateKey) {
		String name = privateKey.getAlgorithm();
		return switch (algorithm.keyType()) {
			case "RSA" -> "RSA".equalsIgnoreCase(name) || "RSASSA-PSS".equalsIgnoreCase(name);
			case "EC" -> "EC".equalsIgnoreCase(name);
			default -> "Ed25519".equalsIgnoreCase(name) || "EdDSA".equalsIgnoreCase(name);
		};
	}

	@Override
	public String toString() {
		String keyId = keyId();
		return "SigningKey[" + this.algorithm + ", kid=" + ((keyId != null) ? Printable.prefix(keyId) : "none")
				+ ", thumbprint=" + thumbprint() + "]";
	}

	/** One {@link Signature} keyed with the private key, and a buffer for its signature. */
	private static final class Signer extends SlotPool.Member {

		private final SignatureAlgorithm algorithm;

		private final Signature signature;

		private final byte[] result;

		Signer(SignatureAlgorithm algorithm, PrivateKey privateKey, int signatureLength) {
			this.algorithm = algorithm;
			try {
				this.signature = algorithm.newSignature();
				this.signature.initSign(privateKey);
			}
			catch (GeneralSecurityException ex) {
				// The exception may describe the key; its type is enough, and names no key material.
				throw new IllegalArgumentException("The JDK cannot sign " + algorithm + " with this key ("
						+ ex.getClass().getSimpleName() + ")");
			}
			this.result = new byte[signatureLength];
		}

		int signInto(byte[] data, int length, byte[] out, int offset) {
			int signatureLength;
			try {
				this.signature.update(data, 0, length);
				// sign() leaves the Signature initialised with the same key, ready for the next token.
				signatureLength = this.signature.sign(this.result, 0, this.result.length);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot sign " + this.algorithm + " (" + ex.getClass().getSimpleName()
						+ ")");
			}
			if (signatureLength != this.result.length) {
				throw new IllegalStateException("A " + this.algorithm + " signature of unexpected length");
			}
			return Base64Url.encodeInto(this.result, signatureLength, out, offset);
		}

	}

}
