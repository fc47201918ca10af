import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.joat.KeySet;
import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import dev.joat.TokenGenerator;
import dev.joat.TokenProfile;
import dev.joat.TokenRequest;

/**
 * Mints one access token per asymmetric algorithm with joat, each with a fresh key, and prints them
 * with the JWK Set joat publishes for the key ({@code KeySet#toJwkSetJson}), as JSON, for
 * {@code verify-joat-tokens.mjs} (node {@code jose}) to verify. Run with the JDK's source launcher:
 * {@code java -cp joat-core/target/joat-core-VERSION.jar MintJoatTokens.java ISSUER}.
 */
public class MintJoatTokens {

	public static void main(String[] args) {
		String issuer = args[0];
		List<String> entries = new ArrayList<>();
		for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
			for (TokenProfile profile : List.of(TokenProfile.PYJOAT, TokenProfile.RFC_9068)) {
				SigningKey key = SigningKey.generate(algorithm).withKeyId("joat-" + algorithm.jwsName().toLowerCase());
				TokenGenerator.Builder generator = TokenGenerator.builder(issuer, key).lifetime(Duration.ofMinutes(5));
				if (profile == TokenProfile.RFC_9068) {
					generator.profile(profile).audience("https://api.example");
				}
				String token = generator.build()
					.issueToken(TokenRequest.builder("abcd", List.of("profile", "read")).userId("1234").build());
				entries.add("{\"alg\":\"" + algorithm.jwsName() + "\",\"profile\":\"" + profile + "\",\"token\":\"" + token
						+ "\",\"jwks\":" + KeySet.of(key.verificationKey()).toJwkSetJson() + "}");
			}
		}
		System.out.println("{\"issuer\":\"" + issuer + "\",\"tokens\":[" + String.join(",", entries) + "]}");
	}

}
