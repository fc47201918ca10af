package dev.joat.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.joat.SecretResolver;
import dev.joat.SecretRing;

/**
 * The effective joat configuration as an operator may see it — what the {@code /actuator/joat}
 * endpoint shows and the start-up line logs. Never secret material: not a secret, not its length,
 * not a hash of it; of the key ring only each key id, its algorithm and which one signs.
 *
 * @param issuer the accepted issuer and the {@code iss} of issued tokens, or {@code null} when any
 * issuer is accepted
 * @param algorithms the accepted algorithms; the first signs
 * @param profile the claim layout of issued tokens ({@code pyjoat} or {@code rfc9068})
 * @param tokenLifetime the default lifetime of issued tokens, ISO-8601
 * @param clockSkew the clock skew tolerated on the time claims, ISO-8601
 * @param audiences the accepted audiences; empty when {@code aud} is not checked
 * @param maxTokenLength the longest token accepted, in characters
 * @param requireAtJwt whether only {@code typ: at+jwt} tokens are accepted
 * @param keySource where the secrets come from: {@code joat.secret}, {@code joat.secret-base64},
 * {@code joat.secrets} or {@code application} (a {@code SecretResolver} bean of the application)
 * @param keys the key ring: each key id, its algorithm and whether it signs; empty for an
 * application's resolver
 */
public record JoatConfigurationReport(String issuer, List<String> algorithms, String profile, String tokenLifetime,
		String clockSkew, List<String> audiences, int maxTokenLength, boolean requireAtJwt, String keySource,
		List<Key> keys) {

	/**
	 * One key of the ring.
	 *
	 * @param kid the key id, or {@code null} for the one secret of {@code joat.secret}
	 * @param algorithm the JWS algorithm the key is bound to
	 * @param signing whether issued tokens are signed with it
	 */
	public record Key(String kid, String algorithm, boolean signing) {
	}

	static JoatConfigurationReport of(JoatProperties properties, ResourceServerSettings settings,
			SecretResolver secretResolver, boolean applicationResolver) {
		List<String> algorithms = settings.algorithms().stream().map((algorithm) -> algorithm.jwsName()).toList();
		List<Key> keys = new ArrayList<>();
		String keySource;
		if (secretResolver instanceof SecretRing ring) {
			keySource = applicationResolver ? "application" : "joat.secrets";
			for (String kid : ring.keyIds()) {
				keys.add(new Key(kid, ring.algorithm(kid).jwsName(), kid.equals(ring.signingKeyId())));
			}
		}
		else if (applicationResolver) {
			keySource = "application";
		}
		else {
			keySource = (properties.getSecret() != null) ? "joat.secret" : "joat.secret-base64";
			keys.add(new Key(null, algorithms.get(0), true));
		}
		return new JoatConfigurationReport(properties.isAcceptAnyIssuer() ? null : properties.getIssuer(), algorithms,
				properties.getProfile().name().toLowerCase(Locale.ROOT), String.valueOf(properties.getTokenLifetime()),
				String.valueOf(properties.getClockSkew()), settings.audiences(), properties.getMaxTokenLength(),
				properties.isRequireAtJwt(), keySource, List.copyOf(keys));
	}

	/**
	 * The one-line summary logged at start-up.
	 * @return the summary, without secrets
	 */
	String summary() {
		StringBuilder ring = new StringBuilder();
		for (Key key : this.keys) {
			ring.append((ring.length() == 0) ? "" : ", ")
				.append((key.kid() != null) ? key.kid() : "(no kid)")
				.append(' ')
				.append(key.algorithm())
				.append(key.signing() ? " signing" : "");
		}
		return "joat: issuer=" + ((this.issuer != null) ? this.issuer : "(any: not checked)")
				+ ", algorithms=" + this.algorithms + ", profile=" + this.profile + ", token-lifetime="
				+ this.tokenLifetime + ", clock-skew=" + this.clockSkew + ", audiences=" + this.audiences
				+ ", max-token-length=" + this.maxTokenLength + ", require-at-jwt=" + this.requireAtJwt + ", keys from "
				+ this.keySource + ": [" + ring + "]";
	}

}
