package dev.joat.revocation.redis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.joat.revocation.redis.autoconfigure.RedisRevocationProperties;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's section on Redis revocation names the module's properties with their defaults: they
 * must be the ones the configuration metadata (generated from {@link RedisRevocationProperties})
 * declares.
 */
class ReadmeRedisRevocationTests {

	@Test
	void readmeWhenItListsRedisPropertiesThenEachIsDeclaredWithThatDefault() throws IOException {
		String readme = Files.readString(Path.of("..", "README.md"));
		int section = readme.indexOf("### Revocation shared by many nodes: Redis");
		assertThat(section).as("README.md has the Redis revocation section").isNotNegative();
		int start = readme.indexOf("```properties\n", section) + "```properties\n".length();
		String block = readme.substring(start, readme.indexOf("```", start));
		Map<String, String> shown = new LinkedHashMap<>();
		for (String line : block.split("\n")) {
			if (line.startsWith("joat.revocation.redis.")) {
				shown.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
			}
		}

		Map<String, String> declared = new LinkedHashMap<>();
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			for (JsonNode property : JsonMapper.builder().build().readTree(metadata).get("properties")) {
				declared.put(property.get("name").asString(), property.get("defaultValue").asString());
			}
		}
		assertThat(shown).isEqualTo(declared);
	}

}
