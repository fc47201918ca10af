package dev.joat.sample;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tokens signed under the tests' secret ({@link SampleApplicationTests#SECRET}) with exactly the
 * given claims, as any issuer sharing the secret could mint them: for the claims joat-test does not
 * write (a past {@code nbf}, an empty {@code jti}).
 */
final class SignedTokens {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private SignedTokens() {
	}

	/** A compact HS256 JWS of {@code claims}, header {@code {"alg":"HS256","typ":"JWT"}}. */
	static String hs256(Map<String, Object> claims) {
		String signingInput = BASE64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(SampleApplicationTests.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
