package dev.joat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import dev.joat.HostileTokens.Attack;
import dev.joat.InvalidTokenException.Reason;

/**
 * The attacks on a verifier of asymmetric signatures (RFC 8725 §2, §3.1, §3.4), one row per
 * attack with the reason joat refuses it for (or {@code null} for the rows that must be accepted).
 *
 * <p>Every token is built for the {@link #parser()}: the public keys of {@link TestKeys} for RS256
 * ({@code kid} {@code rs256}), PS256, ES256 ({@code es256}) and EdDSA ({@code eddsa}), those four
 * algorithms allowed, the issuer and clock of {@link TestTokens}.
 */
final class HostileKeyTokens {

	private static final SignatureAlgorithm RS256 = SignatureAlgorithm.RS256;

	private static final SignatureAlgorithm ES256 = SignatureAlgorithm.ES256;

	private static final SignatureAlgorithm EDDSA = SignatureAlgorithm.EdDSA;

	private HostileKeyTokens() {
	}

	/** The verifier the rows are built for. */
	static TokenParser parser() {
		KeySet keys = KeySet.of(TestKeys.key(RS256), TestKeys.key(SignatureAlgorithm.PS256).withKeyId("ps256"),
				TestKeys.key(ES256), TestKeys.key(EDDSA));
		return TokenParser.withKeys(keys)
			.signatureAlgorithms(RS256, SignatureAlgorithm.PS256, ES256, EDDSA)
			.issuer(TestTokens.PROVIDER)
			.clock(TestTokens.CLOCK)
			.build();
	}

	/** Every attack, in catalogue order. */
	static List<Attack> catalog() {
		List<Attack> attacks = new ArrayList<>();
		String claims = TestTokens.claims();
		for (SignatureAlgorithm algorithm : List.of(RS256, SignatureAlgorithm.PS256, ES256, EDDSA)) {
			attacks.add(attack("valid " + algorithm + " token", TestKeys.token(algorithm), null));
		}
		// alg confusion: an HMAC keyed with the public key, which the attacker knows (RFC 8725 §2.1)
		byte[] rsaDer = TestKeys.pair(RS256).getPublic().getEncoded();
		String rsaPem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(rsaDer)
				+ "\n-----END PUBLIC KEY-----\n";
		attacks.add(attack("HS256 keyed with the RSA public key's DER", hmac("{\"alg\":\"HS256\",\"kid\":\"rs256\"}", rsaDer),
				Reason.UNSUPPORTED_ALGORITHM));
		attacks.add(attack("HS256 keyed with the RSA public key's PEM text",
				hmac("{\"alg\":\"HS256\",\"kid\":\"rs256\"}", rsaPem.getBytes(StandardCharsets.US_ASCII)), Reason.UNSUPPORTED_ALGORITHM));
		attacks.add(attack("HS256 keyed with the EC public key's DER, no kid",
				hmac("{\"alg\":\"HS256\"}", TestKeys.pair(ES256).getPublic().getEncoded()), Reason.UNSUPPORTED_ALGORITHM));
		attacks.add(attack("HS512 keyed with the Ed25519 public key's DER",
				hmac("{\"alg\":\"HS512\",\"kid\":\"eddsa\"}", TestKeys.pair(EDDSA).getPublic().getEncoded()),
				Reason.UNSUPPORTED_ALGORITHM));
		attacks.add(attack("RS256 token naming the ES256 key",
				TestKeys.sign(RS256, TestKeys.header(RS256, "es256"), claims), Reason.UNSUPPORTED_ALGORITHM));
		attacks.add(attack("ES256 token naming the RS256 key",
				TestKeys.sign(ES256, TestKeys.header(ES256, "rs256"), claims), Reason.UNSUPPORTED_ALGORITHM));
		attacks.add(attack("PS256 token naming the RS256 key (same RSA key)",
				TestKeys.sign(SignatureAlgorithm.PS256, TestKeys.header(SignatureAlgorithm.PS256, "rs256"), claims),
				Reason.UNSUPPORTED_ALGORITHM));
		attacks.add(attack("RS256 header with a PS256 signature of the RS256 key",
				withSignatureOf(TestKeys.header(RS256, "rs256"), SignatureAlgorithm.PS256), Reason.BAD_SIGNATURE));
		attacks.add(attack("ES384 token (not allowed) naming the ES256 key",
				TestKeys.sign(SignatureAlgorithm.ES384, TestKeys.header(SignatureAlgorithm.ES384, "es256"), claims),
				Reason.UNSUPPORTED_ALGORITHM));
		for (String none : List.of("none", "None", "NONE", "nOnE")) {
			attacks.add(attack("alg " + none + " with an empty signature",
					TestTokens.b64("{\"alg\":\"" + none + "\",\"kid\":\"rs256\"}") + "." + TestTokens.b64(claims) + ".",
					Reason.UNSUPPORTED_ALGORITHM));
		}
		// the form of the signature (RFC 7518 §3.4, RFC 8037 §3.1; CVE-2022-21449)
		String es256Header = TestKeys.header(ES256, "es256");
		byte[] n = fixed(((ECPublicKey) TestKeys.pair(ES256).getPublic()).getParams().getOrder(), 32);
		byte[] valid = signatureOf(TestKeys.token(ES256));
		attacks.add(attack("ES256 psychic signature r = s = 0", with(es256Header, new byte[64]), Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("ES256 r = 0 with a valid s", with(es256Header, concat(new byte[32], Arrays.copyOfRange(valid, 32, 64))),
				Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("ES256 s = 0 with a valid r", with(es256Header, concat(Arrays.copyOf(valid, 32), new byte[32])),
				Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("ES256 r = s = n", with(es256Header, concat(n, n)), Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("ES256 s = n with a valid r", with(es256Header, concat(Arrays.copyOf(valid, 32), n)),
				Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("ES256 r = s = 2^256 - 1", with(es256Header, filled(64, (byte) 0xFF)), Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("ES256 valid signature DER-encoded", with(es256Header, der(valid)), Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("ES256 signature one byte short", with(es256Header, Arrays.copyOf(valid, 63)), Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("ES256 signature with a byte appended", with(es256Header, Arrays.copyOf(valid, 65)),
				Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("ES256 empty signature", with(es256Header, new byte[0]), Reason.MALFORMED_SIGNATURE));
		KeyPair p384 = TestKeys.ec("secp384r1");
		attacks.add(attack("ES256 token signed with a P-384 key (a key on the wrong curve)",
				TestKeys.sign(SignatureAlgorithm.ES384, p384.getPrivate(), es256Header, claims), Reason.MALFORMED_SIGNATURE));
		String edHeader = TestKeys.header(EDDSA, "eddsa");
		byte[] edValid = signatureOf(TestKeys.token(EDDSA));
		attacks.add(attack("EdDSA signature one byte short", with(edHeader, Arrays.copyOf(edValid, 63)), Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("EdDSA signature with a byte appended", with(edHeader, Arrays.copyOf(edValid, 65)),
				Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("EdDSA all-zero signature", with(edHeader, new byte[64]), Reason.BAD_SIGNATURE));
		String rsHeader = TestKeys.header(RS256, "rs256");
		byte[] rsValid = signatureOf(TestKeys.token(RS256));
		attacks.add(attack("RS256 signature without its first byte", with(rsHeader, Arrays.copyOfRange(rsValid, 1, rsValid.length)),
				Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("RS256 signature with a zero byte prepended", with(rsHeader, concat(new byte[1], rsValid)),
				Reason.MALFORMED_SIGNATURE));
		attacks.add(attack("RS256 all-zero signature of the modulus' length", with(rsHeader, new byte[rsValid.length]),
				Reason.BAD_SIGNATURE));
		attacks.add(attack("RS256 empty signature", with(rsHeader, new byte[0]), Reason.MALFORMED_SIGNATURE));
		// keys named or carried by the token itself are never used (RFC 8725 §3.10)
		KeyPair attacker = TestKeys.ec("secp256r1");
		ECPublicKey attackerKey = (ECPublicKey) attacker.getPublic();
		String jwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + TestTokens.b64(fixed(attackerKey.getW().getAffineX(), 32))
				+ "\",\"y\":\"" + TestTokens.b64(fixed(attackerKey.getW().getAffineY(), 32)) + "\"}";
		attacks.add(attack("jwk header embedding the attacker's key, no kid",
				TestKeys.sign(ES256, attacker.getPrivate(), "{\"alg\":\"ES256\",\"jwk\":" + jwk + "}", claims), Reason.BAD_SIGNATURE));
		attacks.add(attack("jwk header embedding the attacker's key, with the server's kid",
				TestKeys.sign(ES256, attacker.getPrivate(), "{\"alg\":\"ES256\",\"kid\":\"es256\",\"jwk\":" + jwk + "}", claims),
				Reason.BAD_SIGNATURE));
		attacks.add(attack("jwk header embedding the attacker's key, with the attacker's kid",
				TestKeys.sign(ES256, attacker.getPrivate(), "{\"alg\":\"ES256\",\"kid\":\"attacker\",\"jwk\":" + jwk + "}", claims),
				Reason.UNKNOWN_KEY));
		for (String parameter : List.of("jku", "x5u")) {
			attacks.add(attack(parameter + " header pointing at the attacker's keys, with the server's kid",
					TestKeys.sign(ES256, attacker.getPrivate(),
							"{\"alg\":\"ES256\",\"kid\":\"es256\",\"" + parameter + "\":\"http://127.0.0.1:1/keys\"}", claims),
					Reason.BAD_SIGNATURE));
			attacks.add(attack(parameter + " header pointing at the attacker's keys, with the attacker's kid",
					TestKeys.sign(ES256, attacker.getPrivate(),
							"{\"alg\":\"ES256\",\"kid\":\"attacker\",\"" + parameter + "\":\"http://127.0.0.1:1/keys\"}", claims),
					Reason.UNKNOWN_KEY));
		}
		attacks.add(attack("x5c header with an attacker's certificate",
				TestKeys.sign(ES256, attacker.getPrivate(), "{\"alg\":\"ES256\",\"x5c\":[\"MIIBszCCAVmgAwIBAgIU\"]}", claims),
				Reason.BAD_SIGNATURE));
		attacks.add(attack("ES256 token signed by the attacker's key, with the server's kid",
				TestKeys.sign(ES256, attacker.getPrivate(), es256Header, claims), Reason.BAD_SIGNATURE));
		return attacks;
	}

	private static Attack attack(String name, String token, Reason expected) {
		return new Attack(name, token, expected, false);
	}

	private static String hmac(String header, byte[] secret) {
		String signingInput = TestTokens.b64(header) + "." + TestTokens.b64(TestTokens.claims());
		return signingInput + "." + TestTokens.b64(TestTokens.hmac("HmacSHA256", secret, signingInput));
	}

	/** A token of {@code header} and valid claims whose signature segment is {@code signature}. */
	private static String with(String header, byte[] signature) {
		return TestTokens.b64(header) + "." + TestTokens.b64(TestTokens.claims()) + "." + TestTokens.b64(signature);
	}

	/** {@code header} with valid claims, signed by {@code algorithm}'s key under that algorithm. */
	private static String withSignatureOf(String header, SignatureAlgorithm algorithm) {
		return TestKeys.sign(algorithm, header, TestTokens.claims());
	}

	private static byte[] signatureOf(String token) {
		return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
	}

	private static byte[] fixed(BigInteger value, int length) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[length];
		int copied = Math.min(bytes.length, length);
		System.arraycopy(bytes, bytes.length - copied, fixed, length - copied, copied);
		return fixed;
	}

	private static byte[] filled(int length, byte value) {
		byte[] bytes = new byte[length];
		Arrays.fill(bytes, value);
		return bytes;
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = Arrays.copyOf(first, first.length + second.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	/** The ASN.1 DER {@code SEQUENCE { INTEGER r, INTEGER s }} of a raw P-256 signature. */
	private static byte[] der(byte[] raw) {
		byte[] r = new BigInteger(1, Arrays.copyOf(raw, 32)).toByteArray();
		byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)).toByteArray();
		byte[] body = concat(concat(new byte[] { 0x02, (byte) r.length }, r), concat(new byte[] { 0x02, (byte) s.length }, s));
		return concat(new byte[] { 0x30, (byte) body.length }, body);
	}

}
