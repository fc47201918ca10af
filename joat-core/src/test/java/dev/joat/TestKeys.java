package dev.joat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Key pairs for every {@link SignatureAlgorithm}, made once per test run, and tokens signed with
 * them by the JDK's own {@link Signature} (independently of joat's {@link SignatureVerifier}: the
 * JCA names and PSS parameters are spelt out here again).
 */
final class TestKeys {

	private static final Map<SignatureAlgorithm, KeyPair> PAIRS = new EnumMap<>(SignatureAlgorithm.class);

	static {
		KeyPair rsa = generate("RSA", 2048);
		for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
			PAIRS.put(algorithm, switch (algorithm) {
				case RS256, RS384, RS512, PS256, PS384, PS512 -> rsa;
				case ES256 -> ec("secp256r1");
				case ES384 -> ec("secp384r1");
				case ES512 -> ec("secp521r1");
				case EdDSA -> ed25519();
			});
		}
	}

	private TestKeys() {
	}

	/** The key pair of {@code algorithm} (one RSA pair serves all six RSA algorithms). */
	static KeyPair pair(SignatureAlgorithm algorithm) {
		return PAIRS.get(algorithm);
	}

	/** The key id of {@code algorithm}'s key in {@link #keySet()}: the algorithm's name in lower case. */
	static String keyId(SignatureAlgorithm algorithm) {
		return algorithm.jwsName().toLowerCase(Locale.ROOT);
	}

	/** The verification key of {@code algorithm}, with its {@link #keyId(SignatureAlgorithm) key id}. */
	static VerificationKey key(SignatureAlgorithm algorithm) {
		return VerificationKey.of(algorithm, pair(algorithm).getPublic()).withKeyId(keyId(algorithm));
	}

	/** A set of one key per algorithm, each with its key id. */
	static KeySet keySet() {
		List<VerificationKey> keys = new ArrayList<>();
		for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
			keys.add(key(algorithm));
		}
		return KeySet.of(keys);
	}

	/** A fresh key pair: {@code "RSA"} of {@code size} bits, or an EC curve's or EdDSA's. */
	static KeyPair generate(String algorithm, int size) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
			generator.initialize(size);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A fresh EC key pair on {@code curve} (a JDK name such as {@code secp256r1}). */
	static KeyPair ec(String curve) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec(curve));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A fresh Ed25519 key pair. */
	static KeyPair ed25519() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The compact JWS of {@code header} and {@code payload} (JSON texts), signed by {@code algorithm}'s key. */
	static String sign(SignatureAlgorithm algorithm, String header, String payload) {
		return sign(algorithm, pair(algorithm).getPrivate(), header, payload);
	}

	/** The compact JWS of {@code header} and {@code payload}, signed with {@code privateKey} as {@code algorithm} says. */
	static String sign(SignatureAlgorithm algorithm, PrivateKey privateKey, String header, String payload) {
		String signingInput = TestTokens.b64(header) + "." + TestTokens.b64(payload);
		return signingInput + "." + TestTokens.b64(signature(algorithm, privateKey, signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

	/** The JWS signature bytes of {@code data} (ECDSA as raw {@code r || s}). */
	static byte[] signature(SignatureAlgorithm algorithm, PrivateKey privateKey, byte[] data) {
		try {
			Signature signature = switch (algorithm) {
				case RS256 -> Signature.getInstance("SHA256withRSA");
				case RS384 -> Signature.getInstance("SHA384withRSA");
				case RS512 -> Signature.getInstance("SHA512withRSA");
				case PS256 -> pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
				case PS384 -> pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
				case PS512 -> pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
				case ES256 -> Signature.getInstance("SHA256withECDSAinP1363Format");
				case ES384 -> Signature.getInstance("SHA384withECDSAinP1363Format");
				case ES512 -> Signature.getInstance("SHA512withECDSAinP1363Format");
				case EdDSA -> Signature.getInstance("Ed25519");
			};
			signature.initSign(privateKey);
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Signature pss(String digest, MGF1ParameterSpec mgf1, int saltLength) throws GeneralSecurityException {
		Signature signature = Signature.getInstance("RSASSA-PSS");
		signature.setParameter(new PSSParameterSpec(digest, "MGF1", mgf1, saltLength, 1));
		return signature;
	}

	/** A header naming {@code algorithm} and key id {@code keyId} ({@code null}: no {@code kid}). */
	static String header(SignatureAlgorithm algorithm, String keyId) {
		return "{\"alg\":\"" + algorithm.jwsName() + "\"" + ((keyId != null) ? ",\"kid\":\"" + keyId + "\"" : "")
				+ ",\"typ\":\"JWT\"}";
	}

	/** A token of valid claims signed by {@code algorithm}'s key, naming its key id. */
	static String token(SignatureAlgorithm algorithm) {
		return sign(algorithm, header(algorithm, keyId(algorithm)), TestTokens.claims());
	}

}
