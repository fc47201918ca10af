package dev.joat.spring.boot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.joat.HmacAlgorithm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build generates from {@link JoatProperties} (what an IDE shows
 * for {@code joat.*}): every property has a description and a default, or is one of the few
 * listed here whose description says what happens when it is unset; closed sets have value hints.
 */
class ConfigurationMetadataTests {

	/** The properties with no default value: their descriptions must say what "unset" means. */
	private static final Set<String> WITHOUT_DEFAULT = Set.of("joat.issuer", "joat.secret", "joat.secret-base64",
			"joat.signing-kid", "joat.default-kid", "joat.resource");

	private static Map<String, JsonNode> properties;

	private static Map<String, JsonNode> hints;

	@BeforeAll
	static void readGeneratedMetadata() throws IOException {
		properties = new LinkedHashMap<>();
		hints = new LinkedHashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (URL url : Collections.list(ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				JsonNode metadata = json.readTree(in);
				for (JsonNode property : metadata.path("properties")) {
					if (property.path("name").asString().startsWith("joat.")) {
						properties.put(property.path("name").asString(), property);
					}
				}
				for (JsonNode hint : metadata.path("hints")) {
					if (hint.path("name").asString().startsWith("joat.")) {
						hints.put(hint.path("name").asString(), hint);
					}
				}
			}
		}
	}

	@Test
	void metadataWhenGeneratedThenEveryJoatPropertiesFieldListed() {
		List<String> expected = new ArrayList<>();
		for (Field field : JoatProperties.class.getDeclaredFields()) {
			if (Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			if (field.getType() == JoatProperties.Revocation.class || field.getType() == JoatProperties.Jwks.class) {
				for (Field nested : field.getType().getDeclaredFields()) {
					expected.add("joat." + kebab(field.getName()) + "." + kebab(nested.getName()));
				}
			}
			else {
				expected.add("joat." + kebab(field.getName()));
			}
		}
		assertThat(expected).hasSizeGreaterThan(15);
		assertThat(properties.keySet()).containsExactlyInAnyOrderElementsOf(expected);
	}

	@Test
	void metadataWhenAnyJoatPropertyThenItHasADescription() {
		assertThat(properties).allSatisfy((name, property) -> assertThat(property.path("description").asString())
			.as("description of %s", name)
			.isNotBlank()
			.endsWith("."));
	}

	@Test
	void metadataWhenAnyJoatPropertyThenDefaultOrListedAndDescriptionSaysWhatUnsetMeans() {
		assertThat(properties).allSatisfy((name, property) -> {
			if (WITHOUT_DEFAULT.contains(name)) {
				assertThat(property.has("defaultValue")).as("%s is listed as having no default", name).isFalse();
				assertThat(property.path("description").asString()).as("description of %s", name).contains("Unset: ");
			}
			else {
				assertThat(property.has("defaultValue")).as("default of %s", name).isTrue();
			}
		});
		assertThat(properties.keySet()).containsAll(WITHOUT_DEFAULT);
	}

	@Test
	void metadataWhenDefaultsThenTheyAreWhatAnUnboundJoatPropertiesHolds() {
		JoatProperties defaults = new JoatProperties();
		assertThat(properties.get("joat.algorithms").path("defaultValue").values().stream().map(JsonNode::asString))
			.containsExactlyElementsOf(defaults.getAlgorithms());
		assertThat(properties.get("joat.audiences").path("defaultValue").isEmpty()).isTrue();
		assertThat(defaults.getAudiences()).isEmpty();
		assertThat(properties.get("joat.secrets").path("defaultValue").isEmpty()).isTrue();
		assertThat(defaults.getSecrets()).isEmpty();
		assertThat(properties.get("joat.authority-prefix").path("defaultValue").asString())
			.isEqualTo(defaults.getAuthorityPrefix());
		assertThat(properties.get("joat.principal-claim").path("defaultValue").asString())
			.isEqualTo(defaults.getPrincipalClaim());
		assertThat(properties.get("joat.max-token-length").path("defaultValue").asInt())
			.isEqualTo(defaults.getMaxTokenLength());
		assertThat(properties.get("joat.profile").path("defaultValue").asString())
			.isEqualTo(defaults.getProfile().name().toLowerCase(Locale.ROOT));
		assertThat(properties.get("joat.accept-any-issuer").path("defaultValue").asBoolean()).isFalse();
		JoatProperties.Revocation revocation = defaults.getRevocation();
		assertThat(properties.get("joat.revocation.store").path("defaultValue").asString())
			.isEqualTo(revocation.getStore().propertyValue());
		assertThat(properties.get("joat.revocation.max-staleness").path("defaultValue").asString())
			.isEqualTo("30s");
		assertThat(revocation.getMaxStaleness()).hasSeconds(30);
		assertThat(properties.get("joat.revocation.fail-open").path("defaultValue").asBoolean())
			.isEqualTo(revocation.isFailOpen())
			.isFalse();
		assertThat(properties.get("joat.revocation.max-entries").path("defaultValue").asInt())
			.isEqualTo(revocation.getMaxEntries());
		assertThat(defaults.isAcceptAnyIssuer()).isFalse();
		JoatProperties.Jwks jwks = defaults.getJwks();
		assertThat(properties.get("joat.jwks.refresh-interval").path("defaultValue").asString()).isEqualTo("5m");
		assertThat(jwks.getRefreshInterval()).hasMinutes(5);
		assertThat(properties.get("joat.jwks.minimum-refresh-interval").path("defaultValue").asString()).isEqualTo("30s");
		assertThat(jwks.getMinimumRefreshInterval()).hasSeconds(30);
		assertThat(properties.get("joat.jwks.max-staleness").path("defaultValue").asString()).isEqualTo("1h");
		assertThat(jwks.getMaxStaleness()).hasHours(1);
		assertThat(properties.get("joat.jwks.unknown-key-wait").path("defaultValue").asString()).isEqualTo("500ms");
		assertThat(jwks.getUnknownKeyWait()).hasMillis(500);
		assertThat(properties.get("joat.jwks.connect-timeout").path("defaultValue").asString()).isEqualTo("2s");
		assertThat(jwks.getConnectTimeout()).hasSeconds(2);
		assertThat(properties.get("joat.jwks.read-timeout").path("defaultValue").asString()).isEqualTo("5s");
		assertThat(jwks.getReadTimeout()).hasSeconds(5);
		assertThat(properties.get("joat.jwks.await-first-keys").path("defaultValue").asString()).isEqualTo("0");
		assertThat(jwks.getAwaitFirstKeys()).isZero();
		assertThat(properties.get("joat.jwks.max-keys").path("defaultValue").asInt()).isEqualTo(jwks.getMaxKeys())
			.isEqualTo(100);
		assertThat(properties.get("joat.jwks.max-size").path("defaultValue").asString()).isEqualTo("256KB");
		assertThat(jwks.getMaxSize().toKilobytes()).isEqualTo(256);
		assertThat(properties.get("joat.jwks.fail-open").path("defaultValue").asBoolean()).isFalse();
		assertThat(properties.get("joat.jwks.allow-insecure-http").path("defaultValue").asBoolean()).isFalse();
	}

	/**
	 * Spring Boot's rules for descriptions ("Creating Your Own Auto-configuration", Configuration
	 * Keys): no leading "The" or "A"; "Whether" or "Enable" for a boolean; "Comma-separated list"
	 * for a collection of values ({@code joat.secrets}, a list of objects, cannot be written so);
	 * no default value in the description, since the metadata carries it (a default decided at
	 * runtime, "Unset: ...", is allowed); and a {@code defaultValue} for every field with an
	 * initializer.
	 */
	@Test
	void metadataWhenAnyJoatPropertyThenDescriptionFollowsSpringBootConventions() {
		BeanWrapper defaults = new BeanWrapperImpl(new JoatProperties());
		assertThat(properties).allSatisfy((name, property) -> {
			String description = property.path("description").asString();
			String type = property.path("type").asString();
			assertThat(description).as("description of %s", name).isNotBlank().doesNotStartWith("The ")
				.doesNotStartWith("A ").doesNotStartWith("An ").doesNotContainPattern("(?i)\\bdefault");
			if (type.equals("java.lang.Boolean") || type.equals("boolean")) {
				assertThat(description).as("description of boolean %s", name).matches("^(Whether|Enable) .*");
			}
			if (type.matches("java\\.util\\.(List|Set|Collection)<java\\.lang\\.String>")) {
				assertThat(description).as("description of list %s", name).startsWith("Comma-separated list");
			}
			Object initialized = defaults.getPropertyValue(camelCase(name.substring("joat.".length())));
			if (initialized != null) {
				assertThat(property.has("defaultValue")).as("default of %s, initialized to %s", name, initialized)
					.isTrue();
			}
		});
	}

	@Test
	void metadataWhenClosedSetThenValueHintsListEveryValue() {
		assertThat(hintValues("joat.algorithms"))
			.containsExactlyElementsOf(Arrays.stream(HmacAlgorithm.values()).map(HmacAlgorithm::jwsName).toList());
		assertThat(hintValues("joat.profile")).containsExactlyElementsOf(
				Arrays.stream(JoatProperties.Profile.values()).map((profile) -> profile.name().toLowerCase(Locale.ROOT)).toList());
		assertThat(hintValues("joat.revocation.store")).containsExactlyElementsOf(
				Arrays.stream(JoatProperties.Revocation.Store.values()).map(JoatProperties.Revocation.Store::propertyValue).toList());
		assertThat(hints.get("joat.algorithms").path("values")).allSatisfy(
				(value) -> assertThat(value.path("description").asString()).isNotBlank());
	}

	@Test
	void metadataWhenSecretsThenDescriptionNamesEveryFieldOfAnEntry() {
		String description = properties.get("joat.secrets").path("description").asString();
		for (Field field : JoatProperties.KeyedSecret.class.getDeclaredFields()) {
			assertThat(description).as("joat.secrets[n].%s", kebab(field.getName())).contains(" " + kebab(field.getName()));
		}
		assertThat(properties.get("joat.secrets").path("type").asString())
			.isEqualTo("java.util.List<dev.joat.spring.boot.JoatProperties$KeyedSecret>");
	}

	private static List<String> hintValues(String name) {
		assertThat(hints).containsKey(name);
		return hints.get(name).path("values").values().stream().map((value) -> value.path("value").asString()).toList();
	}

	private static String camelCase(String kebabPath) {
		Matcher dash = Pattern.compile("-([a-z0-9])").matcher(kebabPath);
		return dash.replaceAll((match) -> match.group(1).toUpperCase(Locale.ROOT));
	}

	private static String kebab(String camelCase) {
		return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

}
