package dev.joat;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads a {@link SigningKey} from PEM text (RFC 7468): a PKCS #8 {@code PRIVATE KEY} block and an
 * optional X.509 {@code PUBLIC KEY} block. Messages name block labels and key types, never the
 * text of a block. Stateless and thread-safe.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc7468">RFC 7468</a>
 */
final class PemKeys {

	private static final String BEGIN = "-----BEGIN ";

	private static final String END = "-----END ";

	private static final String DASHES = "-----";

	private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

	private PemKeys() {
	}

	static SigningKey read(SignatureAlgorithm algorithm, String pem) {
		byte[] privateBytes = null;
		byte[] publicBytes = null;
		try {
			int from = 0;
			while (true) {
				int begin = pem.indexOf(BEGIN, from);
				if (begin < 0) {
					break;
				}
				int labelEnd = pem.indexOf(DASHES, begin + BEGIN.length());
				if (labelEnd < 0) {
					throw new IllegalArgumentException("The PEM text has a BEGIN line without its closing dashes");
				}
				String label = pem.substring(begin + BEGIN.length(), labelEnd);
				String endLine = END + label + DASHES;
				int end = pem.indexOf(endLine, labelEnd + DASHES.length());
				if (end < 0) {
					throw new IllegalArgumentException("The PEM block " + Printable.prefix(label) + " has no END line");
				}
				String body = pem.substring(labelEnd + DASHES.length(), end);
				from = end + endLine.length();
				switch (label) {
					case "PRIVATE KEY" -> {
						if (privateBytes != null) {
							throw new IllegalArgumentException("The PEM text holds more than one PRIVATE KEY block");
						}
						privateBytes = decode(body, label);
					}
					case "PUBLIC KEY" -> {
						if (publicBytes != null) {
							throw new IllegalArgumentException("The PEM text holds more than one PUBLIC KEY block");
						}
						publicBytes = decode(body, label);
					}
					case "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new IllegalArgumentException("The PEM block "
							+ label + " is not PKCS #8: convert it with openssl pkcs8 -topk8 -nocrypt");
					case "ENCRYPTED PRIVATE KEY" -> throw new IllegalArgumentException(
							"The PEM block ENCRYPTED PRIVATE KEY is encrypted: give the decrypted PKCS #8 PRIVATE KEY");
					// openssl ecparam -genkey writes the curve's parameters before the key; they say nothing new.
					case "EC PARAMETERS" -> {
					}
					default -> throw new IllegalArgumentException("The PEM block " + Printable.prefix(label)
							+ " is neither a PKCS #8 PRIVATE KEY nor a PUBLIC KEY");
				}
			}
			if (privateBytes == null) {
				throw new IllegalArgumentException("The PEM text holds no PRIVATE KEY block: a signing key for "
						+ algorithm + " needs its private key (PKCS #8)");
			}
			PrivateKey privateKey = privateKey(algorithm, privateBytes);
			PublicKey publicKey = (publicBytes != null) ? publicKey(algorithm, publicBytes)
					: derivePublicKey(algorithm, privateKey);
			return SigningKey.of(algorithm, privateKey, publicKey);
		}
		finally {
			if (privateBytes != null) {
				Arrays.fill(privateBytes, (byte) 0);
			}
		}
	}

	private static byte[] decode(String body, String label) {
		try {
			// RFC 7468 §3: base64 lines and white space only; anything else is refused, not skipped.
			return Base64.getDecoder().decode(WHITE_SPACE.matcher(body).replaceAll(""));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The PEM block " + label + " is not valid base64");
		}
	}

	/** The JCA key factory names for {@code algorithm}'s key type, in the order to try them. */
	private static String[] factories(SignatureAlgorithm algorithm) {
		return switch (algorithm.keyType()) {
			case "RSA" -> new String[] { "RSA", "RSASSA-PSS" };
			case "EC" -> new String[] { "EC" };
			default -> new String[] { "Ed25519" };
		};
	}

	private static PrivateKey privateKey(SignatureAlgorithm algorithm, byte[] der) {
		for (String factory : factories(algorithm)) {
			try {
				return KeyFactory.getInstance(factory).generatePrivate(new PKCS8EncodedKeySpec(der));
			}
			catch (GeneralSecurityException ex) {
				// Not a key of this type: try the next, then refuse.
			}
		}
		throw new IllegalArgumentException("The PRIVATE KEY block is not a PKCS #8 " + algorithm.keyType()
				+ " private key, which " + algorithm + " needs" + curveHint(algorithm));
	}

	private static PublicKey publicKey(SignatureAlgorithm algorithm, byte[] der) {
		for (String factory : factories(algorithm)) {
			try {
				return KeyFactory.getInstance(factory).generatePublic(new X509EncodedKeySpec(der));
			}
			catch (GeneralSecurityException ex) {
				// Not a key of this type: try the next, then refuse.
			}
		}
		throw new IllegalArgumentException("The PUBLIC KEY block is not an X.509 " + algorithm.keyType()
				+ " public key, which " + algorithm + " needs" + curveHint(algorithm));
	}

	private static String curveHint(SignatureAlgorithm algorithm) {
		String curve = algorithm.curve();
		return (curve != null) ? " (" + curve + ")" : "";
	}

	/**
	 * The public key of {@code privateKey}, where the JDK computes it: RSA from the CRT parameters,
	 * Ed25519 by regenerating the pair from the private key's 32 bytes (RFC 8032 §5.1.5 derives the
	 * public key from them alone).
	 */
	private static PublicKey derivePublicKey(SignatureAlgorithm algorithm, PrivateKey privateKey) {
		try {
			if (privateKey instanceof RSAPrivateCrtKey rsa) {
				return KeyFactory.getInstance("RSA")
					.generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
			}
			if (privateKey instanceof EdECPrivateKey ed && ed.getBytes().isPresent()) {
				byte[] seed = ed.getBytes().get();
				try {
					KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
					generator.initialize(NamedParameterSpec.ED25519, new FixedBytes(seed));
					KeyPair pair = generator.generateKeyPair();
					return pair.getPublic();
				}
				finally {
					Arrays.fill(seed, (byte) 0);
				}
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("The JDK cannot derive the public key of this " + algorithm + " key ("
					+ ex.getClass().getSimpleName() + "): add its PUBLIC KEY block to the PEM text");
		}
		throw new IllegalArgumentException("The PEM text holds no PUBLIC KEY block, and the JDK cannot derive the"
				+ " public key of this " + algorithm.keyType() + " private key: add the PUBLIC KEY block (openssl pkey"
				+ " -pubout)");
	}

	/**
	 * A {@link SecureRandom} that gives exactly the bytes it holds: the JDK's Ed25519 key pair
	 * generator draws the 32-byte private key from it, and computes the public key from those.
	 */
	private static final class FixedBytes extends SecureRandom {

		private static final long serialVersionUID = 1L;

		private final byte[] bytes;

		private int position;

		FixedBytes(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public synchronized void nextBytes(byte[] out) {
			if (out.length > this.bytes.length - this.position) {
				throw new IllegalStateException("The key generator asked for more bytes than the private key has");
			}
			System.arraycopy(this.bytes, this.position, out, 0, out.length);
			this.position += out.length;
		}

	}

}
