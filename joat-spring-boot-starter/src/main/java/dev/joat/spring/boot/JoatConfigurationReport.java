package dev.joat.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.SecretResolver;
import dev.joat.SecretRing;
import dev.joat.SignatureAlgorithm;
import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.RevocationList;
import org.jspecify.annotations.Nullable;

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
 * {@code joat.secrets} or {@code application} (a {@code SecretResolver} bean of the application); or,
 * verifying with an issuer's public keys, the Spring Boot property they come from
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}), or {@code application-key-source} for the application's
 * {@code KeySource} bean
 * @param keys the key ring: each key id, its algorithm and whether it signs; the public keys of a
 * fixed key set ({@code public-key-location}, an application's {@code KeySet} bean); empty for an
 * application's resolver, for another application {@code KeySource} and for a JWK Set (whose keys
 * change; see the endpoint's JWK Set status)
 * @param revocation the revocation list the parser consults
 */
public record JoatConfigurationReport(@Nullable String issuer, List<String> algorithms, String profile, String tokenLifetime,
		String clockSkew, List<String> audiences, int maxTokenLength, boolean requireAtJwt, String keySource,
		List<Key> keys, RevocationStatus revocation) {

	/**
	 * The revocation list the parser consults: its kind and size, never an entry.
	 *
	 * @param store {@code none}, {@code in-memory}, {@code redis} ({@code joat.revocation.store}), or
	 * {@code application} for a {@code RevocationList} bean of the application's
	 * @param entries the entries it holds now, or {@code null} when there is no list or it cannot count
	 * @param maxEntries the bound of the in-memory store, or {@code null} for other stores
	 * @param maxStaleness {@code joat.revocation.max-staleness} (ISO-8601) for the redis store, else
	 * {@code null}
	 * @param failOpen {@code joat.revocation.fail-open} for the redis store, else {@code null}
	 */
	public record RevocationStatus(String store, @Nullable Integer entries, @Nullable Integer maxEntries, @Nullable String maxStaleness,
			@Nullable Boolean failOpen) {

		/** The same status with the list's current entry count. */
		RevocationStatus withEntries(int count) {
			return new RevocationStatus(this.store, (count >= 0) ? count : null, this.maxEntries, this.maxStaleness,
					this.failOpen);
		}

	}

	/**
	 * One key of the ring.
	 *
	 * @param kid the key id, or {@code null} for the one secret of {@code joat.secret}
	 * @param algorithm the JWS algorithm the key is bound to
	 * @param signing whether issued tokens are signed with it
	 */
	public record Key(@Nullable String kid, String algorithm, boolean signing) {
	}

	/**
	 * The report of {@code settings}.
	 * @param applicationKeySource the application's {@code KeySource} bean when it selects keys mode,
	 * else {@code null}
	 */
	static JoatConfigurationReport of(JoatSettings settings, @Nullable SecretResolver secretResolver,
			boolean applicationResolver, @Nullable KeySource applicationKeySource, RevocationStatus revocation) {
		KeySettings keySettings = settings.keys();
		if (keySettings != null) {
			List<SignatureAlgorithm> accepted = (applicationKeySource != null)
					? keySettings.algorithms(applicationKeySource) : keySettings.algorithms();
			List<String> algorithms = accepted.stream().map((algorithm) -> algorithm.jwsName()).toList();
			List<Key> keys = new ArrayList<>();
			KeySet publicKeys = (applicationKeySource instanceof KeySet keySet) ? keySet : keySettings.publicKeys();
			if (publicKeys != null) {
				publicKeys.keys().forEach((key) -> keys.add(new Key(key.keyId(), key.algorithm().jwsName(), false)));
			}
			String issuer = (keySettings.issuerUri() != null) ? keySettings.issuerUri()
					: settings.acceptAnyIssuer() ? null : settings.issuer();
			return new JoatConfigurationReport(issuer, algorithms, settings.profile().name().toLowerCase(Locale.ROOT),
					String.valueOf(settings.tokenLifetime()), String.valueOf(settings.clockSkew()), settings.audiences(),
					settings.maxTokenLength(), settings.requireAtJwt(), keySettings.trigger(), List.copyOf(keys),
					revocation);
		}
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
			keySource = "joat.secret".equals(settings.secretSource()) ? "joat.secret" : "joat.secret-base64";
			keys.add(new Key(null, algorithms.get(0), true));
		}
		return new JoatConfigurationReport(settings.acceptAnyIssuer() ? null : settings.issuer(), algorithms,
				settings.profile().name().toLowerCase(Locale.ROOT), String.valueOf(settings.tokenLifetime()),
				String.valueOf(settings.clockSkew()), settings.audiences(), settings.maxTokenLength(),
				settings.requireAtJwt(), keySource, List.copyOf(keys), revocation);
	}

	/**
	 * The revocation status for {@code list}, the list the parser consults ({@code null} for none).
	 * @param starterStore whether {@code list} is the starter's own in-memory store
	 */
	static RevocationStatus revocationStatus(JoatSettings.Revocation revocation, @Nullable RevocationList list,
			boolean starterStore) {
		if (list == null) {
			return new RevocationStatus("none", null, null, null, null);
		}
		if (starterStore && list instanceof InMemoryRevocationStore store) {
			return new RevocationStatus("in-memory", null, store.maxEntries(), null, null).withEntries(list.entryCount());
		}
		if (revocation.store() == JoatProperties.Revocation.Store.REDIS) {
			return new RevocationStatus("redis", null, null, String.valueOf(revocation.maxStaleness()),
					revocation.failOpen()).withEntries(list.entryCount());
		}
		return new RevocationStatus("application", null, null, null, null).withEntries(list.entryCount());
	}

	/**
	 * This report with the revocation list's current entry count.
	 * @param list the list the parser consults, or {@code null}
	 * @return the report, up to date
	 */
	public JoatConfigurationReport withRevocationEntries(@Nullable RevocationList list) {
		if (list == null || this.revocation == null) {
			return this;
		}
		return new JoatConfigurationReport(this.issuer, this.algorithms, this.profile, this.tokenLifetime, this.clockSkew,
				this.audiences, this.maxTokenLength, this.requireAtJwt, this.keySource, this.keys,
				this.revocation.withEntries(list.entryCount()));
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
				+ this.keySource + ": [" + ring + "]"
				+ ((this.revocation != null) ? ", revocation=" + this.revocation.store() : "");
	}

}
