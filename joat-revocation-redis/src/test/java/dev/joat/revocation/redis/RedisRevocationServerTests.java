package dev.joat.revocation.redis;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.joat.Credentials;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.revocation.RevocationReplica;
import dev.joat.revocation.RevocationStore;
import dev.joat.revocation.redis.autoconfigure.RedisRevocationAutoConfigurationTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.joat.revocation.redis.RedisNodes.MAX_STALENESS;
import static dev.joat.revocation.redis.RedisNodes.WAIT;
import static dev.joat.revocation.redis.RedisNodes.within;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two resource-server applications (embedded Tomcat, the starter's security chain) sharing one real
 * {@code redis-server}, called over HTTP.
 */
class RedisRevocationServerTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private RedisServer redis;

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	@BeforeEach
	void start() throws Exception {
		this.redis = RedisServer.start();
		this.a = application();
		this.b = application();
		within(WAIT, "both replicas loaded", () -> this.a.getBean(RevocationReplica.class).isFresh()
				&& this.b.getBean(RevocationReplica.class).isFresh());
	}

	@AfterEach
	void stop() {
		this.a.close();
		this.b.close();
		this.redis.stop();
	}

	@Test
	void requestWhenTokenRevokedThroughOneApplicationThenRefusedByTheOtherWithinTheBound() throws Exception {
		String token = this.a.getBean(TokenGenerator.class).issueToken("client-1", List.of("read"));
		assertThat(get(this.b, token).statusCode()).isEqualTo(200);
		Credentials credentials = this.a.getBean(TokenParser.class).parseToken(token);

		Instant revokedAt = Instant.now();
		this.a.getBean(RevocationStore.class).revokeToken(credentials.tokenId(), credentials.expiresAt());

		within(MAX_STALENESS, "token refused by application b", () -> status(this.b, token) == 401);
		assertThat(Duration.between(revokedAt, Instant.now())).isLessThan(MAX_STALENESS);
		assertThat(get(this.a, token).statusCode()).isEqualTo(401);
	}

	@Test
	void requestWhenRedisStoppedBeyondTheBoundThen503WithRetryAfterAndOnceRestartedServedAgain() throws Exception {
		String token = this.a.getBean(TokenGenerator.class).issueToken("client-1", List.of("read"));
		assertThat(get(this.b, token).statusCode()).isEqualTo(200);

		this.redis.stop();

		within(WAIT, "application b answers 503", () -> status(this.b, token) == 503);
		HttpResponse<String> refused = get(this.b, token);
		assertThat(refused.statusCode()).isEqualTo(503);
		assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(refused.body()).isEmpty();

		this.redis.startAgain();

		within(WAIT, "application b serves again", () -> status(this.b, token) == 200);
	}

	private int status(ConfigurableApplicationContext context, String token) {
		try {
			return get(context, token).statusCode();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private HttpResponse<String> get(ConfigurableApplicationContext context, String token)
			throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/read"))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(5))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private ConfigurableApplicationContext application() {
		return new SpringApplicationBuilder(ResourceServer.class).properties("server.port=0",
				"joat.issuer=joat", "joat.secret=" + RedisRevocationAutoConfigurationTests.SECRET,
				"joat.revocation.store=redis", "joat.revocation.max-staleness=" + MAX_STALENESS.toMillis() + "ms",
				"joat.revocation.redis.heartbeat-interval=100ms", "spring.data.redis.host=127.0.0.1",
				"spring.data.redis.port=" + this.redis.port(), "spring.data.redis.timeout=500ms")
			.run();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ResourceServer {

		@RestController
		static class Endpoints {

			@GetMapping("/read")
			String read() {
				return "read";
			}

		}

	}

}
