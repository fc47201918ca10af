package dev.joat.spring.boot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.joat.HmacAlgorithm;
import dev.joat.spring.security.ScopeAuthoritiesConverter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The resource-server part of {@link JoatSettings}: {@code joat.*} merged with Spring Boot's own
 * {@code spring.security.oauth2.resourceserver.jwt.*}, checked once, at startup: a user who knows
 * Boot's properties gets what they say.
 *
 * <ul>
 * <li>{@code authority-prefix}, {@code principal-claim-name} and {@code audiences} win over joat's
 * defaults; set beside {@code joat.authority-prefix}, {@code joat.principal-claim} or
 * {@code joat.audiences} with another value, startup fails naming both.</li>
 * <li>{@code authorities-claim-name} and {@code authorities-claim-delimiter} choose where
 * authorities come from, as in Spring's {@code JwtGrantedAuthoritiesConverter}.</li>
 * <li>{@code jws-algorithms} narrows {@code joat.algorithms}, never widens it: only HMAC
 * algorithms, and at least one in common. When {@code jwk-set-uri}, {@code issuer-uri} or
 * {@code public-key-location} is set, it names the asymmetric algorithms instead
 * ({@link KeySettings}).</li>
 * </ul>
 * Boot's properties are bound here, from the environment, so that this works without Boot's
 * resource-server auto-configuration and tells an unset property from Boot's defaults.
 *
 * @param algorithms the accepted algorithms, in {@code joat.algorithms} order; the first signs
 * @param audiences the accepted audiences, and the {@code aud} of issued RFC 9068 tokens
 * @param authorityPrefix the prefix of each authority
 * @param principalClaim the claim naming the principal
 * @param authoritiesClaimName the one claim authorities come from; {@code null} for
 * {@code scp}/{@code scope}
 * @param authoritiesClaimDelimiter the regular expression splitting a string authorities claim,
 * {@code null} for a space
 */
record ResourceServerSettings(List<HmacAlgorithm> algorithms, List<String> audiences, String authorityPrefix,
		String principalClaim, @Nullable String authoritiesClaimName, @Nullable String authoritiesClaimDelimiter) {

	static final String BOOT_PREFIX = "spring.security.oauth2.resourceserver.jwt.";

	/**
	 * Merges and checks the properties.
	 * @param properties joat's bound properties
	 * @param binder the environment's binder, to read Boot's properties and to tell which
	 * {@code joat.*} properties are set
	 * @param keysMode whether tokens are verified with public keys ({@link KeySettings})
	 * @return the settings
	 * @throws JoatConfigurationException naming the property at fault
	 */
	static ResourceServerSettings of(JoatProperties properties, Binder binder, boolean keysMode) {
		// With public keys (KeySettings), jws-algorithms names asymmetric algorithms, and the HMAC
		// list is joat's default, never used to verify.
		List<HmacAlgorithm> algorithms = keysMode ? SecretSettings.algorithms(properties)
				: algorithms(properties, binder);
		List<String> audiences = audiences(properties, binder);
		String authorityPrefix = either(binder, "authority-prefix", "joat.authority-prefix",
				properties.getAuthorityPrefix());
		String principalClaim = either(binder, "principal-claim-name", "joat.principal-claim",
				properties.getPrincipalClaim());
		if (principalClaim == null || principalClaim.isBlank()) {
			String property = binder.bind(BOOT_PREFIX + "principal-claim-name", String.class).isBound()
					? BOOT_PREFIX + "principal-claim-name" : "joat.principal-claim";
			throw new JoatConfigurationException(property, property + " is blank",
					"Set it to the claim that names the principal, or remove it to use \"sub\".");
		}
		String claimName = binder.bind(BOOT_PREFIX + "authorities-claim-name", String.class).orElse(null);
		if (claimName != null && claimName.isBlank()) {
			throw new JoatConfigurationException(BOOT_PREFIX + "authorities-claim-name",
					BOOT_PREFIX + "authorities-claim-name is blank",
					"Set it to the claim that holds the authorities, or remove it to use the token's scope (scp or scope).");
		}
		String delimiter = binder.bind(BOOT_PREFIX + "authorities-claim-delimiter", String.class).orElse(null);
		if (delimiter != null) {
			checkDelimiter(delimiter);
		}
		return new ResourceServerSettings(List.copyOf(algorithms), List.copyOf(audiences), authorityPrefix,
				principalClaim, claimName, delimiter);
	}

	/** The converter of a token's scope (or configured claim) to authorities. */
	ScopeAuthoritiesConverter authoritiesConverter() {
		ScopeAuthoritiesConverter.Builder converter = ScopeAuthoritiesConverter.builder()
			.authorityPrefix(this.authorityPrefix);
		PropertyMapper map = PropertyMapper.get();
		map.from(this.authoritiesClaimName).to(converter::authoritiesClaimName);
		map.from(this.authoritiesClaimDelimiter).to(converter::authoritiesClaimDelimiter);
		return converter.build();
	}

	private static List<HmacAlgorithm> algorithms(JoatProperties properties, Binder binder) {
		List<HmacAlgorithm> joat = SecretSettings.algorithms(properties);
		List<String> names = binder.bind(BOOT_PREFIX + "jws-algorithms", Bindable.listOf(String.class)).orElse(List.of());
		if (names.isEmpty()) {
			return joat;
		}
		List<HmacAlgorithm> boot = new ArrayList<>();
		for (String name : names) {
			HmacAlgorithm algorithm = HmacAlgorithm.fromJwsName((name != null) ? name.trim() : null);
			if (algorithm == null) {
				throw new JoatConfigurationException(BOOT_PREFIX + "jws-algorithms", BOOT_PREFIX + "jws-algorithms names '"
						+ name + "', which joat does not verify",
						"joat verifies HMAC-signed tokens only: list only HS256, HS384 or HS512 in " + BOOT_PREFIX
								+ "jws-algorithms (it narrows joat.algorithms), or remove it.");
			}
			boot.add(algorithm);
		}
		List<HmacAlgorithm> narrowed = new ArrayList<>(joat);
		narrowed.retainAll(boot);
		if (narrowed.isEmpty()) {
			throw new JoatConfigurationException(BOOT_PREFIX + "jws-algorithms", BOOT_PREFIX + "jws-algorithms " + boot
					+ " and joat.algorithms " + joat + " have no algorithm in common",
					"joat accepts only the algorithms of both lists: add one of " + boot + " to joat.algorithms, or remove "
							+ BOOT_PREFIX + "jws-algorithms.");
		}
		return narrowed;
	}

	private static List<String> audiences(JoatProperties properties, Binder binder) {
		List<String> boot = binder.bind(BOOT_PREFIX + "audiences", Bindable.listOf(String.class)).orElse(List.of());
		List<String> joat = properties.getAudiences();
		if (boot.isEmpty()) {
			return joat;
		}
		if (!joat.isEmpty() && !new HashSet<>(joat).equals(new HashSet<>(boot))) {
			throw disagreement("audiences", "joat.audiences", joat, boot);
		}
		return joat.isEmpty() ? boot : joat;
	}

	/** Boot's property when set, checked against joat's when that is set too; else joat's. */
	private static String either(Binder binder, String bootName, String joatName, String joatValue) {
		String boot = binder.bind(BOOT_PREFIX + bootName, String.class).orElse(null);
		if (boot == null) {
			return joatValue;
		}
		if (binder.bind(joatName, String.class).isBound() && !Objects.equals(boot, joatValue)) {
			throw disagreement(bootName, joatName, joatValue, boot);
		}
		return boot;
	}

	private static JoatConfigurationException disagreement(String bootName, String joatName, Object joatValue,
			Object bootValue) {
		return new JoatConfigurationException(BOOT_PREFIX + bootName, BOOT_PREFIX + bootName + " (" + bootValue
				+ ") and " + joatName + " (" + joatValue + ") disagree",
				"Set only one of them: Spring Boot's " + BOOT_PREFIX + bootName + " wins over joat's default, and joat"
						+ " never chooses silently between two values you set.");
	}

	private static void checkDelimiter(String delimiter) {
		String property = BOOT_PREFIX + "authorities-claim-delimiter";
		if (delimiter.isEmpty()) {
			throw new JoatConfigurationException(property, property + " is empty",
					"Set it to the regular expression that separates authorities in the claim, e.g. ',' or ' ', or"
							+ " remove it to split at spaces.");
		}
		try {
			Pattern.compile(delimiter);
		}
		catch (PatternSyntaxException ex) {
			throw new JoatConfigurationException(property, property + " is not a valid regular expression",
					"Spring Security splits the claim with it as a regular expression: put a special character in"
							+ " brackets, e.g. '[|]' to split at '|'.");
		}
	}

}
