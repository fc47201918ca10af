package dev.joat.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of joat's token parser, generator and resource-server integration
 * ({@code joat.*}). A secret comes from exactly one of {@code joat.secret},
 * {@code joat.secret-base64} or {@code joat.secrets}, unless the application defines its own
 * {@code SecretResolver} bean. Secrets are never logged.
 */
@ConfigurationProperties("joat")
public class JoatProperties {

	/** The provider (issuer): written as "iss" when issuing, required of every token when parsing. */
	private String issuer;

	/** Whether tokens of any issuer are accepted: "iss" is then not checked, and joat.issuer must not be set. */
	private boolean acceptAnyIssuer;

	/** The HMAC secret as UTF-8 text; at least 32 bytes for HS256 (48 for HS384, 64 for HS512). */
	private String secret;

	/** The HMAC secret as standard base64, for secrets that are random bytes rather than text. */
	private String secretBase64;

	/** Several secrets by key id (kid), for rotating the signing secret; instead of joat.secret. */
	private List<KeyedSecret> secrets = new ArrayList<>();

	/** The key id of joat.secrets that signs new tokens; by default the first one. */
	private String signingKid;

	/** The key id of joat.secrets that verifies tokens without a kid, such as PyJOAT's; none by default. */
	private String defaultKid;

	/** The accepted JWS algorithms; the first one signs. HS256, HS384 or HS512. */
	private List<String> algorithms = new ArrayList<>(List.of("HS256"));

	/** How long issued tokens live. */
	private Duration tokenLifetime = Duration.ofHours(1);

	/** The clock skew tolerated on exp, nbf and iat. */
	private Duration clockSkew = Duration.ofSeconds(60);

	/** The longest token accepted, in characters; longer ones are refused before any decoding. */
	private int maxTokenLength = 8192;

	/** The accepted audiences ("aud"); not checked when empty. In the rfc9068 profile, issued tokens' "aud". */
	private List<String> audiences = new ArrayList<>();

	/** The prefix of the authorities made from the token's scope. */
	private String authorityPrefix = "SCOPE_";

	/** The claim that names the authenticated principal; tokens without it are named by their client id. */
	private String principalClaim = "sub";

	/** Whether secrets shorter than RFC 7518 requires are accepted, only to migrate a legacy PyJOAT deployment. */
	private boolean allowShortSecrets;

	/** The claim layout of issued tokens: pyjoat (the default) or rfc9068 (typ at+jwt). */
	private Profile profile = Profile.PYJOAT;

	/** Whether only RFC 9068 access tokens (typ at+jwt) are accepted. */
	private boolean requireAtJwt;

	/**
	 * Whether tokens bound to a client certificate (cnf with x5t#S256, RFC 8705) are accepted, each
	 * checked against the client certificate of the servlet request (needs mutual TLS); when false,
	 * every token carrying cnf is refused. Other confirmation methods are always refused.
	 */
	private boolean allowCertificateBoundTokens;

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

	/** The claim layout of issued tokens. */
	public enum Profile {

		/** PyJOAT's layout: aud is the client id, scp an array. */
		PYJOAT,

		/** RFC 9068: typ at+jwt, client_id, scope string, jti, aud = joat.audiences. */
		RFC9068

	}

	/** One secret of {@code joat.secrets}. */
	public static class KeyedSecret {

		/** The key id, written as the tokens' "kid". */
		private String kid;

		/** The secret as UTF-8 text. */
		private String secret;

		/** The secret as standard base64. */
		private String secretBase64;

		/** The one algorithm this key signs and verifies with; the first of joat.algorithms by default. */
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

	@Override
	public String toString() {
		return "JoatProperties[issuer=" + this.issuer + ", algorithms=" + this.algorithms + ", secrets by kid="
				+ this.secrets + "]";
	}

}
