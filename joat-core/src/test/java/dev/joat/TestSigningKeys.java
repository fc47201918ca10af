package dev.joat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * Shared fixtures for asymmetric signing: one generated key per algorithm for the whole run (RSA
 * key generation is slow), and a verifier that uses the JDK's {@link Signature} directly, apart
 * from joat's own signing code.
 */
final class TestSigningKeys {

	private static final Map<SignatureAlgorithm, SigningKey> KEYS = new EnumMap<>(SignatureAlgorithm.class);

	private TestSigningKeys() {
	}

	/** The run's key for {@code algorithm}, with the key id {@code "test-" + algorithm}. */
	static synchronized SigningKey key(SignatureAlgorithm algorithm) {
		return KEYS.computeIfAbsent(algorithm, (a) -> SigningKey.generate(a).withKeyId("test-" + a));
	}

	/** Whether {@code token}'s signature verifies with {@code key}, by the JDK alone. */
	static boolean verifiesWithJdk(String token, VerificationKey key) {
		int lastDot = token.lastIndexOf('.');
		byte[] signature = Base64.getUrlDecoder().decode(token.substring(lastDot + 1));
		if (key.algorithm().signatureLength() != 0 && signature.length != key.algorithm().signatureLength()) {
			return false;
		}
		try {
			Signature verifier = jdkSignature(key.algorithm());
			verifier.initVerify(key.publicKey());
			verifier.update(token.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
			return verifier.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The JDK signature algorithm of a JWS algorithm, written out here independently of joat's. */
	private static Signature jdkSignature(SignatureAlgorithm algorithm) throws GeneralSecurityException {
		String name = algorithm.name();
		String bits = name.substring(2);
		switch (name.substring(0, 2)) {
			case "RS":
				return Signature.getInstance("SHA" + bits + "withRSA");
			case "ES":
				return Signature.getInstance("SHA" + bits + "withECDSAinP1363Format");
			case "PS":
				Signature pss = Signature.getInstance("RSASSA-PSS");
				String hash = "SHA-" + bits;
				pss.setParameter(new java.security.spec.PSSParameterSpec(hash, "MGF1",
						new java.security.spec.MGF1ParameterSpec(hash), Integer.parseInt(bits) / 8, 1));
				return pss;
			default:
				return Signature.getInstance("Ed25519");
		}
	}

	/** The PEM text of DER {@code bytes} under {@code label}, as openssl writes it. */
	static String pem(String label, byte[] der) {
		return "-----BEGIN " + label + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + label + "-----\n";
	}

}
