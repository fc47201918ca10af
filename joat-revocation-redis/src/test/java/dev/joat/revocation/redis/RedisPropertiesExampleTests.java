package dev.joat.revocation.redis;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import dev.joat.revocation.redis.autoconfigure.RedisRevocationProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site's page on revocation shows the module's properties with their defaults, from
 * {@code dev/joat/docs/redis-revocation.properties} (included by docs/build.sh): they must be the
 * ones the configuration metadata (generated from {@link RedisRevocationProperties}) declares.
 */
class RedisPropertiesExampleTests {

	@Test
	void exampleWhenItListsRedisPropertiesThenEachIsDeclaredWithThatDefault() throws IOException {
		Properties example = new Properties();
		try (InputStream file = getClass().getResourceAsStream("/dev/joat/docs/redis-revocation.properties")) {
			example.load(file);
		}
		Map<String, String> shown = new LinkedHashMap<>();
		for (String name : example.stringPropertyNames()) {
			if (name.startsWith("joat.revocation.redis.")) {
				shown.put(name, example.getProperty(name));
			}
		}

		Map<String, String> declared = new LinkedHashMap<>();
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			for (JsonNode property : JsonMapper.builder().build().readTree(metadata).get("properties")) {
				declared.put(property.get("name").asString(), property.get("defaultValue").asString());
			}
		}
		assertThat(shown).containsExactlyInAnyOrderEntriesOf(declared);
	}

}
