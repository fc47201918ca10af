package dev.joat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.joat.InvalidTokenException.Reason;

/**
 * The catalogue of attacks on a token verifier, one row per attack, each with the reason joat
 * refuses it for (or {@code null} for the few rows that must be accepted). It is shared: the core's
 * attack suite runs it against {@link TokenParser}, the starter's runs it through the whole Spring
 * Security filter chain.
 *
 * <p>Every token is built for a verifier configured with {@link #SECRET} (HS256 only), issuer
 * {@link #ISSUER}, the default maximum token length and a clock at the {@code now} given; rows
 * named {@code kid …} assume a verifier whose secrets are keyed ({@code kid} {@link #KEY_ID}).
 */
public final class HostileTokens {

	/** The verifier's 32-byte secret. */
	public static final String SECRET = "0123456789abcdef0123456789abcdef";

	/** The verifier's issuer. */
	public static final String ISSUER = "My OAuth2 Provider";

	/** The key id of a keyed verifier. */
	public static final String KEY_ID = "k1";

	/** The default maximum token length. */
	public static final int MAX_TOKEN_LENGTH = 8192;

	/** A stand-in for an RSA public key that an algorithm-confusion attacker would use as HMAC key. */
	private static final String PUBLIC_KEY_PEM = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----\n";

	private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

	private final long now;

	private HostileTokens(Instant now) {
		this.now = now.getEpochSecond();
	}

	/**
	 * One attack: a name that says what it tries, the token, and how joat must answer.
	 * @param name what the attack tries
	 * @param token the hostile token
	 * @param expected the reason joat refuses it for, or {@code null} when it must be accepted
	 * @param keyed whether the row is for a verifier with keyed secrets
	 */
	public record Attack(String name, String token, Reason expected, boolean keyed) {

		@Override
		public String toString() {
			return this.name;
		}

	}

	/**
	 * Every attack, built for a verifier whose clock reads {@code now}.
	 * @param now the verifier's current time
	 * @return the attacks, in catalogue order
	 */
	public static List<Attack> catalog(Instant now) {
		return new HostileTokens(now).build();
	}

	/** A PyJOAT-layout claims set valid at {@code now}, with issuer and client. */
	public static String validClaims(Instant now, String extra) {
		return new HostileTokens(now).claims(extra);
	}

	private List<Attack> build() {
		List<Attack> attacks = new ArrayList<>();
		String valid = sign(HEADER, claims(""));
		attacks.add(attack("control: a valid token", valid, null));

		// alg none, in any letter case, with an empty and with a bogus signature
		for (String none : List.of("none", "None", "NONE", "nOnE")) {
			String unsigned = b64("{\"alg\":\"" + none + "\",\"typ\":\"JWT\"}") + "." + b64(claims(""));
			attacks.add(attack("alg " + none + " with an empty signature", unsigned + ".", Reason.UNSUPPORTED_ALGORITHM));
			attacks.add(attack("alg " + none + " with a bogus signature", unsigned + ".c2lnbmF0dXJl", Reason.UNSUPPORTED_ALGORITHM));
		}
		// stronger HMACs than the allow-list names
		attacks.add(attack("HS384 under an HS256-only allow-list",
				sign("{\"alg\":\"HS384\"}", claims(""), "HmacSHA384", SECRET), Reason.UNSUPPORTED_ALGORITHM));
		attacks.add(attack("HS512 under an HS256-only allow-list",
				sign("{\"alg\":\"HS512\"}", claims(""), "HmacSHA512", SECRET), Reason.UNSUPPORTED_ALGORITHM));
		// asymmetric algorithms and algorithm confusion
		for (String alg : List.of("RS256", "ES256", "PS256", "EdDSA")) {
			attacks.add(attack(alg + " header with a junk signature",
					b64("{\"alg\":\"" + alg + "\"}") + "." + b64(claims("")) + "." + b64("junk-signature-bytes"),
					Reason.UNSUPPORTED_ALGORITHM));
		}
		attacks.add(attack("RS256 header with an HMAC signature under the server secret",
				sign("{\"alg\":\"RS256\"}", claims(""), "HmacSHA256", SECRET), Reason.UNSUPPORTED_ALGORITHM));
		attacks.add(attack("HS256 signed with the server's public key as HMAC secret (algorithm confusion)",
				sign(HEADER, claims(""), "HmacSHA256", PUBLIC_KEY_PEM), Reason.BAD_SIGNATURE));
		// signatures
		attacks.add(attack("wrong secret", sign(HEADER, claims(""), "HmacSHA256", "another secret of thirty-two bytes"),
				Reason.BAD_SIGNATURE));
		String[] parts = valid.split("\\.");
		attacks.add(attack("tampered header (kid added)", b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"x\"}") + "."
				+ parts[1] + "." + parts[2], Reason.BAD_SIGNATURE));
		attacks.add(attack("tampered payload (scope escalated)", parts[0] + "."
				+ b64(claims("").replace("[\"profile\",\"read\"]", "[\"admin\"]")) + "." + parts[2], Reason.BAD_SIGNATURE));
		attacks.add(attack("tampered signature (one character)", parts[0] + "." + parts[1] + "."
				+ flip(parts[2], 5), Reason.BAD_SIGNATURE));
		attacks.add(attack("stripped signature", parts[0] + "." + parts[1] + ".", Reason.BAD_SIGNATURE));
		attacks.add(attack("stripped signature and its dot", parts[0] + "." + parts[1], Reason.MALFORMED));
		attacks.add(attack("truncated signature", parts[0] + "." + parts[1] + "." + parts[2].substring(0, 40),
				Reason.BAD_SIGNATURE));
		String other = sign(HEADER, claims("\"jti\":\"other\""));
		attacks.add(attack("signature moved from another token", parts[0] + "." + parts[1] + "." + other.split("\\.")[2],
				Reason.BAD_SIGNATURE));
		// non-canonical base64url
		attacks.add(attack("signature in standard base64 with '+'", standardBase64Twin('+'), Reason.MALFORMED));
		attacks.add(attack("signature in standard base64 with '/'", standardBase64Twin('/'), Reason.MALFORMED));
		attacks.add(attack("'=' padding on the signature", valid + "=", Reason.MALFORMED));
		attacks.add(attack("whitespace inside a segment", parts[0].substring(0, 8) + " " + parts[0].substring(8) + "."
				+ parts[1] + "." + parts[2], Reason.MALFORMED));
		attacks.add(attack("trailing newline", valid + "\n", Reason.MALFORMED));
		attacks.add(attack("non-zero trailing bits in the signature", parts[0] + "." + parts[1] + "."
				+ setUnusedBits(parts[2]), Reason.MALFORMED));
		// segment count
		attacks.add(attack("4 segments", valid + ".AAAA", Reason.MALFORMED));
		attacks.add(attack("5 segments (JWE shape)", b64("{\"alg\":\"dir\",\"enc\":\"A128GCM\"}") + ".." + b64("iv") + "."
				+ b64("ciphertext") + "." + b64("tag"), Reason.MALFORMED));
		attacks.add(attack("empty header segment", "." + parts[1] + "." + parts[2], Reason.MALFORMED));
		attacks.add(attack("empty payload segment", parts[0] + ".." + parts[2], Reason.MALFORMED));
		attacks.add(attack("only dots", "..", Reason.MALFORMED));
		// header and payload that are not JSON objects
		for (String notObject : List.of("not json", "[]", "\"a string\"", "42")) {
			attacks.add(attack("header " + notObject, sign(notObject, claims("")), Reason.MALFORMED));
			attacks.add(attack("payload " + notObject, sign(HEADER, notObject), Reason.MALFORMED));
		}
		attacks.add(attack("header not UTF-8", signRaw(new byte[] { '{', '"', (byte) 0xFF, '"', ':', '1', '}' },
				claims("").getBytes(StandardCharsets.UTF_8)), Reason.MALFORMED));
		attacks.add(attack("payload not UTF-8 (Latin-1)", signRaw(HEADER.getBytes(StandardCharsets.UTF_8),
				claims("\"n\":\"caf\u00e9\"").getBytes(StandardCharsets.ISO_8859_1)), Reason.MALFORMED));
		// Beyond Latin-1: a surrogate pair is two chars but one code point, so it must not shift
		// the segments; a char whose low byte is 'e' must not pass for an 'e'.
		attacks.add(attack("surrogate pair after the signature", sign(HEADER, claims("")) + "\ud83d\ude00",
				Reason.MALFORMED));
		attacks.add(attack("surrogate pair in the header", "\ud83d\ude00" + sign(HEADER, claims("")), Reason.MALFORMED));
		attacks.add(attack("U+0165 standing for the header's first e", "\u0165" + sign(HEADER, claims("")).substring(1),
				Reason.MALFORMED));
		attacks.add(attack("duplicate alg in header", sign("{\"alg\":\"none\",\"alg\":\"HS256\"}", claims("")), Reason.MALFORMED));
		attacks.add(attack("duplicate scp in payload", sign(HEADER, claims("\"scp\":[\"admin\"]")), Reason.MALFORMED));
		attacks.add(attack("duplicate exp in payload", sign(HEADER, claims("\"exp\":" + (this.now + 999999))), Reason.MALFORMED));
		String deep = "[".repeat(StrictJsonReader.MAX_NESTING_DEPTH) + "]".repeat(StrictJsonReader.MAX_NESTING_DEPTH);
		attacks.add(attack("payload nested deeper than the limit", sign(HEADER, claims("\"deep\":" + deep)), Reason.MALFORMED));
		attacks.add(attack("header nested deeper than the limit", sign("{\"alg\":\"HS256\",\"x\":" + deep + "}", claims("")),
				Reason.MALFORMED));
		// header parameters
		attacks.add(attack("crit present", sign("{\"alg\":\"HS256\",\"crit\":[\"exp\"],\"exp\":1}", claims("")),
				Reason.UNSUPPORTED_HEADER));
		attacks.add(keyed("kid path traversal", sign("{\"alg\":\"HS256\",\"kid\":\"../../../../etc/passwd\"}", claims("")),
				Reason.UNKNOWN_KEY));
		attacks.add(keyed("kid SQL injection", sign("{\"alg\":\"HS256\",\"kid\":\"k1' OR '1'='1\"}", claims("")),
				Reason.UNKNOWN_KEY));
		attacks.add(keyed("kid of the server signed with an attacker's secret",
				sign("{\"alg\":\"HS256\",\"kid\":\"" + KEY_ID + "\"}", claims(""), "HmacSHA256", "attacker secret, 32 bytes long!!"),
				Reason.BAD_SIGNATURE));
		String attackerKey = "attacker-chosen-secret-32-bytes!";
		String jwk = "{\"kty\":\"oct\",\"k\":\"" + b64(attackerKey) + "\"}";
		attacks.add(attack("jwk header embedding the attacker's key",
				sign("{\"alg\":\"HS256\",\"jwk\":" + jwk + "}", claims(""), "HmacSHA256", attackerKey), Reason.BAD_SIGNATURE));
		for (String parameter : List.of("jku", "x5u")) {
			attacks.add(attack(parameter + " header pointing at the attacker",
					sign("{\"alg\":\"HS256\",\"" + parameter + "\":\"http://127.0.0.1:1/keys\"}", claims(""), "HmacSHA256",
							attackerKey), Reason.BAD_SIGNATURE));
		}
		attacks.add(attack("x5c header with an attacker's certificate",
				sign("{\"alg\":\"HS256\",\"x5c\":[\"MIIBszCCAVmgAwIBAgIU\"]}", claims(""), "HmacSHA256", attackerKey),
				Reason.BAD_SIGNATURE));
		// time claims
		for (String claim : List.of("exp", "nbf", "iat")) {
			Map<String, String> values = new LinkedHashMap<>();
			values.put("a numeric string", "\"" + (this.now + 60) + "\"");
			values.put("true", "true");
			values.put("a fraction", (this.now + 60) + ".5");
			values.put("1.0e10", "1.0e10");
			values.put("-1", "-1");
			values.put("\"NaN\"", "\"NaN\"");
			values.put("2^63", "9223372036854775808");
			values.put("10^23", "99999999999999999999999");
			values.forEach((label, value) -> attacks.add(attack(claim + " = " + label, sign(HEADER, timeClaims(claim, value)),
					Reason.INVALID_CLAIM)));
			attacks.add(attack(claim + " = NaN literal", sign(HEADER, timeClaims(claim, "NaN")), Reason.MALFORMED));
		}
		attacks.add(attack("exp missing", sign(HEADER, "{\"aud\":\"abcd\",\"iss\":\"" + ISSUER + "\",\"scp\":[\"read\"]}"),
				Reason.MISSING_CLAIM));
		attacks.add(attack("expired", sign(HEADER, timeClaims("exp", String.valueOf(this.now - 3600))), Reason.EXPIRED));
		attacks.add(attack("exp in the distant future", sign(HEADER, timeClaims("exp", "253402300799")), null));
		// Signed, unexpired, yet exp is not after iat: Spring's Jwt cannot hold such a token.
		long iat = this.now + 30;
		attacks.add(attack("exp equal to iat", sign(HEADER, issuedAndExpiring(iat, iat)), Reason.INVALID_CLAIM));
		attacks.add(attack("exp before iat", sign(HEADER, issuedAndExpiring(iat, iat - 10)), Reason.INVALID_CLAIM));
		// scope claims
		attacks.add(attack("scp a string", sign(HEADER, scopeClaims("\"scp\":\"read admin\"")), Reason.INVALID_CLAIM));
		attacks.add(attack("scp with numbers", sign(HEADER, scopeClaims("\"scp\":[1,2]")), Reason.INVALID_CLAIM));
		attacks.add(attack("scp with nested arrays", sign(HEADER, scopeClaims("\"scp\":[[\"read\"]]")), Reason.INVALID_CLAIM));
		attacks.add(attack("scp null", sign(HEADER, scopeClaims("\"scp\":null")), Reason.INVALID_CLAIM));
		attacks.add(attack("scp with an object", sign(HEADER, scopeClaims("\"scp\":[{\"read\":true}]")), Reason.INVALID_CLAIM));
		attacks.add(attack("scp and scope both", sign(HEADER, scopeClaims("\"scp\":[\"read\"],\"scope\":\"admin\"")),
				Reason.INVALID_CLAIM));
		attacks.add(attack("aud an array without client_id", sign(HEADER, "{\"aud\":[\"abcd\",\"admin\"],\"iss\":\"" + ISSUER
				+ "\",\"exp\":" + (this.now + 600) + ",\"scp\":[\"read\"]}"), Reason.INVALID_CLAIM));
		attacks.add(attack("wrong issuer", sign(HEADER, claims("").replace(ISSUER, "Evil Provider")), Reason.WRONG_ISSUER));
		// size
		attacks.add(attack("one character under the maximum length", ofLength(MAX_TOKEN_LENGTH - 1), null));
		attacks.add(attack("exactly the maximum length", ofLength(MAX_TOKEN_LENGTH), null));
		attacks.add(attack("one character over the maximum length", ofLength(MAX_TOKEN_LENGTH + 1), Reason.TOO_LARGE));
		attacks.add(attack("a megabyte of garbage", "A".repeat(1 << 20), Reason.TOO_LARGE));
		return attacks;
	}

	private String claims(String extra) {
		return "{\"aud\":\"abcd\",\"iss\":\"" + ISSUER + "\",\"exp\":" + (this.now + 3600) + ",\"iat\":" + this.now
				+ ",\"scp\":[\"profile\",\"read\"],\"sub\":\"1234\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
	}

	private static String issuedAndExpiring(long iat, long exp) {
		return "{\"aud\":\"abcd\",\"iss\":\"" + ISSUER + "\",\"scp\":[\"read\"],\"iat\":" + iat + ",\"exp\":" + exp + "}";
	}

	private String timeClaims(String claim, String value) {
		StringBuilder json = new StringBuilder("{\"aud\":\"abcd\",\"iss\":\"" + ISSUER + "\",\"scp\":[\"read\"]");
		json.append(",\"exp\":").append(claim.equals("exp") ? value : String.valueOf(this.now + 600));
		if (!claim.equals("exp")) {
			json.append(",\"").append(claim).append("\":").append(value);
		}
		return json.append('}').toString();
	}

	private String scopeClaims(String scope) {
		return "{\"aud\":\"abcd\",\"iss\":\"" + ISSUER + "\",\"exp\":" + (this.now + 600) + "," + scope + "}";
	}

	/** A valid token of exactly {@code length} characters, padded with a claim and a header member. */
	private String ofLength(int length) {
		for (int headerPad = 0; headerPad < 4; headerPad++) {
			String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"" + (headerPad == 0 ? "" : ",\"p\":\"" + "x".repeat(headerPad) + "\"")
					+ "}";
			for (int pad = Math.max(0, (length * 3 / 4) - 400); pad < length; pad++) {
				String token = sign(header, claims("\"pad\":\"" + "x".repeat(pad) + "\""));
				if (token.length() == length) {
					return token;
				}
				if (token.length() > length) {
					break;
				}
			}
		}
		throw new IllegalStateException("no token of length " + length);
	}

	private static Attack attack(String name, String token, Reason expected) {
		return new Attack(name, token, expected, false);
	}

	private static Attack keyed(String name, String token, Reason expected) {
		return new Attack(name, token, expected, true);
	}

	private static String flip(String segment, int index) {
		char c = segment.charAt(index);
		return segment.substring(0, index) + (c == 'A' ? 'B' : 'A') + segment.substring(index + 1);
	}

	/** Sets the unused low bits of the last character: same bytes, a second spelling. */
	private static String setUnusedBits(String signature) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		char last = signature.charAt(signature.length() - 1);
		return signature.substring(0, signature.length() - 1) + alphabet.charAt(alphabet.indexOf(last) | 1);
	}

	/**
	 * A valid token whose signature is re-spelled in standard base64, which then contains
	 * {@code symbol}: the same bytes, a second spelling.
	 */
	private String standardBase64Twin(char symbol) {
		for (int i = 0;; i++) {
			String token = sign(HEADER, claims("\"jti\":\"" + i + "\""));
			int dot = token.lastIndexOf('.');
			byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
			String standard = Base64.getEncoder().withoutPadding().encodeToString(signature);
			if (standard.indexOf(symbol) >= 0) {
				return token.substring(0, dot + 1) + standard;
			}
		}
	}

	static String b64(String text) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String sign(String header, String payload) {
		return sign(header, payload, "HmacSHA256", SECRET);
	}

	private static String sign(String header, String payload, String jcaAlgorithm, String secret) {
		return signRaw(header.getBytes(StandardCharsets.UTF_8), payload.getBytes(StandardCharsets.UTF_8), jcaAlgorithm,
				secret);
	}

	private static String signRaw(byte[] header, byte[] payload) {
		return signRaw(header, payload, "HmacSHA256", SECRET);
	}

	private static String signRaw(byte[] header, byte[] payload, String jcaAlgorithm, String secret) {
		Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
		String signingInput = encoder.encodeToString(header) + "." + encoder.encodeToString(payload);
		try {
			Mac mac = Mac.getInstance(jcaAlgorithm);
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaAlgorithm));
			return signingInput + "." + encoder.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
