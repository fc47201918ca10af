package dev.joat.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lane of addresses known for a client, over real HTTP from distinct loopback addresses: a
 * known client's burst is served through it, and when every check of the lane is stuck (a
 * password check that does not return, as a hung dependency would) a further request is answered
 * 503 with {@code Retry-After} within {@code known-check-wait} instead of waiting for ever.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER,
				"joat.sample.client-authentication.max-concurrent-checks=1",
				"joat.sample.client-authentication.known-check-wait=500ms",
				"joat.sample.client-authentication.proven-secret-lifetime=1s" })
class SampleTokenEndpointKnownLaneTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration KNOWN_CHECK_WAIT = Duration.ofMillis(500);

	private static final String STUCK_SECRET = "stuck-secret";

	private static final String CLIENT = basic("fast-client:fast-secret");

	private static final String STUCK = basic("fast-client:" + STUCK_SECRET);

	private static final String FORM = "grant_type=client_credentials";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void fastClient(DynamicPropertyRegistry registry) {
		registry.add("joat.sample.clients[0].id", () -> "fast-client");
		registry.add("joat.sample.clients[0].secret", () -> "{bcrypt}" + new BCryptPasswordEncoder(4).encode("fast-secret"));
		registry.add("joat.sample.clients[0].scopes", () -> "read");
	}

	@Test
	void tokenWhenKnownClientBurstsThroughItsLaneThenEveryRequestServed() throws Exception {
		assertThat(RawHttp.postToken(this.port, "127.0.0.7", CLIENT, FORM).status()).isEqualTo(200);
		// The proof expires on the system ticker: from now on the address is known, the secret not proven.
		TimeUnit.MILLISECONDS.sleep(1_500);
		ExecutorService executor = Executors.newFixedThreadPool(16);
		try {
			List<Future<RawHttp.Response>> burst = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				burst.add(executor.submit(() -> RawHttp.postToken(this.port, "127.0.0.7", CLIENT, FORM)));
			}
			for (Future<RawHttp.Response> response : burst) {
				RawHttp.Response done = response.get(30, TimeUnit.SECONDS);
				assertThat(done.status()).as(done.body()).isEqualTo(200);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void tokenWhenKnownLaneStuckThen503WithRetryAfterWithinTheBound() throws Exception {
		assertThat(RawHttp.postToken(this.port, "127.0.0.8", CLIENT, FORM).status()).isEqualTo(200);
		// The known lane has one check per processor (max-concurrent-checks is 1): fill every one.
		int lane = Runtime.getRuntime().availableProcessors();
		ExecutorService executor = Executors.newFixedThreadPool(lane);
		try {
			List<Future<RawHttp.Response>> stuck = new ArrayList<>();
			for (int i = 0; i < lane; i++) {
				stuck.add(executor.submit(() -> RawHttp.postToken(this.port, "127.0.0.8", STUCK, FORM)));
			}
			assertThat(StuckPasswordEncoder.entered.tryAcquire(lane, 20, TimeUnit.SECONDS)).isTrue();

			long start = System.nanoTime();
			RawHttp.Response busy = RawHttp.postToken(this.port, "127.0.0.8", STUCK, FORM);
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(busy.status()).as(busy.body()).isEqualTo(503);
			assertThat(busy.header("Retry-After")).isEqualTo("1");
			assertThat(JSON.readValue(busy.body(), Map.class)).isEqualTo(
					Map.of("error", "temporarily_unavailable", "error_description", "The server is busy; retry later"));
			assertThat(took).isGreaterThanOrEqualTo(KNOWN_CHECK_WAIT.minusMillis(50))
				.isLessThan(KNOWN_CHECK_WAIT.plusSeconds(3));
			StuckPasswordEncoder.release.countDown();
			for (Future<RawHttp.Response> response : stuck) {
				assertThat(response.get(20, TimeUnit.SECONDS).status()).isEqualTo(401);
			}
		}
		finally {
			StuckPasswordEncoder.release.countDown();
			executor.shutdownNow();
		}
	}

	private static String basic(String credentials) {
		return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class StuckPasswordEncoderConfiguration {

		@Bean
		@Primary
		PasswordEncoder stuckPasswordEncoder() {
			return new StuckPasswordEncoder();
		}

	}

	/**
	 * The sample's own encoder, except that a check of {@value #STUCK_SECRET} does not return until
	 * released (at most 20 s): a password check stuck in a hung dependency.
	 */
	static final class StuckPasswordEncoder implements PasswordEncoder {

		static final Semaphore entered = new Semaphore(0);

		static final CountDownLatch release = new CountDownLatch(1);

		private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

		@Override
		public String encode(CharSequence rawPassword) {
			return this.delegate.encode(rawPassword);
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			if (STUCK_SECRET.contentEquals(rawPassword)) {
				entered.release();
				try {
					release.await(20, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return this.delegate.matches(rawPassword, encodedPassword);
		}

	}

}
