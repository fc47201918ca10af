package dev.joat.spring.boot;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;

import dev.joat.HmacAlgorithm;
import dev.joat.SecretResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

/**
 * The one validated view of joat's configuration: {@code joat.*} ({@link JoatProperties}) merged
 * with Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.*}
 * ({@link ResourceServerSettings}), built once, at startup, by {@link #of}. Every value that is set
 * is checked here, so the builders of joat-core never refuse what a bean method passes them; each
 * misconfiguration is a {@link JoatConfigurationException} naming the property, secrets never in
 * its message. Two requirements depend on which beans the starter makes and are checked when it
 * makes them: an issuer ({@link #requiredIssuer()}, for the parser and generator) and a secret
 * ({@link #secretResolver()}, unless the application defines a {@code SecretResolver}).
 * Immutable and thread-safe.
 *
 * @param resourceServer the merged resource-server settings: algorithms, audiences, authorities
 * and principal
 * @param issuer {@code joat.issuer}, or {@code null} when unset
 * @param acceptAnyIssuer {@code joat.accept-any-issuer}
 * @param tokenLifetime {@code joat.token-lifetime}, at least one second
 * @param clockSkew {@code joat.clock-skew}, between zero and one day
 * @param maxTokenLength {@code joat.max-token-length}, positive
 * @param requireAtJwt {@code joat.require-at-jwt}
 * @param allowShortSecrets {@code joat.allow-short-secrets}
 * @param allowCertificateBoundTokens {@code joat.allow-certificate-bound-tokens}
 * @param profile {@code joat.profile}
 * @param resource {@code joat.resource}, an absolute http(s) URL, or {@code null} when unset
 * @param secretSource the property holding the secret ({@code joat.secret},
 * {@code joat.secret-base64}, {@code joat.secrets}), or {@code null} when none is set
 * @param configuredSecretResolver the resolver of that property, or {@code null} when none is set
 * @param revocation {@code joat.revocation.*}
 * @param keys the issuer's keys ({@code issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location}, or the application's {@code KeySource} bean), or {@code null} when
 * tokens are verified with HMAC secrets
 */
record JoatSettings(ResourceServerSettings resourceServer, @Nullable String issuer, boolean acceptAnyIssuer,
		Duration tokenLifetime, Duration clockSkew, int maxTokenLength, boolean requireAtJwt, boolean allowShortSecrets,
		boolean allowCertificateBoundTokens, JoatProperties.Profile profile, @Nullable String resource,
		@Nullable String secretSource, @Nullable SecretResolver configuredSecretResolver, Revocation revocation,
		@Nullable KeySettings keys) {

	private static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

	/**
	 * {@code joat.revocation.*}, checked.
	 *
	 * @param store the store, {@code none} when unset
	 * @param requireJti whether tokens without {@code jti} are refused
	 * @param maxStaleness how stale a replicated store's replica may become, positive
	 * @param failOpen whether a stale replica is still consulted
	 * @param maxEntries the bound of a store's live entries, positive
	 */
	record Revocation(JoatProperties.Revocation.Store store, boolean requireJti, Duration maxStaleness,
			boolean failOpen, int maxEntries) {
	}

	/**
	 * Checks {@code properties} and Boot's resource-server properties, once.
	 * @param properties joat's bound properties
	 * @param binder the environment's binder, for Boot's properties and to tell which
	 * {@code joat.*} properties are set
	 * @return the settings
	 * @throws JoatConfigurationException naming the first property at fault
	 */
	static JoatSettings of(JoatProperties properties, Binder binder) {
		return of(properties, binder, new DefaultResourceLoader());
	}

	/**
	 * Checks {@code properties} and Boot's resource-server properties, once.
	 * @param properties joat's bound properties
	 * @param binder the environment's binder, for Boot's properties and to tell which
	 * {@code joat.*} properties are set
	 * @param resourceLoader loads {@code public-key-location}
	 * @return the settings
	 * @throws JoatConfigurationException naming the first property at fault
	 */
	static JoatSettings of(JoatProperties properties, Binder binder, ResourceLoader resourceLoader) {
		return of(properties, binder, resourceLoader, false);
	}

	/**
	 * Checks {@code properties} and Boot's resource-server properties, once.
	 * @param properties joat's bound properties
	 * @param binder the environment's binder, for Boot's properties and to tell which
	 * {@code joat.*} properties are set
	 * @param resourceLoader loads {@code public-key-location}
	 * @param applicationKeySource whether the application's {@code KeySource} bean selects keys mode
	 * ({@link KeyMode#APPLICATION})
	 * @return the settings
	 * @throws JoatConfigurationException naming the first property at fault
	 */
	static JoatSettings of(JoatProperties properties, Binder binder, ResourceLoader resourceLoader,
			boolean applicationKeySource) {
		KeySettings keys = KeySettings.of(properties, binder, resourceLoader, applicationKeySource);
		ResourceServerSettings resourceServer = ResourceServerSettings.of(properties, binder, keys != null);
		String secretSource = SecretSettings.source(properties);
		SecretResolver secretResolver = (secretSource != null)
				? SecretSettings.secretResolver(properties, secretSource, resourceServer.algorithms()) : null;
		String issuer = issuer(properties);
		Duration tokenLifetime = properties.getTokenLifetime();
		if (tokenLifetime == null || tokenLifetime.isNegative() || tokenLifetime.getSeconds() == 0) {
			throw new JoatConfigurationException("joat.token-lifetime",
					"joat.token-lifetime must be at least one second; it is " + tokenLifetime,
					"Set joat.token-lifetime to a positive duration, e.g. 1h.");
		}
		Duration clockSkew = properties.getClockSkew();
		if (clockSkew == null || clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
			throw new JoatConfigurationException("joat.clock-skew", "joat.clock-skew must be between 0s and 1d",
					"Set joat.clock-skew to a duration between 0s and 1d; 60s is the default.");
		}
		int maxTokenLength = JoatPropertyChecks.positive(properties.getMaxTokenLength(), "joat.max-token-length",
				"characters", "8192");
		JoatProperties.Profile profile = (properties.getProfile() != null) ? properties.getProfile()
				: JoatProperties.Profile.PYJOAT;
		if (profile == JoatProperties.Profile.RFC9068 && issuer != null && resourceServer.audiences().isEmpty()) {
			throw new JoatConfigurationException("joat.audiences", "the rfc9068 profile needs joat.audiences",
					"Set joat.audiences to the identifier(s) of the resource server(s) the tokens are for.");
		}
		return new JoatSettings(resourceServer, issuer, properties.isAcceptAnyIssuer(), tokenLifetime, clockSkew,
				maxTokenLength, properties.isRequireAtJwt(), properties.isAllowShortSecrets(),
				properties.isAllowCertificateBoundTokens(), profile, resource(properties), secretSource, secretResolver,
				revocation(properties.getRevocation()), keys);
	}

	/**
	 * The issuer every parsed token must name ({@code issuer-uri} when set, else {@code joat.issuer}),
	 * or {@code null} when {@code joat.accept-any-issuer} is {@code true}. Required: without {@code joat.issuer} a parser would accept tokens of any
	 * issuer signed with the same secret.
	 * @return the issuer, or {@code null} for any
	 * @throws JoatConfigurationException when neither is set
	 */
	@Nullable String requiredIssuer() {
		if (this.keys != null && this.keys.issuerUri() != null) {
			return this.keys.issuerUri();
		}
		if (this.acceptAnyIssuer) {
			return null;
		}
		if (this.issuer == null && this.keys != null && this.keys.application()) {
			throw new JoatConfigurationException("joat.issuer", "joat.issuer is not set",
					"Set joat.issuer to the issuer (\"iss\") of the tokens the application's KeySource bean verifies."
							+ " Only if tokens of any issuer signed with these keys may pass, set"
							+ " joat.accept-any-issuer=true instead.");
		}
		if (this.issuer == null && this.keys != null) {
			throw new JoatConfigurationException("joat.issuer", "joat.issuer is not set",
					"Set " + ResourceServerSettings.BOOT_PREFIX + "issuer-uri (or joat.issuer) to the issuer (\"iss\") of"
							+ " the tokens this application accepts. Only if tokens of any issuer signed with these keys"
							+ " may pass, set joat.accept-any-issuer=true instead.");
		}
		if (this.issuer == null) {
			throw new JoatConfigurationException("joat.issuer", "joat.issuer is not set",
					"Set joat.issuer to the issuer (\"iss\") of the tokens this application accepts, e.g."
							+ " https://auth.example.com. Only if tokens from any issuer signed with your secret may pass"
							+ " (PyJOAT never checked \"iss\"), set joat.accept-any-issuer=true instead.");
		}
		return this.issuer;
	}

	/**
	 * The secret resolver of {@code joat.secret}, {@code joat.secret-base64} or {@code joat.secrets}.
	 * @return the resolver
	 * @throws JoatConfigurationException when none of them is set
	 */
	SecretResolver secretResolver() {
		if (this.configuredSecretResolver == null) {
			throw SecretSettings.noSecret();
		}
		return this.configuredSecretResolver;
	}

	/**
	 * The issuer's keys settings.
	 * @return the settings
	 * @throws IllegalStateException when tokens are verified with HMAC secrets
	 */
	KeySettings requiredKeys() {
		if (this.keys == null) {
			throw new IllegalStateException("joat verifies HMAC-signed tokens: no key property is set");
		}
		return this.keys;
	}

	/** The accepted algorithms, in order; the first signs. */
	List<HmacAlgorithm> algorithms() {
		return this.resourceServer.algorithms();
	}

	/** The accepted audiences; empty when {@code aud} is not checked. */
	List<String> audiences() {
		return this.resourceServer.audiences();
	}

	private static @Nullable String issuer(JoatProperties properties) {
		String issuer = properties.getIssuer();
		if (issuer != null && issuer.isBlank()) {
			throw new JoatConfigurationException("joat.issuer", "joat.issuer is blank",
					"Set joat.issuer to the issuer (\"iss\") of the tokens this application accepts, e.g."
							+ " https://auth.example.com.");
		}
		if (properties.isAcceptAnyIssuer() && issuer != null) {
			throw new JoatConfigurationException("joat.accept-any-issuer",
					"joat.accept-any-issuer=true contradicts joat.issuer",
					"Remove joat.accept-any-issuer to accept only tokens whose \"iss\" is joat.issuer (the safe"
							+ " choice), or remove joat.issuer to accept tokens from any issuer.");
		}
		return issuer;
	}

	/**
	 * The resource identifier {@code joat.resource} names (RFC 9728 §1.2), or {@code null} when it
	 * is unset: an absolute {@code https} or {@code http} URL with a host and no user info, query or
	 * fragment.
	 */
	static @Nullable String resource(JoatProperties properties) {
		String resource = properties.getResource();
		if (resource == null) {
			return null;
		}
		String action = "Set joat.resource to this resource server's URL, e.g. https://api.example.com (https in"
				+ " production), or remove it to let Spring Security take it from each request.";
		if (resource.isBlank()) {
			throw new JoatConfigurationException("joat.resource", "joat.resource is blank", action);
		}
		URI uri;
		try {
			uri = new URI(resource);
		}
		catch (URISyntaxException ex) {
			throw new JoatConfigurationException("joat.resource", "joat.resource is not a URL", action);
		}
		boolean http = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
		if (!http || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
				|| uri.getRawFragment() != null) {
			throw new JoatConfigurationException("joat.resource",
					"joat.resource must be an absolute http(s) URL without user info, query or fragment", action);
		}
		return resource;
	}

	private static Revocation revocation(JoatProperties.Revocation revocation) {
		Duration maxStaleness = JoatPropertyChecks.positive(revocation.getMaxStaleness(),
				"joat.revocation.max-staleness", "30s");
		int maxEntries = JoatPropertyChecks.positive(revocation.getMaxEntries(), "joat.revocation.max-entries",
				"entries", "100000");
		JoatProperties.Revocation.Store store = (revocation.getStore() != null) ? revocation.getStore()
				: JoatProperties.Revocation.Store.NONE;
		return new Revocation(store, revocation.isRequireJti(), maxStaleness, revocation.isFailOpen(), maxEntries);
	}

}
