package dev.joat.sample.token;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the build generates from {@link ClientAuthenticationProperties}: the
 * bound of the known-client lane is listed with its type, default and description, as the IDE
 * shows it.
 */
class ClientAuthenticationPropertiesMetadataTests {

	@Test
	void metadataWhenGeneratedThenKnownCheckWaitListedWithItsDefaultAndDescription() throws IOException {
		JsonNode property = properties().get("joat.sample.client-authentication.known-check-wait");
		assertThat(property).isNotNull();
		assertThat(property.path("type").asString()).isEqualTo("java.time.Duration");
		assertThat(property.path("defaultValue").asString()).isEqualTo("5s");
		assertThat(property.path("description").asString())
			.startsWith("How long a request from an address known for the client waits for a free check")
			.contains("503 with Retry-After");
	}

	private static Map<String, JsonNode> properties() throws IOException {
		Map<String, JsonNode> properties = new LinkedHashMap<>();
		JsonMapper json = JsonMapper.builder().build();
		for (URL url : Collections.list(ClientAuthenticationPropertiesMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					properties.put(property.path("name").asString(), property);
				}
			}
		}
		return properties;
	}

}
