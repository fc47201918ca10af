package dev.joat.revocation.redis.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.boot.convert.DurationStyle;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build generates from {@link RedisRevocationProperties} follows
 * Spring Boot's rules for descriptions ("Creating Your Own Auto-configuration", Configuration
 * Keys), as the starter's {@code joat.*} metadata does.
 */
class RedisRevocationPropertiesMetadataTests {

	private static final String PREFIX = "joat.revocation.redis.";

	private static Map<String, JsonNode> properties;

	@BeforeAll
	static void readGeneratedMetadata() throws IOException {
		properties = new LinkedHashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (URL url : Collections.list(RedisRevocationPropertiesMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					if (property.path("name").asString().startsWith(PREFIX)) {
						properties.put(property.path("name").asString(), property);
					}
				}
			}
		}
	}

	@Test
	void metadataWhenGeneratedThenEveryFieldListed() {
		List<String> expected = new ArrayList<>();
		for (Field field : RedisRevocationProperties.class.getDeclaredFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				expected.add(PREFIX + field.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
			}
		}
		assertThat(properties.keySet()).isNotEmpty().containsExactlyInAnyOrderElementsOf(expected);
	}

	/**
	 * No leading "The" or "A"; "Whether" or "Enable" for a boolean; "Comma-separated list" for a
	 * collection; no default value in the description, since the metadata carries it; and a
	 * {@code defaultValue} equal to what an unbound instance holds.
	 */
	@Test
	void metadataWhenAnyPropertyThenDescriptionFollowsSpringBootConventionsAndDefaultIsRecorded() {
		BeanWrapper defaults = new BeanWrapperImpl(new RedisRevocationProperties());
		assertThat(properties).allSatisfy((name, property) -> {
			String description = property.path("description").asString();
			String type = property.path("type").asString();
			assertThat(description).as("description of %s", name)
				.isNotBlank()
				.endsWith(".")
				.doesNotStartWith("The ")
				.doesNotStartWith("A ")
				.doesNotStartWith("An ")
				.doesNotContainPattern("(?i)\\bdefault");
			if (type.equals("java.lang.Boolean") || type.equals("boolean")) {
				assertThat(description).as("description of boolean %s", name).matches("^(Whether|Enable) .*");
			}
			if (type.startsWith("java.util.List") || type.startsWith("java.util.Set")) {
				assertThat(description).as("description of list %s", name).startsWith("Comma-separated list");
			}
			Object initialized = defaults.getPropertyValue(camelCase(name.substring(PREFIX.length())));
			assertThat(initialized).as("initial value of %s", name).isNotNull();
			assertThat(property.path("defaultValue").isMissingNode()).as("default of %s", name).isFalse();
			assertThat(bound(property.path("defaultValue"), initialized)).as("default of %s", name)
				.isEqualTo(initialized);
		});
	}

	/** The value an unbound instance holds, as the configuration processor writes it. */
	private static Object bound(JsonNode defaultValue, Object initialized) {
		return (initialized instanceof Duration) ? DurationStyle.detectAndParse(defaultValue.asString())
				: (initialized instanceof Integer) ? defaultValue.asInt() : defaultValue.asString();
	}

	private static String camelCase(String kebab) {
		return Pattern.compile("-([a-z0-9])").matcher(kebab).replaceAll((dash) -> dash.group(1).toUpperCase(Locale.ROOT));
	}

}
