package dev.joat.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.joat.KeySet;
import dev.joat.SignatureAlgorithm;
import dev.joat.VerificationKey;

/**
 * One key pair per algorithm (RS256 with 2,048 bits, ES256, EdDSA with Ed25519) and the tokens it
 * signs, for the public-key benchmarks ({@link VerifyPublicKey}, {@link VerifyDuringRefresh}):
 * made with the JDK alone, as {@link BenchmarkTokens} makes the HS256 ones, so that no library
 * under test shapes them. Each is made once per JVM, so that every verifier of a run (and every
 * state of a fork) sees the same key and the same token bytes.
 *
 * <p>The header is {@code {"alg":…,"kid":"k1","typ":"JWT"}}, the payload the PyJOAT-shaped claims
 * of {@link BenchmarkTokens#payloadJson}. {@link #tokens()} holds the near misses every verifier
 * must refuse; its {@code wrongSecret} is signed with another key pair of the same algorithm, under
 * the same {@code kid}.
 */
final class PublicKeyTokens {

	/** The {@code kid} of the benchmark key, in its tokens and in every key set. */
	static final String KEY_ID = "k1";

	private static final Map<String, PublicKeyTokens> BY_ALGORITHM = new ConcurrentHashMap<>();

	private final SignatureAlgorithm algorithm;

	private final KeyPair keyPair;

	private final BenchmarkTokens.TokenSet tokens;

	private PublicKeyTokens(SignatureAlgorithm algorithm) throws GeneralSecurityException {
		this.algorithm = algorithm;
		this.keyPair = AsymmetricSigners.generate(algorithm);
		PrivateKey otherKey = AsymmetricSigners.generate(algorithm).getPrivate();
		PrivateKey key = this.keyPair.getPrivate();
		String payload = BenchmarkTokens.payloadJson(BenchmarkTokens.CLIENT_ID, BenchmarkTokens.EXPIRES_AT,
				BenchmarkTokens.SCOPE);
		String valid = sign(key, payload);
		String tampered = signingInput(BenchmarkTokens.payloadJson(BenchmarkTokens.CLIENT_ID,
				BenchmarkTokens.EXPIRES_AT, List.of("profile", "read", "admin")))
				+ valid.substring(valid.lastIndexOf('.'));
		this.tokens = new BenchmarkTokens.TokenSet(BenchmarkTokens.CLIENT_ID, valid, tampered, sign(otherKey, payload),
				sign(key, BenchmarkTokens.payloadJson(BenchmarkTokens.CLIENT_ID, BenchmarkTokens.ISSUED_AT + 3600,
						BenchmarkTokens.SCOPE)),
				sign(key, BenchmarkTokens.payloadJson("other-" + BenchmarkTokens.CLIENT_ID, BenchmarkTokens.EXPIRES_AT,
						BenchmarkTokens.SCOPE)));
	}

	/**
	 * The key pair and tokens of {@code algorithm}, made on first use.
	 * @param algorithm {@code RS256}, {@code ES256} or {@code EdDSA}
	 * @return the same instance for every call in this JVM
	 */
	static PublicKeyTokens of(String algorithm) {
		return BY_ALGORITHM.computeIfAbsent(algorithm, (name) -> {
			SignatureAlgorithm signatureAlgorithm = SignatureAlgorithm.fromJwsName(name);
			if (signatureAlgorithm == null) {
				throw new IllegalArgumentException("Not a JWS algorithm: " + name);
			}
			try {
				return new PublicKeyTokens(signatureAlgorithm);
			}
			catch (GeneralSecurityException ex) {
				throw new IllegalStateException("Cannot make a " + name + " key pair", ex);
			}
		});
	}

	SignatureAlgorithm algorithm() {
		return this.algorithm;
	}

	KeyPair keyPair() {
		return this.keyPair;
	}

	/** The valid token and its near misses. */
	BenchmarkTokens.TokenSet tokens() {
		return this.tokens;
	}

	/** The JDK's name of the signature algorithm, ECDSA as the raw {@code r || s} of JWS. */
	String jcaName() {
		return AsymmetricSigners.jcaName(this.algorithm);
	}

	/** The public key, bound to the algorithm, with the {@link #KEY_ID}: one key of an issuer's JWK Set. */
	VerificationKey verificationKey() {
		return VerificationKey.of(this.algorithm, this.keyPair.getPublic()).withKeyId(KEY_ID);
	}

	/** The issuer's JWK Set: the public key alone. */
	KeySet keySet() {
		return KeySet.of(verificationKey());
	}

	private String signingInput(String payloadJson) {
		String header = "{\"alg\":\"" + this.algorithm.jwsName() + "\",\"kid\":\"" + KEY_ID + "\",\"typ\":\"JWT\"}";
		return BenchmarkTokens.base64Url(header.getBytes(StandardCharsets.UTF_8)) + '.'
				+ BenchmarkTokens.base64Url(payloadJson.getBytes(StandardCharsets.UTF_8));
	}

	private String sign(PrivateKey key, String payloadJson) throws GeneralSecurityException {
		String signingInput = signingInput(payloadJson);
		Signature signer = Signature.getInstance(jcaName());
		signer.initSign(key);
		signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
		return signingInput + '.' + BenchmarkTokens.base64Url(signer.sign());
	}

}
