package dev.joat.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Configuration of joat's token parser, generator and resource-server integration
 * ({@code joat.*}). A secret comes from exactly one of {@code joat.secret},
 * {@code joat.secret-base64} or {@code joat.secrets}, unless the application defines its own
 * {@code SecretResolver} bean; {@code joat.issuer} is required unless
 * {@code joat.accept-any-issuer=true}. Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} properties apply too, as the README
 * describes. Everything is checked once, at startup; secrets are never
 * logged. A mutable binding target, not thread-safe; read it only while the context starts.
 */
@ConfigurationProperties("joat")
public class JoatProperties {

	/**
	 * The provider (issuer): written as "iss" when issuing, required as every parsed token's "iss".
	 * Unset: startup fails unless joat.accept-any-issuer=true, and no TokenGenerator bean is created.
	 */
	private String issuer;

	/**
	 * Whether tokens of any issuer are accepted ("iss" is not checked), logged as a warning at
	 * startup. Only without joat.issuer: both set stops startup.
	 */
	private boolean acceptAnyIssuer;

	/**
	 * The HMAC secret as UTF-8 text; at least 32 bytes for HS256 (48 for HS384, 64 for HS512). A
	 * blank value or an unresolved ${...} placeholder stops startup. Unset: joat.secret-base64,
	 * joat.secrets or a SecretResolver bean must provide the secret.
	 */
	private String secret;

	/**
	 * The HMAC secret as standard base64, for secrets that are random bytes rather than text. A
	 * blank value or an unresolved ${...} placeholder stops startup. Unset: joat.secret,
	 * joat.secrets or a SecretResolver bean must provide the secret.
	 */
	private String secretBase64;

	/**
	 * Several secrets by key id, for rotating the signing secret; instead of joat.secret. Each entry
	 * has a kid (required), a secret or a secret-base64 (exactly one), and an algorithm (the first of
	 * joat.algorithms when unset). Empty: joat.secret or joat.secret-base64 is used.
	 */
	private List<KeyedSecret> secrets = new ArrayList<>();

	/** The kid of the joat.secrets entry that signs new tokens. Unset: the first entry signs. */
	private String signingKid;

	/**
	 * The kid of the joat.secrets entry that verifies tokens without a kid, such as PyJOAT's. Unset:
	 * with joat.secrets, tokens without a kid are refused.
	 */
	private String defaultKid;

	/**
	 * The accepted JWS algorithms, HS256, HS384 or HS512; the first one signs. spring.security.oauth2.resourceserver.jwt.jws-algorithms,
	 * when set, narrows this list (never widens it).
	 */
	private List<String> algorithms = new ArrayList<>(List.of("HS256"));

	/** How long issued tokens live ("exp" minus "iat"). */
	private Duration tokenLifetime = Duration.ofHours(1);

	/** The clock skew tolerated on "exp", "nbf" and "iat", at most 1d. */
	private Duration clockSkew = Duration.ofSeconds(60);

	/** The longest token accepted, in characters; longer ones are refused before any decoding. */
	private int maxTokenLength = 8192;

	/**
	 * The accepted audiences: a parsed token's "aud" must name one of them. Empty: "aud" is not
	 * checked, unless spring.security.oauth2.resourceserver.jwt.audiences is set, which then applies. In the rfc9068 profile, also the
	 * "aud" of issued tokens, and then required.
	 */
	private List<String> audiences = new ArrayList<>();

	/**
	 * The prefix of the authorities made from the token's scope. spring.security.oauth2.resourceserver.jwt.authority-prefix, when set,
	 * replaces this default; both set to different values stops startup.
	 */
	private String authorityPrefix = "SCOPE_";

	/**
	 * The claim that names the authenticated principal; a token without "sub" gets its client id as
	 * "sub". spring.security.oauth2.resourceserver.jwt.principal-claim-name, when set, replaces this default; both set to different
	 * values stops startup.
	 */
	private String principalClaim = "sub";

	/** Whether secrets shorter than RFC 7518 requires are accepted, only to migrate a legacy PyJOAT deployment. */
	private boolean allowShortSecrets;

	/** The claim layout of issued tokens: pyjoat, or rfc9068 (typ at+jwt, client_id, scope string, jti, aud). */
	private Profile profile = Profile.PYJOAT;

	/** Whether only RFC 9068 access tokens (typ at+jwt) are accepted; otherwise typ JWT or none too. */
	private boolean requireAtJwt;

	/**
	 * Whether tokens bound to a client certificate (cnf with x5t#S256, RFC 8705) are accepted, each
	 * checked against the client certificate of the servlet request (needs mutual TLS); when false,
	 * every token carrying cnf is refused. Other confirmation methods are always refused.
	 */
	private boolean allowCertificateBoundTokens;

	/**
	 * This resource server's identifier (RFC 9728 "resource"): an absolute https (or http) URL
	 * without user info, query or fragment, e.g. https://api.example.com; checked at startup.
	 * Servlet applications serve it in /.well-known/oauth-protected-resource, whatever Host header a
	 * client sends. Unset: Spring Security builds it from each request's URL (scheme, Host header,
	 * port), so set it in production.
	 */
	private String resource;

	/** Token revocation: which store the parser consults, and how a replicated one behaves. */
	private final Revocation revocation = new Revocation();

	public String getIssuer() {
		return this.issuer;
	}

	public void setIssuer(String issuer) {
		this.issuer = issuer;
	}

	public boolean isAcceptAnyIssuer() {
		return this.acceptAnyIssuer;
	}

	public void setAcceptAnyIssuer(boolean acceptAnyIssuer) {
		this.acceptAnyIssuer = acceptAnyIssuer;
	}

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public String getSecretBase64() {
		return this.secretBase64;
	}

	public void setSecretBase64(String secretBase64) {
		this.secretBase64 = secretBase64;
	}

	public List<KeyedSecret> getSecrets() {
		return this.secrets;
	}

	public void setSecrets(List<KeyedSecret> secrets) {
		this.secrets = secrets;
	}

	public String getSigningKid() {
		return this.signingKid;
	}

	public void setSigningKid(String signingKid) {
		this.signingKid = signingKid;
	}

	public String getDefaultKid() {
		return this.defaultKid;
	}

	public void setDefaultKid(String defaultKid) {
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

	public String getResource() {
		return this.resource;
	}

	public void setResource(String resource) {
		this.resource = resource;
	}

	public Revocation getRevocation() {
		return this.revocation;
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

		/** The key id, written as the "kid" of tokens this key signs; required, unique. */
		private String kid;

		/** The secret as UTF-8 text; exactly one of secret and secret-base64. */
		private String secret;

		/** The secret as standard base64, for random bytes; exactly one of secret and secret-base64. */
		private String secretBase64;

		/**
		 * The one algorithm this key signs and verifies with, one of joat.algorithms. Unset: the first
		 * of joat.algorithms.
		 */
		private String algorithm;

		public String getKid() {
			return this.kid;
		}

		public void setKid(String kid) {
			this.kid = kid;
		}

		public String getSecret() {
			return this.secret;
		}

		public void setSecret(String secret) {
			this.secret = secret;
		}

		public String getSecretBase64() {
			return this.secretBase64;
		}

		public void setSecretBase64(String secretBase64) {
			this.secretBase64 = secretBase64;
		}

		public String getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(String algorithm) {
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
		 * Where revoked tokens are listed: none (the starter creates no store: tokens are not checked
		 * unless the application defines a RevocationList bean), in-memory (this node only, bounded by
		 * joat.revocation.max-entries) or redis (shared by every node, through the joat-revocation-redis
		 * module). When a list is consulted, a token without "jti" (as PyJOAT issues them) is checked
		 * against its client and subject cut-offs, unless joat.revocation.require-jti=true.
		 */
		private Store store = Store.NONE;

		/**
		 * Whether tokens without a "jti" claim are refused (missing_claim) when revocation is checked.
		 * By default they are accepted, and can be revoked only through a cut-off of their client,
		 * subject, or subject of their client; set true where every token must be revocable on its
		 * own. Default false.
		 */
		private boolean requireJti;

		/**
		 * With a replicated store (redis): how long the local replica may go without being confirmed
		 * in step with the shared store; beyond it requests are refused with 503 and Retry-After, unless
		 * joat.revocation.fail-open=true.
		 */
		private Duration maxStaleness = Duration.ofSeconds(30);

		/**
		 * With a replicated store (redis): whether tokens are still accepted, checked against the stale
		 * replica, once it is older than joat.revocation.max-staleness (logged and counted), instead of
		 * being refused with 503.
		 */
		private boolean failOpen;

		/**
		 * With the in-memory store: the most live entries (revoked token ids, client and subject
		 * cut-offs) held; a revocation beyond it is refused until entries expire.
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

	@Override
	public String toString() {
		return "JoatProperties[issuer=" + this.issuer + ", algorithms=" + this.algorithms + ", secrets by kid="
				+ this.secrets + "]";
	}

}
