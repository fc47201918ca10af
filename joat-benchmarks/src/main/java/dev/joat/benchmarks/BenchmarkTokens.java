package dev.joat.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secrets and tokens every benchmark uses, made here with the JDK alone so that no library
 * under test shapes them, and fixed so that every library in a run, and every run, sees the same
 * bytes.
 *
 * <p>The token is PyJOAT-shaped: header {@code {"alg":"HS256","typ":"JWT"}} and the claims
 * {@code aud}, {@code iss}, {@code exp} (in 2100), {@code iat}, {@code scp} and {@code sub}, in
 * the order PyJOAT and joat write them.
 */
final class BenchmarkTokens {

	static final String ISSUER = "My OAuth2 Provider";

	static final String CLIENT_ID = "abcd";

	static final String USER_ID = "1234";

	static final List<String> SCOPE = List.of("profile", "read");

	/** 2026-01-01T00:00:00Z. */
	static final long ISSUED_AT = 1_767_225_600L;

	/** 2100-01-01T00:00:00Z: far enough that no run sees the token expire. */
	static final long EXPIRES_AT = 4_102_444_800L;

	static final String HEADER_JSON = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

	/** The one 32-byte HS256 secret of the fixed-secret benchmarks (RFC 7518 §3.2's minimum). */
	static final byte[] SECRET = sha256("joat-benchmarks: the fixed HS256 secret");

	/** The server-side master secret that per-client secrets are derived from. */
	static final byte[] MASTER_SECRET = sha256("joat-benchmarks: the master secret");

	/** Tokens for {@link #CLIENT_ID} signed with {@link #SECRET}. */
	static final TokenSet FIXED = TokenSet.of(CLIENT_ID, SECRET);

	private BenchmarkTokens() {
	}

	/**
	 * The secret of {@code clientId} under {@code masterSecret}: HMAC-SHA256(masterSecret,
	 * "client:" + clientId), as {@link dev.joat.SecretResolver} recommends for per-client secrets.
	 */
	static byte[] clientSecret(byte[] masterSecret, String clientId) {
		return hmacSha256(masterSecret, ("client:" + clientId).getBytes(StandardCharsets.UTF_8));
	}

	static String payloadJson(String clientId, long expiresAt, List<String> scope) {
		StringBuilder json = new StringBuilder("{\"aud\":\"").append(clientId)
			.append("\",\"iss\":\"").append(ISSUER)
			.append("\",\"exp\":").append(expiresAt)
			.append(",\"iat\":").append(ISSUED_AT)
			.append(",\"scp\":[");
		for (int i = 0; i < scope.size(); i++) {
			json.append((i == 0) ? "\"" : ",\"").append(scope.get(i)).append('"');
		}
		return json.append("],\"sub\":\"").append(USER_ID).append("\"}").toString();
	}

	static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String signingInput(String payloadJson) {
		return base64Url(HEADER_JSON.getBytes(StandardCharsets.UTF_8)) + '.'
				+ base64Url(payloadJson.getBytes(StandardCharsets.UTF_8));
	}

	static String sign(byte[] secret, String payloadJson) {
		String signingInput = signingInput(payloadJson);
		return signingInput + '.' + base64Url(hmacSha256(secret, signingInput.getBytes(StandardCharsets.US_ASCII)));
	}

	static byte[] hmacSha256(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A valid token for one client and the near misses every verifier must refuse.
	 *
	 * @param clientId the {@code aud} of every token in the set
	 * @param valid the token to measure
	 * @param tamperedPayload {@code valid} with {@code "admin"} added to {@code scp}, and the original signature
	 * @param wrongSecret {@code valid}'s header and payload signed with another secret (another key pair of the
	 * same algorithm, under the same {@code kid}, in {@link PublicKeyTokens})
	 * @param expired signed like {@code valid}, but with an {@code exp} in 2026
	 * @param wrongAudience signed like {@code valid}, but for another client ({@code aud} {@code "other-" + clientId})
	 */
	record TokenSet(String clientId, String valid, String tamperedPayload, String wrongSecret, String expired,
			String wrongAudience) {

		static TokenSet of(String clientId, byte[] secret) {
			String payload = payloadJson(clientId, EXPIRES_AT, SCOPE);
			String valid = sign(secret, payload);
			String signature = valid.substring(valid.lastIndexOf('.') + 1);
			String tampered = signingInput(payloadJson(clientId, EXPIRES_AT, List.of("profile", "read", "admin")))
					+ '.' + signature;
			String wrongSecret = sign(sha256("joat-benchmarks: not the secret"), payload);
			String expired = sign(secret, payloadJson(clientId, ISSUED_AT + 3600, SCOPE));
			String wrongAudience = sign(secret, payloadJson("other-" + clientId, EXPIRES_AT, SCOPE));
			return new TokenSet(clientId, valid, tampered, wrongSecret, expired, wrongAudience);
		}

	}

	/** The ASCII bytes of {@code header.payload} of {@code token}: what its HMAC covers. */
	static byte[] signingInputBytes(String token) {
		return token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
	}

	/** The decoded signature of {@code token}. */
	static byte[] signatureBytes(String token) {
		return Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));

	}

}
