package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.joat.revocation.redis.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two sample instances and one real {@code redis-server} (started on a free port, stopped by its
 * PID): a token revoked through instance A's {@code /oauth2/revoke} is refused by instance B within
 * the configured bound ({@code joat.revocation.max-staleness}, 2 s here). The observed delays are
 * printed; {@code docs/pages/scaling.md} quotes them.
 */
class SampleTwoInstancesRedisRevocationTests {

	private static final Duration MAX_STALENESS = Duration.ofSeconds(2);

	private static final int SAMPLES = 10;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static RedisServer redis;

	private static int redisPort;

	private static ConfigurableApplicationContext a;

	private static ConfigurableApplicationContext b;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startRedisAndTwoInstances() throws Exception {
		redis = RedisServer.start();
		redisPort = redis.port();
		a = instance();
		b = instance();
	}

	@AfterAll
	static void stopInstancesThenRedis() {
		for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] { a, b }) {
			if (instance != null) {
				instance.close();
			}
		}
		if (redis != null) {
			redis.close();
		}
	}

	@Test
	void revokeWhenRevokedThroughInstanceAThenInstanceBRefusesTheTokenWithinTheBound() throws Exception {
		int portA = port(a);
		int portB = port(b);
		long[] sinceRequest = new long[SAMPLES];
		long[] sinceAnswer = new long[SAMPLES];
		for (int i = 0; i < SAMPLES; i++) {
			String token = accessToken(portA);
			awaitStatus(portB, token, 200, Duration.ofSeconds(30));

			long requested = System.nanoTime();
			assertThat(revoke(portA, token).statusCode()).isEqualTo(200);
			long answered = System.nanoTime();
			awaitStatus(portB, token, 401, MAX_STALENESS);
			long refused = System.nanoTime();
			sinceRequest[i] = refused - requested;
			sinceAnswer[i] = refused - answered;
			assertThat(Duration.ofNanos(sinceRequest[i])).isLessThan(MAX_STALENESS);
		}
		// Printed for docs/pages/scaling.md. The revoke request itself includes the client's authentication.
		System.out.println("Two sample instances, one redis-server, " + SAMPLES + " tokens revoked through A's"
				+ " /oauth2/revoke, B polled over HTTP until 401: from the revoke request " + summary(sinceRequest)
				+ "; from A's 200 answer " + summary(sinceAnswer));
	}

	private static String summary(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		return String.format("min %.1f ms, median %.1f ms, max %.1f ms", sorted[0] / 1e6, sorted[sorted.length / 2] / 1e6,
				sorted[sorted.length - 1] / 1e6);
	}

	private void awaitStatus(int port, String token, int status, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		int seen = get(port, token).statusCode();
		while (seen != status) {
			assertThat(System.nanoTime()).as("status %d within %s (last seen %d)", status, timeout, seen)
				.isLessThan(deadline);
			seen = get(port, token).statusCode();
		}
	}

	private static ConfigurableApplicationContext instance() {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--joat.secret=" + SampleApplicationTests.SECRET, "--joat.issuer=" + SampleApplicationTests.ISSUER,
				"--joat.revocation.store=redis", "--joat.revocation.max-staleness=" + MAX_STALENESS.toMillis() + "ms",
				"--joat.revocation.redis.heartbeat-interval=200ms", "--spring.data.redis.host=127.0.0.1",
				"--spring.data.redis.port=" + redisPort, "--spring.data.redis.timeout=2s"));
		return new SpringApplicationBuilder(SampleApplication.class).run(arguments.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private String accessToken(int port) throws Exception {
		HttpResponse<String> response = post(port, "/oauth2/token", "grant_type=client_credentials");
		assertThat(response.statusCode()).isEqualTo(200);
		return JSON.readTree(response.body()).get("access_token").asString();
	}

	private HttpResponse<String> revoke(int port, String token) throws Exception {
		return post(port, "/oauth2/revoke", "token=" + token);
	}

	private HttpResponse<String> get(int port, String token) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/read"))
			.timeout(Duration.ofSeconds(10))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
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
