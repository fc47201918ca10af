package dev.joat.spring.boot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.joat.HmacAlgorithm;
import dev.joat.SecretResolver;
import dev.joat.SecretRing;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The key part of {@link JoatSettings}: {@code joat.algorithms}, and {@code joat.secret},
 * {@code joat.secret-base64} or {@code joat.secrets} checked and turned into a
 * {@link SecretResolver}. Every misconfiguration is a
 * {@link JoatConfigurationException} naming the property; secrets never appear in its messages.
 */
final class SecretSettings {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.\\-]+)(?::.*)?}");

	private SecretSettings() {
	}

	/** The configured algorithms, in order; the first signs. */
	static List<HmacAlgorithm> algorithms(JoatProperties properties) {
		List<String> names = properties.getAlgorithms();
		if (names == null || names.isEmpty()) {
			throw new JoatConfigurationException("joat.algorithms", "joat.algorithms is empty",
					"Set joat.algorithms to one or more of HS256, HS384, HS512 (HS256 is the default).");
		}
		Set<HmacAlgorithm> algorithms = new LinkedHashSet<>();
		for (String name : names) {
			algorithms.add(algorithm(name, "joat.algorithms"));
		}
		return new ArrayList<>(algorithms);
	}

	private static HmacAlgorithm algorithm(@Nullable String name, String property) {
		HmacAlgorithm algorithm = HmacAlgorithm.fromJwsName((name != null) ? name.trim() : null);
		if (algorithm == null) {
			throw new JoatConfigurationException(property, property + " names an unknown algorithm '" + name + "'",
					"Use HS256, HS384 or HS512: joat signs with HMAC only; 'none' and asymmetric algorithms are never accepted.");
		}
		return algorithm;
	}

	/**
	 * Which property holds the secret: {@code joat.secret}, {@code joat.secret-base64},
	 * {@code joat.secrets}, or {@code null} when none is set.
	 * @throws JoatConfigurationException when more than one is set
	 */
	static @Nullable String source(JoatProperties properties) {
		boolean text = properties.getSecret() != null;
		boolean base64 = properties.getSecretBase64() != null;
		boolean keyed = properties.getSecrets() != null && !properties.getSecrets().isEmpty();
		if ((text ? 1 : 0) + (base64 ? 1 : 0) + (keyed ? 1 : 0) > 1) {
			throw new JoatConfigurationException(text && base64 ? "joat.secret-base64" : "joat.secrets",
					"more than one of joat.secret, joat.secret-base64 and joat.secrets is set",
					"Set exactly one of them: joat.secret for a text secret, joat.secret-base64 for random bytes,"
							+ " joat.secrets for several secrets by kid.");
		}
		return keyed ? "joat.secrets" : text ? "joat.secret" : base64 ? "joat.secret-base64" : null;
	}

	/** The failure when the starter needs a secret and none is configured. */
	static JoatConfigurationException noSecret() {
		return new JoatConfigurationException("joat.secret", "no secret is configured",
				"Set joat.secret (at least 32 bytes for HS256) or joat.secret-base64, or joat.secrets for rotation,"
						+ " or define a dev.joat.SecretResolver bean.");
	}

	/**
	 * The secret resolver the properties describe: one fixed secret ({@code joat.secret} or
	 * {@code joat.secret-base64}) or a {@link SecretRing} ({@code joat.secrets}), each key bound to
	 * one of {@code algorithms}, the accepted ones.
	 */
	static SecretResolver secretResolver(JoatProperties properties, String source, List<HmacAlgorithm> algorithms) {
		if (source.equals("joat.secrets")) {
			return secretRing(properties, algorithms);
		}
		boolean text = source.equals("joat.secret");
		String value = text ? properties.getSecret() : properties.getSecretBase64();
		Assert.state(value != null, "no secret in " + source);
		checkResolved(value, source);
		byte[] secret = text ? value.getBytes(StandardCharsets.UTF_8) : decodeBase64(value, source);
		checkLength(secret, algorithms, source, properties.isAllowShortSecrets());
		return SecretResolver.of(secret);
	}

	private static SecretRing secretRing(JoatProperties properties, List<HmacAlgorithm> algorithms) {
		SecretRing.Builder ring = SecretRing.builder();
		Set<String> kids = new LinkedHashSet<>();
		for (int i = 0; i < properties.getSecrets().size(); i++) {
			JoatProperties.KeyedSecret keyed = properties.getSecrets().get(i);
			String prefix = "joat.secrets[" + i + "]";
			if (keyed.getKid() == null || keyed.getKid().isBlank()) {
				throw new JoatConfigurationException(prefix + ".kid", prefix + ".kid is missing",
						"Give every secret of joat.secrets a kid, e.g. the month it was introduced.");
			}
			if (!kids.add(keyed.getKid())) {
				throw new JoatConfigurationException(prefix + ".kid", "kid '" + keyed.getKid() + "' is used twice",
						"Give every secret of joat.secrets its own kid.");
			}
			if ((keyed.getSecret() == null) == (keyed.getSecretBase64() == null)) {
				throw new JoatConfigurationException(prefix + ".secret",
						prefix + " needs exactly one of secret and secret-base64",
						"Set " + prefix + ".secret (text) or " + prefix + ".secret-base64 (random bytes), not both.");
			}
			HmacAlgorithm algorithm = (keyed.getAlgorithm() != null) ? algorithm(keyed.getAlgorithm(), prefix + ".algorithm")
					: algorithms.get(0);
			if (!algorithms.contains(algorithm)) {
				throw new JoatConfigurationException(prefix + ".algorithm",
						prefix + ".algorithm " + algorithm + " is not in joat.algorithms " + algorithms
								+ (algorithms.equals(algorithms(properties)) ? ""
										: " (narrowed by spring.security.oauth2.resourceserver.jwt.jws-algorithms)"),
						"Add " + algorithm + " to joat.algorithms or bind this key to an allowed algorithm.");
			}
			String property = (keyed.getSecret() != null) ? prefix + ".secret" : prefix + ".secret-base64";
			checkResolved((keyed.getSecret() != null) ? keyed.getSecret() : keyed.getSecretBase64(), property);
			byte[] secret = (keyed.getSecret() != null) ? keyed.getSecret().getBytes(StandardCharsets.UTF_8)
					: decodeBase64(keyed.getSecretBase64(), property);
			checkLength(secret, List.of(algorithm), property, false);
			ring.secret(keyed.getKid(), algorithm, secret);
		}
		String signingKid = properties.getSigningKid();
		if (signingKid != null && !kids.contains(signingKid)) {
			throw new JoatConfigurationException("joat.signing-kid", "joat.signing-kid '" + signingKid
					+ "' names no secret of joat.secrets", "Set joat.signing-kid to one of " + kids + ".");
		}
		String defaultKid = properties.getDefaultKid();
		if (defaultKid != null && !kids.contains(defaultKid)) {
			throw new JoatConfigurationException("joat.default-kid", "joat.default-kid '" + defaultKid
					+ "' names no secret of joat.secrets", "Set joat.default-kid to one of " + kids + ".");
		}
		return ring.signingKeyId(signingKid).defaultKeyId(defaultKid).build();
	}

	/**
	 * Refuses a blank secret and one still holding {@code ${}: Spring leaves a placeholder it cannot
	 * resolve as literal text, which must never become the HMAC secret. The message may name the
	 * placeholder's variable (a name, not a secret) but never shows the value.
	 */
	private static void checkResolved(String value, String property) {
		if (value.isBlank()) {
			throw new JoatConfigurationException(property, property + " is blank",
					"Set " + property + " to a secret of at least 32 random bytes. If it is a placeholder such as"
							+ " ${JOAT_SECRET}, its variable is set but empty.");
		}
		if (value.contains("${")) {
			String variable = placeholderVariable(value);
			if (variable != null) {
				throw new JoatConfigurationException(property,
						property + " is the placeholder ${" + variable + "}, which did not resolve",
						"Set " + variable + " (an environment variable or a property) to the secret, or set " + property
								+ " itself. A secret containing '${' is always refused, so that a missing variable"
								+ " never becomes the secret.");
			}
			throw new JoatConfigurationException(property,
					property + " contains '${', a placeholder that did not resolve",
					"Define the variable the placeholder names (an environment variable or a property), or set "
							+ property + " without '${'. If the secret really contains '${', give it base64-encoded as"
							+ " a secret-base64 property.");
		}
	}

	/** The variable of a value that is exactly one placeholder, {@code ${NAME}} or {@code ${NAME:…}}. */
	private static @Nullable String placeholderVariable(String value) {
		Matcher placeholder = PLACEHOLDER.matcher(value.trim());
		return placeholder.matches() ? placeholder.group(1) : null;
	}

	private static byte[] decodeBase64(String value, String property) {
		try {
			return Base64.getDecoder().decode(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new JoatConfigurationException(property, property + " is not valid base64",
					"Set " + property + " to the standard base64 encoding of the secret bytes, e.g. the output of"
							+ " 'openssl rand -base64 32'.");
		}
	}

	private static void checkLength(byte[] secret, List<HmacAlgorithm> algorithms, String property,
			boolean allowShortSecrets) {
		if (allowShortSecrets) {
			return;
		}
		for (HmacAlgorithm algorithm : algorithms) {
			if (secret.length < algorithm.minimumSecretLength()) {
				throw new JoatConfigurationException(property, property + " is shorter than the "
						+ algorithm.minimumSecretLength() + " bytes " + algorithm.jwsName() + " requires (RFC 7518 §3.2)",
						"Use a secret of at least " + algorithm.minimumSecretLength() + " random bytes (e.g. 'openssl rand"
								+ " -base64 " + algorithm.minimumSecretLength() + "' as joat.secret-base64). Only to migrate a"
								+ " legacy PyJOAT deployment, set joat.allow-short-secrets=true.");
			}
		}
	}

}
