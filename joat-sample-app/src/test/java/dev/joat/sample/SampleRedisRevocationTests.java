package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.joat.revocation.redis.RedisServer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample switched to Redis by one property ({@code joat.revocation.store=redis}, plus
 * {@code spring.data.redis.*} to find it), against a real {@code redis-server} started on a free
 * port and stopped by its PID: a token revoked through the sample is recorded in Redis and refused
 * by the API, and Boot's Redis health indicator reports it. On the default in-process store the same
 * build has no Redis health indicator, and its health is UP with no Redis running.
 *
 * <p>The applications are started here rather than by {@code @SpringBootTest}, so that each is
 * closed before the Redis it uses is stopped. {@code redis-server} must be installed ({@code .ci/run}
 * installs it): without it these tests fail, they do not skip.
 */
class SampleRedisRevocationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration PROPAGATION_BOUND = Duration.ofSeconds(10);

	private static RedisServer redis;

	private static int redisPort;

	private static ConfigurableApplicationContext onRedis;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startRedisAndSample() throws Exception {
		redis = RedisServer.start();
		redisPort = redis.port();
		onRedis = sample("joat.revocation.store=redis", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + redisPort, "spring.data.redis.timeout=2s");
	}

	@AfterAll
	static void stopSampleThenRedis() {
		if (onRedis != null) {
			onRedis.close();
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void revokeWhenStoreIsRedisThenRecordedInRedisAndApiRefusesToken() throws Exception {
		int port = port(onRedis, "local.server.port");
		String token = accessToken(port);
		assertThat(get(port, "/api/read", token).statusCode()).isEqualTo(200);
		assertThat(post(port, "/oauth2/revoke", "token=" + token).statusCode()).isEqualTo(200);
		// One revoked-token key (joat-revocation-redis's layout: <prefix>t:<expiresAtMillis>:<jti>).
		assertThat(redis.command("KEYS joat:revocation:t:*")).isEqualTo("*1");
		long deadline = System.nanoTime() + PROPAGATION_BOUND.toNanos();
		int status = get(port, "/api/read", token).statusCode();
		while (status != 401 && System.nanoTime() < deadline) {
			Thread.sleep(20);
			status = get(port, "/api/read", token).statusCode();
		}
		assertThat(status).isEqualTo(401);
		assertThat(post(port, "/oauth2/introspect", "token=" + token).body()).isEqualTo("{\"active\":false}");
	}

	@Test
	void healthWhenStoreIsRedisThenRedisIndicatorUp() throws Exception {
		Map<String, Object> health = health(port(onRedis, "local.management.port"));
		assertThat(health).containsEntry("status", "UP");
		assertThat(health.get("components")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("redis", Map.of("status", "UP"));
	}

	@Test
	void healthWhenStoreInMemoryThenUpWithoutRedisIndicatorOrRedis() throws Exception {
		try (ConfigurableApplicationContext inMemory = sample("spring.data.redis.port=" + RedisServer.freePort())) {
			Map<String, Object> health = health(port(inMemory, "local.management.port"));
			assertThat(health).containsEntry("status", "UP");
			assertThat(health.get("components")).asInstanceOf(InstanceOfAssertFactories.MAP)
				.doesNotContainKey("redis");
			int port = port(inMemory, "local.server.port");
			String token = accessToken(port);
			assertThat(post(port, "/oauth2/revoke", "token=" + token).statusCode()).isEqualTo(200);
			assertThat(get(port, "/api/read", token).statusCode()).isEqualTo(401);
		}
	}

	/**
	 * The sample on random ports, health showing its components, with {@code properties} set as
	 * command-line arguments (which, unlike default properties, win over its application.yml).
	 */
	private static ConfigurableApplicationContext sample(String... properties) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--joat.secret=" + SampleApplicationTests.SECRET, "--joat.issuer=" + SampleApplicationTests.ISSUER,
				"--management.endpoint.health.show-components=always"));
		for (String property : properties) {
			arguments.add("--" + property);
		}
		return new SpringApplicationBuilder(SampleApplication.class).run(arguments.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context, String property) {
		return context.getEnvironment().getRequiredProperty(property, Integer.class);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> health(int managementPort) throws Exception {
		HttpResponse<String> response = get(managementPort, "/actuator/health", null);
		return JSON.readValue(response.body(), Map.class);
	}

	private String accessToken(int port) throws Exception {
		HttpResponse<String> response = post(port, "/oauth2/token", "grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private HttpResponse<String> get(int port, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(int port, String path, String form) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", SampleRevocationTests.DEMO)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
