package dev.joat.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile clients against the real server, over real HTTP, each client at its own loopback
 * address (127.0.x.y, bound as the socket's source address by {@link RawHttp}): a known client's
 * burst of concurrent requests is served in full; while wrong secrets flood a client id, or flood
 * from an address other clients share, a right secret still gets its token (held back at most,
 * never refused); and attempts over a limit beyond {@code max-delayed-refusals} wait for a slot
 * instead of being answered at once. The limits are small and the hold short (1 s) so that each
 * test takes seconds. pods-client's secret is bcrypt at cost 10 (tens of milliseconds, as in
 * production, so that sixteen checks at once would not fit in {@code check-wait}); the others
 * are cheap (cost 4) so that floods stay quick. Each flood attacks a client id of its own, so
 * that a flood from one address reaches the address's limit (3) before the client id's (5).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER,
				"joat.sample.client-authentication.max-failures-per-address=3",
				"joat.sample.client-authentication.max-failures-per-client=5",
				"joat.sample.client-authentication.refusal-delay=1s",
				"joat.sample.client-authentication.max-delayed-refusals=" + SampleTokenEndpointHostileClientTests.MAX_HELD })
class SampleTokenEndpointHostileClientTests {

	static final int MAX_HELD = 8;

	private static final Duration HOLD = Duration.ofSeconds(1);

	private static final String GRANT = "grant_type=client_credentials";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void clients(DynamicPropertyRegistry registry) {
		BCryptPasswordEncoder cheap = new BCryptPasswordEncoder(4);
		String[][] clients = { { "pods-client", "{bcrypt}" + new BCryptPasswordEncoder(10).encode("pods-secret") },
				{ "flooded-client", "{bcrypt}" + cheap.encode("flooded-secret") },
				{ "nat-client", "{bcrypt}" + cheap.encode("nat-secret") },
				{ "other-nat-client", "{bcrypt}" + cheap.encode("other-nat-secret") },
				{ "capped-client", "{bcrypt}" + cheap.encode("capped-secret") },
				{ "victim-a", "{bcrypt}" + cheap.encode("victim-a-secret") },
				{ "victim-b", "{bcrypt}" + cheap.encode("victim-b-secret") } };
		for (int i = 0; i < clients.length; i++) {
			String id = clients[i][0];
			String secret = clients[i][1];
			registry.add("joat.sample.clients[" + i + "].id", () -> id);
			registry.add("joat.sample.clients[" + i + "].secret", () -> secret);
			registry.add("joat.sample.clients[" + i + "].scopes", () -> "read");
		}
	}

	@Test
	void tokenWhenKnownClientSendsSixteenAtOnceThenAllServed() throws Exception {
		assertServed(post("127.0.5.1", basic("pods-client", "pods-secret")));
		ExecutorService pods = Executors.newFixedThreadPool(16);
		try {
			List<Future<RawHttp.Response>> responses = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				responses.add(pods.submit(() -> post("127.0.5.1", basic("pods-client", "pods-secret"))));
			}
			for (Future<RawHttp.Response> response : responses) {
				assertServed(response.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pods.shutdownNow();
		}
	}

	@Test
	void tokenWhenClientIdFloodedFromOtherAddressesThenRightSecretFromNewAddressServedWithinFiveSeconds()
			throws Exception {
		try (Flood flood = new Flood(this.port, 8, (i) -> "127.0.2." + (i + 1), basic("flooded-client", "wrong"))) {
			flood.awaitHeldBackRefusals();
			long start = System.nanoTime();
			RawHttp.Response served = post("127.0.3.1", basic("flooded-client", "flooded-secret"));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertServed(served);
			assertThat(took).as("new address served during the flood").isLessThan(Duration.ofSeconds(5));
			assertThat(took).as("held back: the client id is over its limit").isGreaterThanOrEqualTo(HOLD);
		}
	}

	@Test
	void tokenWhenSharedAddressFloodedThenKnownClientBehindItServedAtOnce() throws Exception {
		assertServed(post("127.0.4.1", basic("nat-client", "nat-secret")));
		try (Flood flood = new Flood(this.port, 8, (i) -> "127.0.4.1", basic("victim-a", "wrong"))) {
			flood.awaitHeldBackRefusals();
			long start = System.nanoTime();
			RawHttp.Response served = post("127.0.4.1", basic("nat-client", "nat-secret"));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertServed(served);
			assertThat(took).as("proven a moment ago: not held back").isLessThan(HOLD);
		}
	}

	@Test
	void tokenWhenSharedAddressFloodedThenRightSecretOfClientNewToItServedAfterTheHold() throws Exception {
		try (Flood flood = new Flood(this.port, 8, (i) -> "127.0.4.2", basic("victim-b", "wrong"))) {
			flood.awaitHeldBackRefusals();
			long start = System.nanoTime();
			RawHttp.Response served = post("127.0.4.2", basic("other-nat-client", "other-nat-secret"));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertServed(served);
			assertThat(took).as("held back, then served").isBetween(HOLD, Duration.ofSeconds(5));
		}
	}

	@Test
	void tokenWhenMoreAttemptsOverLimitThanMaxDelayedRefusalsThenNoneAnsweredAtOnce() throws Exception {
		String wrong = basic("capped-client", "wrong");
		for (int i = 0; i < 3; i++) {
			assertThat(post("127.0.6.1", wrong).status()).isEqualTo(401);
		}
		int attempts = MAX_HELD + 4;
		ExecutorService attackers = Executors.newFixedThreadPool(attempts);
		try {
			long allStart = System.nanoTime();
			List<Future<Long>> answered = new ArrayList<>();
			for (int i = 0; i < attempts; i++) {
				answered.add(attackers.submit(() -> {
					long start = System.nanoTime();
					RawHttp.Response refused = post("127.0.6.1", wrong);
					long end = System.nanoTime();
					assertThat(refused.status()).as(refused.body()).isEqualTo(429);
					assertThat(refused.header("Connection")).isEqualTo("close");
					assertThat(Duration.ofNanos(end - start)).as("not answered at once").isGreaterThanOrEqualTo(HOLD);
					return end;
				}));
			}
			long lastEnd = allStart;
			for (Future<Long> end : answered) {
				lastEnd = Math.max(lastEnd, end.get(60, TimeUnit.SECONDS));
			}
			// A slot frees at least one hold after the first attempt arrived, and the attempt that
			// waited for it is then held once more.
			assertThat(Duration.ofNanos(lastEnd - allStart)).as("the attempts beyond the cap waited for a slot")
				.isGreaterThanOrEqualTo(HOLD.multipliedBy(2));
		}
		finally {
			attackers.shutdownNow();
		}
	}

	private RawHttp.Response post(String address, String authorization) throws IOException {
		return RawHttp.postToken(this.port, address, authorization, GRANT);
	}

	@SuppressWarnings("unchecked")
	private static void assertServed(RawHttp.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat((String) JSON.readValue(response.body(), Map.class).get("access_token")).isNotBlank();
	}

	private static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
	}

	/** Connections that send wrong secrets back to back, each from its address, until closed. */
	private static final class Flood implements AutoCloseable {

		private final ExecutorService connections;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();

		Flood(int port, int count, java.util.function.IntFunction<String> address, String authorization) {
			this.connections = Executors.newFixedThreadPool(count);
			for (int i = 0; i < count; i++) {
				String from = address.apply(i);
				this.connections.submit(() -> {
					while (this.running.get()) {
						try {
							int status = RawHttp.postToken(port, from, authorization, GRANT).status();
							this.statuses.computeIfAbsent(status, (s) -> new AtomicInteger()).incrementAndGet();
						}
						catch (IOException | RuntimeException ex) {
							this.statuses.computeIfAbsent(-1, (s) -> new AtomicInteger()).incrementAndGet();
						}
					}
				});
			}
		}

		/** Waits until the flood got refusals for a limit (429): the attack is over the limit. */
		void awaitHeldBackRefusals() throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (count(429) < 4 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(count(429)).as("the flood reached a limit; statuses " + this.statuses).isGreaterThanOrEqualTo(4);
		}

		int count(int status) {
			AtomicInteger count = this.statuses.get(status);
			return (count != null) ? count.get() : 0;
		}

		@Override
		public void close() throws InterruptedException {
			this.running.set(false);
			this.connections.shutdown();
			this.connections.awaitTermination(60, TimeUnit.SECONDS);
		}

	}

}
