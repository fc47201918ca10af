package dev.joat.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of joat's token parser, generator and resource-server integration
 * ({@code joat.*}). A secret comes from exactly one of {@code joat.secret},
 * {@code joat.secret-base64} or {@code joat.secrets}, unless the application defines its own
 * {@code SecretResolver} bean; {@code joat.issuer} is required unless
 * {@code joat.accept-any-issuer=true}. Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties apply too, as the README
 * describes; with its {@code issuer-uri}, {@code jwk-set-uri} or {@code public-key-location}, joat
 * verifies the issuer's asymmetric tokens instead ({@code joat.jwks.*}), and no secret may be set. Everything is checked once, at startup; secrets are never
 * logged. A mutable binding target, not thread-safe; read it only while the context starts.
 */
@ConfigurationProperties("joat")
public class JoatProperties {

	/**
	 * Issuer ("iss") written into issued tokens and required in every parsed token. Unset: startup
	 * fails unless joat.accept-any-issuer=true, and no TokenGenerator bean is created.
	 */
	private @Nullable String issuer;

	/**
	 * Whether tokens of any issuer are accepted, their "iss" unchecked (logged as a warning at
	 * startup); only without joat.issuer.
	 */
	private boolean acceptAnyIssuer;

	/**
	 * HMAC secret as UTF-8 text, at least 32 bytes for HS256, 48 for HS384 and 64 for HS512. Unset:
	 * joat.secret-base64, joat.secrets or a SecretResolver bean provides the secret.
	 */
	private @Nullable String secret;

	/**
	 * HMAC secret in standard base64, for a secret of random bytes. Unset: joat.secret,
	 * joat.secrets or a SecretResolver bean provides the secret.
	 */
	private @Nullable String secretBase64;

	/**
	 * Secrets by key id, to rotate the signing secret, instead of joat.secret. Each entry has a kid
	 * (required), a secret or a secret-base64 (exactly one), and an algorithm (the first of
	 * joat.algorithms when unset).
	 */
	private List<KeyedSecret> secrets = new ArrayList<>();

	/** Key id of the joat.secrets entry that signs new tokens. Unset: the first entry signs. */
	private @Nullable String signingKid;

	/**
	 * Key id of the joat.secrets entry that verifies tokens without a kid, such as PyJOAT's. Unset:
	 * with joat.secrets, tokens without a kid are refused.
	 */
	private @Nullable String defaultKid;

	/**
	 * Comma-separated list of accepted JWS algorithms (HS256, HS384, HS512), the first of which
	 * signs. spring.security.oauth2.resourceserver.jwt.jws-algorithms, when set, narrows it.
	 */
	private List<String> algorithms = new ArrayList<>(List.of("HS256"));

	/**
	 * Lifetime of issued tokens ("exp" minus "iat"). Set beside
	 * spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or public-key-location, where
	 * joat issues no tokens, startup fails.
	 */
	private Duration tokenLifetime = Duration.ofHours(1);

	/** Clock skew tolerated on "exp", "nbf" and "iat", at most 1d. */
	private Duration clockSkew = Duration.ofSeconds(60);

	/** Maximum length of an accepted token, in characters; longer ones are refused before any decoding. */
	private int maxTokenLength = 8192;

	/**
	 * Comma-separated list of accepted audiences, one of which a parsed token's "aud" must name,
	 * and the "aud" of tokens issued in the rfc9068 profile. Empty, "aud" is not checked unless
	 * spring.security.oauth2.resourceserver.jwt.audiences is set.
	 */
	private List<String> audiences = new ArrayList<>();

	/**
	 * Prefix of the authorities made from a token's scope.
	 * spring.security.oauth2.resourceserver.jwt.authority-prefix, when set, replaces it.
	 */
	private String authorityPrefix = "SCOPE_";

	/**
	 * Claim naming the authenticated principal; a token without "sub" gets its client id as "sub".
	 * spring.security.oauth2.resourceserver.jwt.principal-claim-name, when set, replaces it.
	 */
	private String principalClaim = "sub";

	/** Whether secrets shorter than RFC 7518 requires are accepted, only to migrate a legacy PyJOAT deployment. */
	private boolean allowShortSecrets;

	/**
	 * Claim layout of issued tokens: pyjoat, or rfc9068 (typ at+jwt, client_id, scope string, jti,
	 * aud). Set beside spring.security.oauth2.resourceserver.jwt.issuer-uri, jwk-set-uri or
	 * public-key-location, where joat issues no tokens, startup fails: joat.require-at-jwt is what
	 * verification reads.
	 */
	private Profile profile = Profile.PYJOAT;

	/** Whether only RFC 9068 access tokens (typ at+jwt) are accepted, rather than typ JWT or none too. */
	private boolean requireAtJwt;

	/**
	 * Whether tokens bound to a client certificate (RFC 8705 cnf with x5t#S256) are accepted, each
	 * checked against the request's client certificate (mutual TLS). Otherwise every token carrying
	 * cnf is refused.
	 */
	private boolean allowCertificateBoundTokens;

	/**
	 * Identifier of this resource server (RFC 9728 "resource"), an absolute http(s) URL without
	 * user info, query or fragment, such as https://api.example.com. Unset: Spring Security builds
	 * it from each request's URL and Host header, so set it in production.
	 */
	private @Nullable String resource;

	/** Token revocation: which store the parser consults, and how a replicated one behaves. */
	private final Revocation revocation = new Revocation();

	/**
	 * The JWK Set client, used when spring.security.oauth2.resourceserver.jwt.issuer-uri or
	 * jwk-set-uri is set.
	 */
	private final Jwks jwks = new Jwks();

	public @Nullable String getIssuer() {
		return this.issuer;
	}

	public void setIssuer(@Nullable String issuer) {
		this.issuer = issuer;
	}

	public boolean isAcceptAnyIssuer() {
		return this.acceptAnyIssuer;
	}

	public void setAcceptAnyIssuer(boolean acceptAnyIssuer) {
		this.acceptAnyIssuer = acceptAnyIssuer;
	}

	public @Nullable String getSecret() {
		return this.secret;
	}

	public void setSecret(@Nullable String secret) {
		this.secret = secret;
	}

	public @Nullable String getSecretBase64() {
		return this.secretBase64;
	}

	public void setSecretBase64(@Nullable String secretBase64) {
		this.secretBase64 = secretBase64;
	}

	public List<KeyedSecret> getSecrets() {
		return this.secrets;
	}

	public void setSecrets(List<KeyedSecret> secrets) {
		this.secrets = secrets;
	}

	public @Nullable String getSigningKid() {
		return this.signingKid;
	}

	public void setSigningKid(@Nullable String signingKid) {
		this.signingKid = signingKid;
	}

	public @Nullable String getDefaultKid() {
		return this.defaultKid;
	}

	public void setDefaultKid(@Nullable String defaultKid) {
		this.defaultKid = defaultKid;
	}

	public List<String> getAlgorithms() {
		return this.algorithms;
	}

	public void setAlgorithms(List<String> algorithms) {
		this.algorithms = algorithms;
	}

	public Duration getTokenLifetime() {
		return this.tokenLifetime;
	}

	public void setTokenLifetime(Duration tokenLifetime) {
		this.tokenLifetime = tokenLifetime;
	}

	public Duration getClockSkew() {
		return this.clockSkew;
	}

	public void setClockSkew(Duration clockSkew) {
		this.clockSkew = clockSkew;
	}

	public int getMaxTokenLength() {
		return this.maxTokenLength;
	}

	public void setMaxTokenLength(int maxTokenLength) {
		this.maxTokenLength = maxTokenLength;
	}

	public List<String> getAudiences() {
		return this.audiences;
	}

	public void setAudiences(List<String> audiences) {
		this.audiences = audiences;
	}

	public String getAuthorityPrefix() {
		return this.authorityPrefix;
	}

	public void setAuthorityPrefix(String authorityPrefix) {
		this.authorityPrefix = authorityPrefix;
	}

	public String getPrincipalClaim() {
		return this.principalClaim;
	}

	public void setPrincipalClaim(String principalClaim) {
		this.principalClaim = principalClaim;
	}

	public boolean isAllowShortSecrets() {
		return this.allowShortSecrets;
	}

	public void setAllowShortSecrets(boolean allowShortSecrets) {
		this.allowShortSecrets = allowShortSecrets;
	}

	public Profile getProfile() {
		return this.profile;
	}

	public void setProfile(Profile profile) {
		this.profile = profile;
	}

	public boolean isRequireAtJwt() {
		return this.requireAtJwt;
	}

	public void setRequireAtJwt(boolean requireAtJwt) {
		this.requireAtJwt = requireAtJwt;
	}

	public boolean isAllowCertificateBoundTokens() {
		return this.allowCertificateBoundTokens;
	}

	public void setAllowCertificateBoundTokens(boolean allowCertificateBoundTokens) {
		this.allowCertificateBoundTokens = allowCertificateBoundTokens;
	}

	public @Nullable String getResource() {
		return this.resource;
	}

	public void setResource(@Nullable String resource) {
		this.resource = resource;
	}

	public Revocation getRevocation() {
		return this.revocation;
	}

	public Jwks getJwks() {
		return this.jwks;
	}

	/** The claim layout of issued tokens. */
	public enum Profile {

		/** PyJOAT's layout: aud is the client id, scp an array. */
		PYJOAT,

		/** RFC 9068: typ at+jwt, client_id, scope string, jti, aud = joat.audiences. */
		RFC9068

	}

	/** One secret of {@code joat.secrets}. */
	public static class KeyedSecret {

		/** Key id, written as the "kid" of tokens this key signs; required and unique. */
		private @Nullable String kid;

		/** Secret as UTF-8 text; exactly one of secret and secret-base64. */
		private @Nullable String secret;

		/** Secret in standard base64, for random bytes; exactly one of secret and secret-base64. */
		private @Nullable String secretBase64;

		/**
		 * Algorithm this key signs and verifies with, one of joat.algorithms. Unset: the first of
		 * joat.algorithms.
		 */
		private @Nullable String algorithm;

		public @Nullable String getKid() {
			return this.kid;
		}

		public void setKid(@Nullable String kid) {
			this.kid = kid;
		}

		public @Nullable String getSecret() {
			return this.secret;
		}

		public void setSecret(@Nullable String secret) {
			this.secret = secret;
		}

		public @Nullable String getSecretBase64() {
			return this.secretBase64;
		}

		public void setSecretBase64(@Nullable String secretBase64) {
			this.secretBase64 = secretBase64;
		}

		public @Nullable String getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(@Nullable String algorithm) {
			this.algorithm = algorithm;
		}

		@Override
		public String toString() {
			return "KeyedSecret[kid=" + this.kid + "]";
		}

	}

	/** {@code joat.revocation.*}: token revocation. */
	public static class Revocation {

		/**
		 * Store of revoked tokens: none (the starter creates none; a RevocationList bean of the
		 * application is still consulted), in-memory (this node only) or redis (shared by every node,
		 * through the joat-revocation-redis module).
		 */
		private Store store = Store.NONE;

		/**
		 * Whether tokens without a "jti" claim are refused (missing_claim) when revocation is checked,
		 * rather than checked against their client and subject cut-offs only.
		 */
		private boolean requireJti;

		/**
		 * Maximum time a replicated store's local replica may go unconfirmed before requests are
		 * refused with 503 and Retry-After, or accepted with joat.revocation.fail-open=true.
		 */
		private Duration maxStaleness = Duration.ofSeconds(30);

		/**
		 * Whether tokens are still accepted, checked against a replica older than
		 * joat.revocation.max-staleness (logged and counted), instead of refused with 503.
		 */
		private boolean failOpen;

		/**
		 * Maximum number of live entries (revoked token ids, client and subject cut-offs) the store
		 * holds; a revocation beyond it is refused until entries expire.
		 */
		private int maxEntries = 100_000;

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public boolean isRequireJti() {
			return this.requireJti;
		}

		public void setRequireJti(boolean requireJti) {
			this.requireJti = requireJti;
		}

		public Duration getMaxStaleness() {
			return this.maxStaleness;
		}

		public void setMaxStaleness(Duration maxStaleness) {
			this.maxStaleness = maxStaleness;
		}

		public boolean isFailOpen() {
			return this.failOpen;
		}

		public void setFailOpen(boolean failOpen) {
			this.failOpen = failOpen;
		}

		public int getMaxEntries() {
			return this.maxEntries;
		}

		public void setMaxEntries(int maxEntries) {
			this.maxEntries = maxEntries;
		}

		/** Where revoked tokens are listed. */
		public enum Store {

			/** Nowhere: tokens are not checked for revocation. */
			NONE,

			/** In this JVM's memory: a single node. */
			IN_MEMORY,

			/** In Redis, replicated to every node: the joat-revocation-redis module. */
			REDIS;

			/**
			 * The value as written in configuration.
			 * @return {@code none}, {@code in-memory} or {@code redis}
			 */
			public String propertyValue() {
				return name().toLowerCase(Locale.ROOT).replace('_', '-');
			}

			/**
			 * The store {@code joat.revocation.store} names in {@code environment}, bound as the
			 * starter binds it: every relaxed spelling ({@code in-memory}, {@code IN_MEMORY},
			 * {@code inMemory}) counts. The one rule behind {@link ConditionalOnRevocationStore}, for
			 * code that runs before conditions are evaluated, such as an
			 * {@code EnvironmentPostProcessor}.
			 * @param environment the environment
			 * @return the store, {@link #NONE} when the property is unset
			 * @throws org.springframework.boot.context.properties.bind.BindException when the value
			 * names no store
			 */
			public static Store bind(Environment environment) {
				return Binder.get(environment).bind("joat.revocation.store", Store.class).orElse(NONE);
			}

		}

	}

	/**
	 * {@code joat.jwks.*}: how the issuer's JWK Set is fetched and kept fresh, when
	 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} or {@code jwk-set-uri} is set.
	 */
	public static class Jwks {

		/**
		 * Longest time fetched keys are used before they are refreshed, whatever the issuer's
		 * Cache-Control says, and the time used when it says nothing.
		 */
		private Duration refreshInterval = Duration.ofMinutes(5);

		/**
		 * Shortest time between two refreshes, also those a token with an unknown "kid" starts; at most
		 * joat.jwks.refresh-interval.
		 */
		private Duration minimumRefreshInterval = Duration.ofSeconds(30);

		/**
		 * How long after they were fetched the last good keys still verify while the issuer cannot be
		 * reached; longer than joat.jwks.refresh-interval. Beyond it, requests get 503 with Retry-After.
		 */
		private Duration maxStaleness = Duration.ofHours(1);

		/**
		 * Longest time a request with a token of an unknown "kid" waits for the refresh it starts or
		 * joins; 0 never waits.
		 */
		private Duration unknownKeyWait = Duration.ofMillis(500);

		/**
		 * Whether the last keys keep verifying beyond joat.jwks.max-staleness while the issuer is
		 * unreachable, instead of requests getting 503. A withdrawn, perhaps leaked, key then stays valid.
		 */
		private boolean failOpen;

		/** Connect timeout of each request to the issuer. */
		private Duration connectTimeout = Duration.ofSeconds(2);

		/** Read timeout of each request to the issuer. */
		private Duration readTimeout = Duration.ofSeconds(5);

		/**
		 * Whether plain http is accepted for the issuer and JWK Set on hosts other than loopback, where
		 * anyone on the network path can replace the keys.
		 */
		private boolean allowInsecureHttp;

		/** Largest JWK Set accepted; a larger body is refused and the last good keys stay. */
		private DataSize maxSize = DataSize.ofKilobytes(256);

		/** Most keys a JWK Set may hold; a set with more is refused and the last good keys stay. */
		private int maxKeys = 100;

		/**
		 * How long start-up waits for the first keys, failing when none arrive in time. 0 starts without
		 * waiting: requests get 503 with Retry-After until the keys arrive.
		 */
		private Duration awaitFirstKeys = Duration.ZERO;

		public Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

		public Duration getMinimumRefreshInterval() {
			return this.minimumRefreshInterval;
		}

		public void setMinimumRefreshInterval(Duration minimumRefreshInterval) {
			this.minimumRefreshInterval = minimumRefreshInterval;
		}

		public Duration getMaxStaleness() {
			return this.maxStaleness;
		}

		public void setMaxStaleness(Duration maxStaleness) {
			this.maxStaleness = maxStaleness;
		}

		public Duration getUnknownKeyWait() {
			return this.unknownKeyWait;
		}

		public void setUnknownKeyWait(Duration unknownKeyWait) {
			this.unknownKeyWait = unknownKeyWait;
		}

		public boolean isFailOpen() {
			return this.failOpen;
		}

		public void setFailOpen(boolean failOpen) {
			this.failOpen = failOpen;
		}

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public boolean isAllowInsecureHttp() {
			return this.allowInsecureHttp;
		}

		public void setAllowInsecureHttp(boolean allowInsecureHttp) {
			this.allowInsecureHttp = allowInsecureHttp;
		}

		public DataSize getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(DataSize maxSize) {
			this.maxSize = maxSize;
		}

		public int getMaxKeys() {
			return this.maxKeys;
		}

		public void setMaxKeys(int maxKeys) {
			this.maxKeys = maxKeys;
		}

		public Duration getAwaitFirstKeys() {
			return this.awaitFirstKeys;
		}

		public void setAwaitFirstKeys(Duration awaitFirstKeys) {
			this.awaitFirstKeys = awaitFirstKeys;
		}

	}

	@Override
	public String toString() {
		return "JoatProperties[issuer=" + this.issuer + ", algorithms=" + this.algorithms + ", secrets by kid="
				+ this.secrets + "]";
	}

}
