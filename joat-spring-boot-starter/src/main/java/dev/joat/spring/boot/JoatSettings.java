package dev.joat.spring.boot;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import dev.joat.MacAlgorithm;
import dev.joat.SecretResolver;
import dev.joat.SecretRing;

/**
 * {@link JoatProperties} checked once, at startup, and turned into joat-core's types. Every
 * misconfiguration is a {@link JoatConfigurationException} naming the property; secrets never
 * appear in its messages.
 */
final class JoatSettings {

	private JoatSettings() {
	}

	/** The configured algorithms, in order; the first signs. */
	static List<MacAlgorithm> algorithms(JoatProperties properties) {
		List<String> names = properties.getAlgorithms();
		if (names == null || names.isEmpty()) {
			throw new JoatConfigurationException("joat.algorithms", "joat.algorithms is empty",
					"Set joat.algorithms to one or more of HS256, HS384, HS512 (HS256 is the default).");
		}
		Set<MacAlgorithm> algorithms = new LinkedHashSet<>();
		for (String name : names) {
			algorithms.add(algorithm(name, "joat.algorithms"));
		}
		return new ArrayList<>(algorithms);
	}

	private static MacAlgorithm algorithm(String name, String property) {
		MacAlgorithm algorithm = MacAlgorithm.fromJwsName((name != null) ? name.trim() : null);
		if (algorithm == null) {
			throw new JoatConfigurationException(property, property + " names an unknown algorithm '" + name + "'",
					"Use HS256, HS384 or HS512: joat signs with HMAC only; 'none' and asymmetric algorithms are never accepted.");
		}
		return algorithm;
	}

	/**
	 * The secret resolver the properties describe: one fixed secret ({@code joat.secret} or
	 * {@code joat.secret-base64}) or a {@link SecretRing} ({@code joat.secrets}).
	 */
	static SecretResolver secretResolver(JoatProperties properties) {
		List<MacAlgorithm> algorithms = algorithms(properties);
		boolean text = properties.getSecret() != null;
		boolean base64 = properties.getSecretBase64() != null;
		boolean keyed = properties.getSecrets() != null && !properties.getSecrets().isEmpty();
		if ((text ? 1 : 0) + (base64 ? 1 : 0) + (keyed ? 1 : 0) > 1) {
			throw new JoatConfigurationException(text && base64 ? "joat.secret-base64" : "joat.secrets",
					"more than one of joat.secret, joat.secret-base64 and joat.secrets is set",
					"Set exactly one of them: joat.secret for a text secret, joat.secret-base64 for random bytes,"
							+ " joat.secrets for several secrets by kid.");
		}
		if (keyed) {
			return secretRing(properties, algorithms);
		}
		if (!text && !base64) {
			throw new JoatConfigurationException("joat.secret", "no secret is configured",
					"Set joat.secret (at least 32 bytes for HS256) or joat.secret-base64, or joat.secrets for rotation,"
							+ " or define a dev.joat.SecretResolver bean.");
		}
		String property = text ? "joat.secret" : "joat.secret-base64";
		byte[] secret = text ? properties.getSecret().getBytes(StandardCharsets.UTF_8)
				: decodeBase64(properties.getSecretBase64(), property);
		checkLength(secret, algorithms, property, properties.isAllowShortSecrets());
		return SecretResolver.of(secret);
	}

	private static SecretRing secretRing(JoatProperties properties, List<MacAlgorithm> algorithms) {
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
			MacAlgorithm algorithm = (keyed.getAlgorithm() != null) ? algorithm(keyed.getAlgorithm(), prefix + ".algorithm")
					: algorithms.get(0);
			if (!algorithms.contains(algorithm)) {
				throw new JoatConfigurationException(prefix + ".algorithm",
						prefix + ".algorithm " + algorithm + " is not in joat.algorithms " + algorithms,
						"Add " + algorithm + " to joat.algorithms or bind this key to an allowed algorithm.");
			}
			String property = (keyed.getSecret() != null) ? prefix + ".secret" : prefix + ".secret-base64";
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

	private static void checkLength(byte[] secret, List<MacAlgorithm> algorithms, String property,
			boolean allowShortSecrets) {
		if (secret.length == 0) {
			throw new JoatConfigurationException(property, property + " is empty",
					"Set " + property + " to a secret of at least 32 random bytes.");
		}
		if (allowShortSecrets) {
			return;
		}
		for (MacAlgorithm algorithm : algorithms) {
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
