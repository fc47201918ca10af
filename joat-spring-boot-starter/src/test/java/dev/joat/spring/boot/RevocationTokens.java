package dev.joat.spring.boot;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Tokens joat's generator never issues, signed with the JDK alone: here, one without {@code jti}. */
final class RevocationTokens {

	private RevocationTokens() {
	}

	/** A valid HS256 token for client {@code abcd}, issuer {@code joat}, scope {@code read}, with no {@code jti}. */
	static String withoutJti(Instant now) {
		return withoutJti(now, "abcd");
	}

	/** As {@link #withoutJti(Instant)}, with {@code sub} set to {@code subject}. */
	static String withoutJti(Instant now, String subject) {
		long seconds = now.getEpochSecond();
		String payload = "{\"aud\":\"abcd\",\"iss\":\"joat\",\"exp\":" + (seconds + 600) + ",\"iat\":" + seconds
				+ ",\"scp\":[\"read\"],\"sub\":\"" + subject + "\"}";
		Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
		String signingInput = base64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
				+ "." + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(JoatAutoConfigurationTests.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return signingInput + "." + base64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
