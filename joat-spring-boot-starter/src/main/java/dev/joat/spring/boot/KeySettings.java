package dev.joat.spring.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.SignatureAlgorithm;
import dev.joat.VerificationKey;
import dev.joat.spring.security.JwkSetKeySource;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The keys part of {@link JoatSettings}, present when Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri} or
 * {@code public-key-location} is set ("keys mode"): joat then verifies tokens signed with the
 * issuer's asymmetric keys instead of an HMAC secret. Checked once, at start-up:
 *
 * <ul>
 * <li>{@code jws-algorithms} names the accepted {@link SignatureAlgorithm}s (RS256 by default, as in
 * Spring Boot); an unknown or HMAC name fails.</li>
 * <li>{@code issuer-uri} is the issuer every token's {@code iss} must equal (Spring's rule); without
 * {@code jwk-set-uri} or {@code public-key-location} its keys are discovered from its metadata.
 * {@code joat.issuer} set to another value, or {@code joat.accept-any-issuer=true}, fails.</li>
 * <li>{@code jwk-set-uri} wins over discovery; {@code public-key-location} beside it fails (one of
 * them would be ignored).</li>
 * <li>{@code public-key-location} is a PEM {@code PUBLIC KEY} (RSA, EC or Ed25519), bound to the one
 * configured algorithm that fits it.</li>
 * <li>HMAC properties ({@code joat.secret}, {@code joat.secret-base64}, {@code joat.secrets},
 * {@code joat.algorithms}, {@code joat.signing-kid}, {@code joat.default-kid},
 * {@code joat.allow-short-secrets}) fail: joat never silently ignores a property that is set.</li>
 * <li>So do the properties of issued tokens ({@link #ISSUING_PROPERTIES}: {@code joat.token-lifetime},
 * {@code joat.profile}) when set: the issuer mints the tokens, the starter has no generator, and
 * verification does not read them ({@code joat.require-at-jwt} is the verifying side of the RFC
 * 9068 profile).</li>
 * </ul>
 *
 * <p>Without any of those properties, an application-defined {@link KeySource} bean alone also
 * selects keys mode ("bring your own keys": an issuer verifying its own tokens, keys from a
 * vault): the parser verifies with that bean, {@code joat.issuer} (or
 * {@code joat.accept-any-issuer=true}) is required as in HMAC mode, {@code jws-algorithms} when set
 * names the accepted algorithms, else a {@link KeySet} bean's own algorithms are accepted, else
 * RS256; the HMAC properties fail as above. The properties of issued tokens do not: such an
 * application is usually its own issuer, and its {@code TokenGenerator} may read them from
 * {@link JoatProperties} (the sample does).
 *
 * @param issuerUri {@code issuer-uri}, or {@code null}
 * @param jwkSetUri {@code jwk-set-uri}, or {@code null}
 * @param publicKeys the key of {@code public-key-location}, or {@code null} when keys come from a
 * JWK Set
 * @param algorithms the accepted algorithms; empty only for the application's {@link KeySource}
 * bean without {@code jws-algorithms}, whose algorithms {@link #algorithms(KeySource)} decides
 * @param jwks {@code joat.jwks.*}, checked
 * @param application whether the keys come from the application's {@link KeySource} bean rather
 * than from a Boot property
 */
record KeySettings(@Nullable String issuerUri, @Nullable String jwkSetUri, @Nullable KeySet publicKeys,
		List<SignatureAlgorithm> algorithms, Jwks jwks, boolean application) {

	/** What {@link #trigger()} and the configuration report name for the application's bean. */
	static final String APPLICATION_KEY_SOURCE = "application-key-source";

	/**
	 * The {@code joat.*} properties that shape only the tokens the starter's generator issues: with
	 * an issuer's keys (a Boot key property) there is no such generator, so setting one fails.
	 */
	static final List<String> ISSUING_PROPERTIES = List.of("joat.token-lifetime", "joat.profile");

	private static final String PREFIX = ResourceServerSettings.BOOT_PREFIX;

	/**
	 * {@code joat.jwks.*}, checked.
	 *
	 * @param refreshInterval positive
	 * @param minimumRefreshInterval positive, at most the refresh interval
	 * @param maxStaleness longer than the refresh interval
	 * @param unknownKeyWait zero or positive
	 * @param failOpen whether stale keys keep verifying
	 * @param connectTimeout positive
	 * @param readTimeout positive
	 * @param allowInsecureHttp whether http is allowed beyond loopback
	 * @param maxSize positive, in bytes
	 * @param maxKeys positive
	 * @param awaitFirstKeys zero (do not wait) or positive
	 */
	record Jwks(Duration refreshInterval, Duration minimumRefreshInterval, Duration maxStaleness,
			Duration unknownKeyWait, boolean failOpen, Duration connectTimeout, Duration readTimeout,
			boolean allowInsecureHttp, int maxSize, int maxKeys, Duration awaitFirstKeys) {
	}

	/** The Boot property that put joat in keys mode, for messages. */
	String trigger() {
		if (this.application) {
			return APPLICATION_KEY_SOURCE;
		}
		return PREFIX + ((this.issuerUri != null) ? "issuer-uri"
				: (this.jwkSetUri != null) ? "jwk-set-uri" : "public-key-location");
	}

	/**
	 * The algorithms the parser accepts with {@code keySource}: {@code jws-algorithms} when set, else
	 * the algorithms of a {@link KeySet}'s keys, else RS256.
	 */
	List<SignatureAlgorithm> algorithms(KeySource keySource) {
		if (!this.algorithms.isEmpty()) {
			return this.algorithms;
		}
		if (keySource instanceof KeySet keySet && !keySet.algorithms().isEmpty()) {
			return keySet.algorithms().stream().sorted().toList();
		}
		return List.of(SignatureAlgorithm.RS256);
	}

	/** Whether any of Boot's key properties is set. */
	static boolean configured(Binder binder) {
		return bound(binder, "issuer-uri") || bound(binder, "jwk-set-uri") || bound(binder, "public-key-location");
	}

	/**
	 * The key settings, or {@code null} when none of Boot's key properties is set and the keys do
	 * not come from the application's {@link KeySource} bean.
	 * @param properties joat's properties
	 * @param binder the environment's binder
	 * @param resourceLoader loads {@code public-key-location}
	 * @param applicationKeySource whether the mode is {@link KeyMode#APPLICATION}
	 * @return the settings, or {@code null} for HMAC
	 * @throws JoatConfigurationException naming the property at fault
	 */
	static @Nullable KeySettings of(JoatProperties properties, Binder binder, ResourceLoader resourceLoader,
			boolean applicationKeySource) {
		boolean application = applicationKeySource && !configured(binder);
		if (!configured(binder) && !application) {
			return null;
		}
		String trigger = application ? "the application's KeySource bean"
				: bound(binder, "issuer-uri") ? PREFIX + "issuer-uri"
				: bound(binder, "jwk-set-uri") ? PREFIX + "jwk-set-uri" : PREFIX + "public-key-location";
		List<String> hmacProperties = hmacPropertiesSet(properties, binder);
		if (!hmacProperties.isEmpty()) {
			String hmac = hmacProperties.get(0);
			throw new JoatConfigurationException(hmac, hmac + " is set, but " + trigger
					+ " makes joat verify tokens signed with " + (application ? "its" : "the issuer's")
					+ " public keys, not an HMAC secret",
					"Remove " + hmac + " to verify " + (application ? "with the KeySource bean" : "the issuer's tokens")
							+ ", or remove " + trigger + " to verify HMAC-signed tokens with joat's secret.");
		}
		if (!application) {
			refuseIssuingProperties(binder, trigger);
		}
		Jwks jwks = jwks(properties.getJwks());
		if (application) {
			return new KeySettings(null, null, null, List.copyOf(algorithms(binder, List.of())), jwks, true);
		}
		String issuerUri = uri(binder, "issuer-uri", jwks.allowInsecureHttp());
		String jwkSetUri = uri(binder, "jwk-set-uri", jwks.allowInsecureHttp());
		String location = binder.bind(PREFIX + "public-key-location", String.class).orElse(null);
		if (location != null && jwkSetUri != null) {
			throw new JoatConfigurationException(PREFIX + "public-key-location",
					PREFIX + "public-key-location and " + PREFIX + "jwk-set-uri are both set",
					"Set only one of them: the keys come either from a JWK Set or from a public key file.");
		}
		if (issuerUri != null && properties.isAcceptAnyIssuer()) {
			throw new JoatConfigurationException("joat.accept-any-issuer",
					"joat.accept-any-issuer=true contradicts " + PREFIX + "issuer-uri",
					"Remove joat.accept-any-issuer: with " + PREFIX + "issuer-uri every token's \"iss\" must name that"
							+ " issuer.");
		}
		String issuer = properties.getIssuer();
		if (issuerUri != null && issuer != null && !issuer.equals(issuerUri)) {
			throw new JoatConfigurationException(PREFIX + "issuer-uri", PREFIX + "issuer-uri (" + issuerUri
					+ ") and joat.issuer (" + issuer + ") disagree",
					"Set only one of them: Spring Boot's " + PREFIX + "issuer-uri is the issuer every token's \"iss\""
							+ " must name, and joat never chooses silently between two values you set.");
		}
		List<SignatureAlgorithm> algorithms = algorithms(binder, List.of(SignatureAlgorithm.RS256));
		KeySet publicKeys = (location != null) ? publicKey(location, algorithms, resourceLoader) : null;
		return new KeySettings(issuerUri, jwkSetUri, publicKeys, List.copyOf(algorithms), jwks, false);
	}

	/** The HMAC properties that are set, in a stable order. */
	private static List<String> hmacPropertiesSet(JoatProperties properties, Binder binder) {
		List<String> set = new ArrayList<>();
		String secret = SecretSettings.source(properties);
		if (secret != null) {
			set.add(secret);
		}
		if (binder.bind("joat.algorithms", Bindable.listOf(String.class)).isBound()) {
			set.add("joat.algorithms");
		}
		if (properties.getSigningKid() != null) {
			set.add("joat.signing-kid");
		}
		if (properties.getDefaultKid() != null) {
			set.add("joat.default-kid");
		}
		if (properties.isAllowShortSecrets()) {
			set.add("joat.allow-short-secrets");
		}
		return set;
	}

	/** Fails on the first of {@link #ISSUING_PROPERTIES} that is set: nothing would read it. */
	private static void refuseIssuingProperties(Binder binder, String trigger) {
		for (String property : ISSUING_PROPERTIES) {
			if (binder.bind(property, String.class).isBound()) {
				String instead = property.equals("joat.profile")
						? " To accept only RFC 9068 access tokens (typ at+jwt) of the issuer, set joat.require-at-jwt=true"
								+ " instead."
						: "";
				throw new JoatConfigurationException(property, property + " is set, but " + trigger
						+ " makes joat verify the issuer's tokens and issue none, so it would have no effect",
						"Remove " + property + " (the issuer decides what its tokens carry), or remove " + trigger
								+ " to issue and verify HMAC-signed tokens with joat's secret." + instead);
			}
		}
	}

	private static boolean bound(Binder binder, String name) {
		return binder.bind(PREFIX + name, String.class).isBound();
	}

	private static @Nullable String uri(Binder binder, String name, boolean allowInsecureHttp) {
		String value = binder.bind(PREFIX + name, String.class).orElse(null);
		if (value == null) {
			return null;
		}
		String problem = JwkSetKeySource.locationProblem(value.trim(), allowInsecureHttp);
		if (problem != null) {
			throw new JoatConfigurationException(PREFIX + name, PREFIX + name + " " + problem,
					"Set " + PREFIX + name + " to the issuer's https URL; plain http is accepted on loopback, and"
							+ " elsewhere only with joat.jwks.allow-insecure-http=true.");
		}
		return value.trim();
	}

	private static List<SignatureAlgorithm> algorithms(Binder binder, List<SignatureAlgorithm> unset) {
		String property = PREFIX + "jws-algorithms";
		List<String> names = binder.bind(property, Bindable.listOf(String.class)).orElse(List.of());
		if (names.isEmpty()) {
			return unset;
		}
		Set<SignatureAlgorithm> algorithms = new LinkedHashSet<>();
		for (String name : names) {
			SignatureAlgorithm algorithm = SignatureAlgorithm.fromJwsName((name != null) ? name.trim() : null);
			if (algorithm == null) {
				throw new JoatConfigurationException(property, property + " names '" + name
						+ "', which joat does not verify with an issuer's public keys",
						"List only RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512 or EdDSA in " + property
								+ ", or remove it for RS256.");
			}
			algorithms.add(algorithm);
		}
		return new ArrayList<>(algorithms);
	}

	private static Jwks jwks(JoatProperties.Jwks jwks) {
		Duration refreshInterval = JoatPropertyChecks.positive(jwks.getRefreshInterval(), "joat.jwks.refresh-interval",
				"5m");
		Duration minimumRefreshInterval = JoatPropertyChecks.positive(jwks.getMinimumRefreshInterval(),
				"joat.jwks.minimum-refresh-interval", "30s");
		if (minimumRefreshInterval.compareTo(refreshInterval) > 0) {
			throw new JoatConfigurationException("joat.jwks.minimum-refresh-interval",
					"joat.jwks.minimum-refresh-interval (" + minimumRefreshInterval
							+ ") is longer than joat.jwks.refresh-interval (" + refreshInterval + ")",
					"Set joat.jwks.minimum-refresh-interval to at most joat.jwks.refresh-interval.");
		}
		Duration maxStaleness = JoatPropertyChecks.positive(jwks.getMaxStaleness(), "joat.jwks.max-staleness", "1h");
		if (maxStaleness.compareTo(refreshInterval) <= 0) {
			throw new JoatConfigurationException("joat.jwks.max-staleness",
					"joat.jwks.max-staleness (" + maxStaleness + ") must be longer than joat.jwks.refresh-interval ("
							+ refreshInterval + ")",
					"Set joat.jwks.max-staleness to several refresh intervals, e.g. 1h, or the keys would go stale"
							+ " between two successful refreshes.");
		}
		Duration unknownKeyWait = notNegative(jwks.getUnknownKeyWait(), "joat.jwks.unknown-key-wait", "500ms");
		Duration connectTimeout = JoatPropertyChecks.positive(jwks.getConnectTimeout(), "joat.jwks.connect-timeout",
				"2s");
		Duration readTimeout = JoatPropertyChecks.positive(jwks.getReadTimeout(), "joat.jwks.read-timeout", "5s");
		long maxSize = (jwks.getMaxSize() != null) ? jwks.getMaxSize().toBytes() : 0;
		if (maxSize <= 0 || maxSize > Integer.MAX_VALUE - 1) {
			throw new JoatConfigurationException("joat.jwks.max-size",
					"joat.jwks.max-size must be a positive size below 2GB; it is " + jwks.getMaxSize(),
					"Set joat.jwks.max-size to a positive size, e.g. 256KB.");
		}
		int maxKeys = JoatPropertyChecks.positive(jwks.getMaxKeys(), "joat.jwks.max-keys", "keys", "100");
		Duration awaitFirstKeys = notNegative(jwks.getAwaitFirstKeys(), "joat.jwks.await-first-keys", "10s");
		return new Jwks(refreshInterval, minimumRefreshInterval, maxStaleness, unknownKeyWait, jwks.isFailOpen(),
				connectTimeout, readTimeout, jwks.isAllowInsecureHttp(), (int) maxSize, maxKeys, awaitFirstKeys);
	}

	private static Duration notNegative(@Nullable Duration value, String property, String example) {
		if (value == null || value.isNegative()) {
			throw new JoatConfigurationException(property, property + " must be zero or positive; it is " + value,
					"Set " + property + " to 0 or a positive duration, e.g. " + example + ".");
		}
		return value;
	}

	/**
	 * The one key of {@code location}, bound to the one of {@code algorithms} that fits it. Never
	 * logs or shows the key.
	 */
	private static KeySet publicKey(String location, List<SignatureAlgorithm> algorithms,
			ResourceLoader resourceLoader) {
		String property = PREFIX + "public-key-location";
		Resource resource = resourceLoader.getResource(location.trim());
		String pem;
		try (InputStream in = resource.getInputStream()) {
			pem = new String(in.readNBytes(64 * 1024), StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new JoatConfigurationException(property, property + " (" + location + ") cannot be read",
					"Set " + property + " to a readable PEM file holding the issuer's public key, e.g."
							+ " classpath:issuer.pub or file:/etc/keys/issuer.pub.");
		}
		PublicKey key = parsePem(pem);
		if (key == null) {
			throw new JoatConfigurationException(property,
					property + " (" + location + ") holds no PEM \"PUBLIC KEY\" of an RSA, EC or Ed25519 key",
					"Give the issuer's public key as an X.509 SubjectPublicKeyInfo in PEM, starting with"
							+ " '-----BEGIN PUBLIC KEY-----' (e.g. 'openssl pkey -pubout'); never a private key or a"
							+ " certificate.");
		}
		List<SignatureAlgorithm> fitting = new ArrayList<>();
		String refusal = null;
		for (SignatureAlgorithm algorithm : algorithms) {
			try {
				VerificationKey.of(algorithm, key);
				fitting.add(algorithm);
			}
			catch (IllegalArgumentException ex) {
				refusal = (refusal != null) ? refusal : ex.getMessage();
			}
		}
		if (fitting.size() != 1) {
			throw new JoatConfigurationException(property, property + " holds " + describe(key) + " key, which "
					+ (fitting.isEmpty() ? "fits none" : "fits several") + " of the algorithms " + algorithms
					+ " of " + PREFIX + "jws-algorithms"
					+ ((fitting.isEmpty() && refusal != null) ? " (" + refusal + ")" : ""),
					"Set " + PREFIX + "jws-algorithms to exactly one algorithm of this key's type (RS256 is the"
							+ " default), or give the key that signs the tokens.");
		}
		return KeySet.of(VerificationKey.of(fitting.get(0), key));
	}

	private static String describe(PublicKey key) {
		return switch (key.getAlgorithm()) {
			case "RSA" -> "an RSA";
			case "EC" -> "an EC";
			default -> "an " + key.getAlgorithm();
		};
	}

	private static @Nullable PublicKey parsePem(String pem) {
		String begin = "-----BEGIN PUBLIC KEY-----";
		String end = "-----END PUBLIC KEY-----";
		int start = pem.indexOf(begin);
		int stop = pem.indexOf(end);
		if (start < 0 || stop < start) {
			return null;
		}
		byte[] der;
		try {
			der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), stop));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		for (String type : List.of("RSA", "EC", "Ed25519")) {
			try {
				return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
			}
			catch (GeneralSecurityException | RuntimeException ex) {
				// Not this type: try the next.
			}
		}
		return null;
	}

}
