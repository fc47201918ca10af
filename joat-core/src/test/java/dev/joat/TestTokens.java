package dev.joat;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Shared fixtures: secrets, a fixed clock, and a signer for arbitrary (also hostile) header and
 * payload text, independent of joat's own generator.
 */
final class TestTokens {

	/** A 32-byte secret for HS256 tests. */
	static final String SECRET = "0123456789abcdef0123456789abcdef";

	/** A 64-byte secret, long enough for every algorithm. */
	static final String LONG_SECRET = SECRET + SECRET;

	static final String PROVIDER = "My OAuth2 Provider";

	/** 2026-01-01T00:00:00Z. */
	static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	static final String HS256_HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

	/** The seed token of the PyJOAT README, valid 2014-08-06T02:09:32Z to 03:09:32Z. */
	static final String SEED_TOKEN = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiJhYmNkIiwiaXNzIjoiTXkgT0F1dGgyIFByb3ZpZGVyIiwiZXhwIjoxNDA3Mjk0NTcyLCJpYXQiOjE0MDcyOTA5NzIsInNjcCI6WyJwcm9maWxlIiwicmVhZCJdLCJzdWIiOiIxMjM0In0.wgNhGiKQ0ppO0XuQhalGZmSommQROjBusCanRa_6Ydc";

	static final String SEED_SECRET = "the most secret hmac salt ever";

	private TestTokens() {
	}

	/** A PyJOAT-layout claims set valid at {@link #NOW}, with {@code extra} JSON members appended. */
	static String claims(String extra) {
		long now = NOW.getEpochSecond();
		return "{\"aud\":\"abcd\",\"iss\":\"" + PROVIDER + "\",\"exp\":" + (now + 3600) + ",\"iat\":" + now
				+ ",\"scp\":[\"profile\",\"read\"],\"sub\":\"1234\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
	}

	static String claims() {
		return claims("");
	}

	static String b64(String text) {
		return b64(text.getBytes(StandardCharsets.UTF_8));
	}

	static String b64(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Signs {@code header} and {@code payload} JSON text with HS256 and {@link #SECRET}. */
	static String sign(String header, String payload) {
		return sign(header, payload, "HmacSHA256", SECRET);
	}

	static String sign(String header, String payload, String jcaAlgorithm, String secret) {
		String signingInput = b64(header) + "." + b64(payload);
		return signingInput + "." + b64(hmac(jcaAlgorithm, secret.getBytes(StandardCharsets.UTF_8), signingInput));
	}

	static byte[] hmac(String jcaAlgorithm, byte[] secret, String signingInput) {
		try {
			Mac mac = Mac.getInstance(jcaAlgorithm);
			mac.init(new SecretKeySpec(secret, jcaAlgorithm));
			return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static TokenParser.Builder parser() {
		return TokenParser.builder(SecretResolver.of(SECRET)).clock(CLOCK);
	}

	static TokenGenerator.Builder generator() {
		return TokenGenerator.builder(PROVIDER, SecretResolver.of(SECRET)).clock(CLOCK);
	}

}
