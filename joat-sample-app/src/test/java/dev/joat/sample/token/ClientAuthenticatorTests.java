package dev.joat.sample.token;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.Provider;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.crypto.Mac;
import javax.crypto.MacSpi;

import dev.joat.spring.boot.JoatConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The limits on client authentication, with a counting password encoder (so "without checking
 * the secret" is observed, not assumed) and a hand-driven clock.
 */
class ClientAuthenticatorTests {

	private static final ClientCredentials RIGHT = new ClientCredentials("demo-client", "demo-secret");

	private static final ClientCredentials WRONG = new ClientCredentials("demo-client", "wrong");

	private final CountingEncoder encoder = new CountingEncoder();

	private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

	private final ClientAuthenticationProperties properties = new ClientAuthenticationProperties();

	ClientAuthenticatorTests() {
		this.properties.setMaxFailuresPerAddress(3);
		this.properties.setMaxFailuresPerClient(5);
		this.properties.setFailureWindow(Duration.ofMinutes(1));
	}

	@Test
	void authenticateWhenSecretRightThenClient() {
		assertThat(authenticator().authenticate(RIGHT, "192.0.2.1").id()).isEqualTo("demo-client");
	}

	@Test
	void authenticateWhenSecretWrongThenInvalidClient() {
		assertRefused(() -> authenticator().authenticate(WRONG, "192.0.2.1"), HttpStatus.UNAUTHORIZED, "invalid_client",
				"Client authentication failed", null);
	}

	@Test
	void holdsBackWhenAddressOverLimitThenHeldBackWithoutCheckingTheSecretAndOtherAddressNot() {
		ClientAuthenticator authenticator = authenticator();
		for (int i = 0; i < 3; i++) {
			failFrom(authenticator, "192.0.2.1");
		}
		int checks = this.encoder.checks.get();
		assertThat(authenticator.holdsBack(RIGHT, "192.0.2.1")).isTrue();
		assertThat(authenticator.holdsBack(WRONG, "192.0.2.1")).isTrue();
		assertThat(authenticator.holdsBack(RIGHT, "192.0.2.2")).isFalse();
		assertThat(this.encoder.checks.get()).isEqualTo(checks);
	}

	@Test
	void authenticateHeldBackWhenSecretRightThenClientAndProvenForTheNextRequests() {
		ClientAuthenticator authenticator = authenticator();
		for (int i = 0; i < 3; i++) {
			failFrom(authenticator, "192.0.2.1");
		}
		assertThat(authenticator.authenticateHeldBack(RIGHT, "192.0.2.1").id()).isEqualTo("demo-client");
		int checks = this.encoder.checks.get();
		assertThat(authenticator.holdsBack(RIGHT, "192.0.2.1")).isFalse();
		assertThat(authenticator.authenticate(RIGHT, "192.0.2.1").id()).isEqualTo("demo-client");
		assertThat(this.encoder.checks.get()).isEqualTo(checks);
		assertThat(authenticator.holdsBack(WRONG, "192.0.2.1")).isTrue();
	}

	@Test
	void authenticateHeldBackWhenSecretWrongThen429WithTheLimitsRetryAfter() {
		ClientAuthenticator authenticator = authenticator();
		for (int i = 0; i < 3; i++) {
			failFrom(authenticator, "192.0.2.1");
		}
		this.nanos.addAndGet(Duration.ofSeconds(20).toNanos());
		assertRefused(() -> authenticator.authenticateHeldBack(WRONG, "192.0.2.1"), HttpStatus.TOO_MANY_REQUESTS,
				"temporarily_unavailable", "Too many failed client authentications from this address", Duration.ofSeconds(40));
	}

	@Test
	void authenticateHeldBackWhenSecretWrongAndWindowOverThenInvalidClient() {
		ClientAuthenticator authenticator = authenticator();
		for (int i = 0; i < 3; i++) {
			failFrom(authenticator, "192.0.2.1");
		}
		this.nanos.addAndGet(Duration.ofSeconds(61).toNanos());
		assertRefused(() -> authenticator.authenticateHeldBack(WRONG, "192.0.2.1"), HttpStatus.UNAUTHORIZED,
				"invalid_client", "Client authentication failed", null);
	}

	@Test
	void holdsBackWhenFailureWindowOverThenAddressNoLongerHeldBack() {
		ClientAuthenticator authenticator = authenticator();
		for (int i = 0; i < 3; i++) {
			failFrom(authenticator, "192.0.2.1");
		}
		this.nanos.addAndGet(Duration.ofSeconds(61).toNanos());
		assertThat(authenticator.holdsBack(WRONG, "192.0.2.1")).isFalse();
	}

	@Test
	void holdsBackWhenClientOverLimitFromManyAddressesThenNewAddressesHeldBackAndKnownOneAndOtherClientNot() {
		ClientAuthenticator authenticator = authenticator();
		authenticator.authenticate(RIGHT, "192.0.2.200");
		this.nanos.addAndGet(Duration.ofMinutes(6).toNanos());
		for (int i = 0; i < 5; i++) {
			failFrom(authenticator, "198.51.100." + i);
		}
		int checks = this.encoder.checks.get();
		assertThat(authenticator.holdsBack(WRONG, "198.51.100.99")).isTrue();
		assertThat(authenticator.holdsBack(RIGHT, "198.51.100.99")).as("not proven within its lifetime").isTrue();
		assertThat(authenticator.holdsBack(RIGHT, "192.0.2.200")).isFalse();
		assertThat(authenticator.holdsBack(new ClientCredentials("reader-client", "reader-secret"), "198.51.100.99"))
			.isFalse();
		assertThat(this.encoder.checks.get()).isEqualTo(checks);
		assertThat(authenticator.authenticate(RIGHT, "192.0.2.200").id()).isEqualTo("demo-client");
		assertThat(this.encoder.checks.get()).isEqualTo(checks + 1);
		assertThat(authenticator.holdsBack(RIGHT, "198.51.100.99")).as("proven again").isFalse();
	}

	@Test
	void holdsBackWhenUnknownClientIdsOverLimitThenCountedTogether() {
		ClientAuthenticator authenticator = authenticator();
		for (int i = 0; i < 5; i++) {
			ClientCredentials unknown = new ClientCredentials("nobody-" + i, "x");
			String address = "198.51.100." + i;
			assertRefused(() -> authenticator.authenticate(unknown, address), HttpStatus.UNAUTHORIZED,
					"invalid_client", "Client authentication failed", null);
		}
		assertThat(authenticator.holdsBack(new ClientCredentials("nobody-else", "x"), "198.51.100.50")).isTrue();
		assertRefused(() -> authenticator.authenticateHeldBack(new ClientCredentials("nobody-else", "x"), "198.51.100.50"),
				HttpStatus.TOO_MANY_REQUESTS, "temporarily_unavailable", "Too many failed authentications for this client",
				Duration.ofSeconds(60));
		assertThat(authenticator.holdsBack(RIGHT, "198.51.100.50")).isFalse();
	}

	@Test
	void authenticateWhenSecretProvenThenNoCheckAndNoLimit() {
		ClientAuthenticator authenticator = authenticator();
		assertThat(authenticator.authenticate(RIGHT, "192.0.2.1").id()).isEqualTo("demo-client");
		for (int i = 0; i < 3; i++) {
			failFrom(authenticator, "192.0.2.2");
		}
		int checks = this.encoder.checks.get();
		for (int i = 0; i < 10; i++) {
			assertThat(authenticator.holdsBack(RIGHT, "192.0.2.2")).isFalse();
			assertThat(authenticator.authenticate(RIGHT, "192.0.2.2").id()).isEqualTo("demo-client");
		}
		assertThat(this.encoder.checks.get()).isEqualTo(checks);
	}

	@Test
	void authenticateWhenSecretProvenThenOneHmacPerRequest() {
		ClientAuthenticator authenticator = authenticator();
		authenticator.authenticate(RIGHT, "192.0.2.1");
		int hmacs = CountingHmacProvider.count(() -> {
			for (int i = 0; i < 10; i++) {
				assertThat(authenticator.holdsBack(RIGHT, "192.0.2.1")).isFalse();
				assertThat(authenticator.authenticate(RIGHT, "192.0.2.1").id()).isEqualTo("demo-client");
			}
		});
		assertThat(hmacs).isEqualTo(10);
	}

	@Test
	void authenticateWhenSecretCheckedThenOneHmacToCheckAndRememberIt() {
		ClientAuthenticator authenticator = authenticator();
		authenticator.authenticate(RIGHT, "192.0.2.1");
		assertThat(CountingHmacProvider.count(() -> failFrom(authenticator, "192.0.2.1"))).isEqualTo(1);
		this.nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
		assertThat(CountingHmacProvider.count(() -> authenticator.authenticate(RIGHT, "192.0.2.2"))).isEqualTo(1);
		assertThat(CountingHmacProvider.count(() -> authenticator.authenticateHeldBack(RIGHT, "192.0.2.3")))
			.isEqualTo(1);
	}

	@Test
	void authenticateWhenProvenSecretLifetimeOverThenCheckedAgain() {
		ClientAuthenticator authenticator = authenticator();
		authenticator.authenticate(RIGHT, "192.0.2.1");
		this.nanos.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
		int checks = this.encoder.checks.get();
		assertThat(authenticator.authenticate(RIGHT, "192.0.2.1").id()).isEqualTo("demo-client");
		assertThat(this.encoder.checks.get()).isEqualTo(checks + 1);
	}

	@Test
	void holdsBackWhenProvenSecretUsedWithinEachLifetimeThenNeverCheckedAgainOrHeldBack() {
		ClientAuthenticator authenticator = authenticator();
		authenticator.authenticate(RIGHT, "192.0.2.1");
		int checks = this.encoder.checks.get();
		for (int minute = 4; minute <= 20; minute += 4) {
			this.nanos.addAndGet(Duration.ofMinutes(4).toNanos());
			for (int i = 0; i < 3; i++) {
				failFrom(authenticator, "192.0.2.1");
			}
			assertThat(authenticator.holdsBack(WRONG, "192.0.2.1")).as("minute %d", minute).isTrue();
			assertThat(authenticator.holdsBack(RIGHT, "192.0.2.1")).as("minute %d", minute).isFalse();
			assertThat(authenticator.authenticate(RIGHT, "192.0.2.1").id()).isEqualTo("demo-client");
		}
		// Only the wrong secrets were checked: the proven one, used every 4 minutes, never again.
		assertThat(this.encoder.checks.get()).isEqualTo(checks + 15);
	}

	@Test
	void authenticateWhenOnlyWrongSecretsPresentedWithinLifetimeThenProofNotRenewed() {
		ClientAuthenticator authenticator = authenticator();
		authenticator.authenticate(RIGHT, "192.0.2.1");
		this.nanos.addAndGet(Duration.ofMinutes(4).toNanos());
		failFrom(authenticator, "198.51.100.1");
		this.nanos.addAndGet(Duration.ofMinutes(2).toNanos());
		int checks = this.encoder.checks.get();
		assertThat(authenticator.authenticate(RIGHT, "192.0.2.1").id()).isEqualTo("demo-client");
		assertThat(this.encoder.checks.get()).isEqualTo(checks + 1);
	}

	@Test
	void authenticateWhenOtherSecretPresentedAfterProvenOneThenCheckedAndRefused() {
		ClientAuthenticator authenticator = authenticator();
		authenticator.authenticate(RIGHT, "192.0.2.1");
		int checks = this.encoder.checks.get();
		failFrom(authenticator, "192.0.2.1");
		assertThat(this.encoder.checks.get()).isEqualTo(checks + 1);
	}

	@Test
	void authenticateWhenAllChecksBusyThen503AfterTheWait() throws Exception {
		this.properties.setMaxConcurrentChecks(1);
		this.properties.setCheckWait(Duration.ofMillis(50));
		ClientAuthenticator authenticator = authenticator();
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			this.encoder.block();
			Future<RegisteredClient> first = executor.submit(() -> authenticator.authenticate(RIGHT, "192.0.2.1"));
			assertThat(this.encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();
			assertRefused(() -> authenticator.authenticate(RIGHT, "192.0.2.2"), HttpStatus.SERVICE_UNAVAILABLE,
					"temporarily_unavailable", "The server is busy; retry later", Duration.ofSeconds(1));
			this.encoder.release.countDown();
			assertThat(first.get(10, TimeUnit.SECONDS).id()).isEqualTo("demo-client");
			assertThat(authenticator.authenticate(RIGHT, "192.0.2.2").id()).isEqualTo("demo-client");
		}
		finally {
			this.encoder.release.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void authenticateWhenChecksBusyWithUnknownAddressesThenKnownAddressUsesItsOwnLane() throws Exception {
		this.properties.setMaxConcurrentChecks(1);
		this.properties.setCheckWait(Duration.ofMillis(50));
		ClientAuthenticator authenticator = authenticator();
		authenticator.authenticate(RIGHT, "192.0.2.200");
		// The secret is no longer proven, the address still known.
		this.nanos.addAndGet(Duration.ofMinutes(6).toNanos());
		ExecutorService executor = Executors.newSingleThreadExecutor();
		try {
			this.encoder.block();
			Future<?> attack = executor.submit(() -> failFrom(authenticator, "198.51.100.1"));
			assertThat(this.encoder.entered.await(10, TimeUnit.SECONDS)).isTrue();
			assertRefused(() -> authenticator.authenticate(RIGHT, "192.0.2.201"), HttpStatus.SERVICE_UNAVAILABLE,
					"temporarily_unavailable", "The server is busy; retry later", Duration.ofSeconds(1));
			assertThat(authenticator.authenticate(RIGHT, "192.0.2.200").id()).isEqualTo("demo-client");
			this.encoder.release.countDown();
			attack.get(10, TimeUnit.SECONDS);
		}
		finally {
			this.encoder.release.countDown();
			executor.shutdownNow();
		}
	}

	@Test
	void authenticateWhenManyRightSecretsConcurrentThenNoneRefusedAndOneChecked() throws Exception {
		this.properties.setMaxConcurrentChecks(1);
		this.properties.setMaxFailuresPerAddress(1);
		this.properties.setMaxFailuresPerClient(1);
		this.properties.setCheckWait(Duration.ofSeconds(10));
		ClientAuthenticator authenticator = authenticator();
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<RegisteredClient>> attempts = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				attempts.add(executor.submit(() -> authenticator.authenticate(RIGHT, "192.0.2.1")));
			}
			for (Future<RegisteredClient> attempt : attempts) {
				assertThat(attempt.get(10, TimeUnit.SECONDS).id()).isEqualTo("demo-client");
			}
			assertThat(this.encoder.checks.get()).as("checked once, then proven").isEqualTo(1);
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void constructorWhenLimitNotPositiveThenConfigurationExceptionNamingTheProperty() {
		this.properties.setMaxFailuresPerAddress(0);
		assertThatExceptionOfType(JoatConfigurationException.class).isThrownBy(this::authenticator)
			.withMessage("must be at least 1, not 0")
			.satisfies((ex) -> assertThat(ex.getProperty())
				.isEqualTo("joat.sample.client-authentication.max-failures-per-address"));
	}

	@Test
	void constructorWhenWindowUnderOneSecondThenConfigurationExceptionNamingTheProperty() {
		this.properties.setFailureWindow(Duration.ofMillis(10));
		assertThatExceptionOfType(JoatConfigurationException.class).isThrownBy(this::authenticator)
			.withMessage("must be at least one second")
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("joat.sample.client-authentication.failure-window"));
	}

	@ParameterizedTest
	@ValueSource(longs = { -1, 0 })
	void constructorWhenKnownCheckWaitNotPositiveThenConfigurationExceptionNamingTheProperty(long millis) {
		this.properties.setKnownCheckWait(Duration.ofMillis(millis));
		assertThatExceptionOfType(JoatConfigurationException.class).isThrownBy(this::authenticator)
			.withMessage("must be positive")
			.satisfies((ex) -> assertThat(ex.getProperty())
				.isEqualTo("joat.sample.client-authentication.known-check-wait"));
	}

	@Test
	void authenticateWhenKnownLaneFullThen503AfterTheKnownCheckWait() throws Exception {
		this.properties.setMaxConcurrentChecks(Runtime.getRuntime().availableProcessors());
		this.properties.setKnownCheckWait(Duration.ofMillis(50));
		ClientAuthenticator authenticator = authenticator();
		authenticator.authenticate(RIGHT, "192.0.2.1");
		int lane = Runtime.getRuntime().availableProcessors();
		ExecutorService executor = Executors.newFixedThreadPool(lane);
		try {
			this.encoder.blockAll();
			List<Future<?>> stuck = new ArrayList<>();
			for (int i = 0; i < lane; i++) {
				stuck.add(executor.submit(() -> failFrom(authenticator, "192.0.2.1")));
			}
			assertThat(this.encoder.blocked.tryAcquire(lane, 10, TimeUnit.SECONDS)).isTrue();
			assertRefused(() -> authenticator.authenticate(WRONG, "192.0.2.1"), HttpStatus.SERVICE_UNAVAILABLE,
					"temporarily_unavailable", "The server is busy; retry later", Duration.ofSeconds(1));
			assertThat(authenticator.authenticate(RIGHT, "192.0.2.1").id()).isEqualTo("demo-client");
			this.encoder.release.countDown();
			for (Future<?> attempt : stuck) {
				attempt.get(10, TimeUnit.SECONDS);
			}
		}
		finally {
			this.encoder.release.countDown();
			executor.shutdownNow();
		}
	}

	private ClientAuthenticator authenticator() {
		SampleClientsProperties clients = new SampleClientsProperties();
		clients.setClients(List.of(client("demo-client", "demo-secret", "read", "profile"),
				client("reader-client", "reader-secret", "read")));
		return new ClientAuthenticator(new ClientRegistry(clients, this.encoder), this.properties, this.nanos::get);
	}

	private static SampleClientsProperties.Client client(String id, String secret, String... scopes) {
		SampleClientsProperties.Client client = new SampleClientsProperties.Client();
		client.setId(id);
		client.setSecret(secret);
		client.setScopes(List.of(scopes));
		return client;
	}

	private static void failFrom(ClientAuthenticator authenticator, String address) {
		assertRefused(() -> authenticator.authenticate(WRONG, address), HttpStatus.UNAUTHORIZED, "invalid_client",
				"Client authentication failed", null);
	}

	private static void assertRefused(Runnable attempt, HttpStatus status, String error, String description,
			Duration retryAfter) {
		assertThatExceptionOfType(TokenRequestException.class).isThrownBy(attempt::run)
			.withMessage(description)
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(status);
				assertThat(ex.error()).isEqualTo(error);
				assertThat(ex.retryAfter()).isEqualTo(retryAfter);
			});
	}

	/**
	 * A JCA provider, put first while {@link #count} runs, whose {@code HmacSHA256} is the JDK's own
	 * ({@code SunJCE}) counting each HMAC it computes.
	 */
	public static final class CountingHmacProvider extends Provider {

		private static final long serialVersionUID = 1L;

		private static final AtomicInteger computed = new AtomicInteger();

		public CountingHmacProvider() {
			super("JoatCountingHmac", "1", "HmacSHA256 of SunJCE, counted");
			put("Mac.HmacSHA256", CountingHmac.class.getName());
		}

		/** How many HMACs {@code action} computed. */
		static int count(Runnable action) {
			Provider provider = new CountingHmacProvider();
			computed.set(0);
			Security.insertProviderAt(provider, 1);
			try {
				action.run();
				return computed.get();
			}
			finally {
				Security.removeProvider(provider.getName());
			}
		}

		/** The {@code SunJCE} HMAC, counted at each {@code doFinal}. */
		public static final class CountingHmac extends MacSpi {

			private final Mac mac;

			public CountingHmac() throws GeneralSecurityException {
				this.mac = Mac.getInstance("HmacSHA256", "SunJCE");
			}

			@Override
			protected int engineGetMacLength() {
				return this.mac.getMacLength();
			}

			@Override
			protected void engineInit(Key key, AlgorithmParameterSpec params)
					throws InvalidKeyException, InvalidAlgorithmParameterException {
				this.mac.init(key, params);
			}

			@Override
			protected void engineUpdate(byte input) {
				this.mac.update(input);
			}

			@Override
			protected void engineUpdate(byte[] input, int offset, int length) {
				this.mac.update(input, offset, length);
			}

			@Override
			protected byte[] engineDoFinal() {
				computed.incrementAndGet();
				return this.mac.doFinal();
			}

			@Override
			protected void engineReset() {
				this.mac.reset();
			}

		}

	}

	/** Plain-text secrets, counting every check; can hold a check until released. */
	private static final class CountingEncoder implements PasswordEncoder {

		final AtomicInteger checks = new AtomicInteger();

		final CountDownLatch entered = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final Semaphore blocked = new Semaphore(0);

		private volatile boolean blocking;

		private volatile boolean blockingAll;

		void block() {
			this.blocking = true;
		}

		/** Holds every check until released (10 s at most); {@link #blocked} counts the checks held. */
		void blockAll() {
			this.blockingAll = true;
		}

		@Override
		public String encode(CharSequence rawPassword) {
			return rawPassword.toString();
		}

		@Override
		public boolean matches(CharSequence rawPassword, String encodedPassword) {
			this.checks.incrementAndGet();
			if (this.blockingAll) {
				this.blocked.release();
				await(this.release);
			}
			else if (this.blocking) {
				this.blocking = false;
				this.entered.countDown();
				await(this.release);
			}
			return rawPassword.toString().equals(encodedPassword);
		}

		private static void await(CountDownLatch latch) {
			try {
				latch.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
