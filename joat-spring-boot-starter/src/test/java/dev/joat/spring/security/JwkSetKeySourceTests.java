package dev.joat.spring.security;

import java.net.http.HttpClient;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import dev.joat.JwkSetParser;
import dev.joat.KeySet;
import dev.joat.KeysUnavailableException;
import dev.joat.MutableClock;
import dev.joat.SignatureAlgorithm;
import dev.joat.TestJwks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.client.JdkClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JwkSetKeySourceTests {

	private static final KeyPair RSA_1 = TestJwks.rsa(2048);

	private static final KeyPair RSA_2 = TestJwks.rsa(2048);

	private static final String SET_1 = TestJwks.set(TestJwks.jwk(RSA_1.getPublic(), "\"kid\":\"k1\",\"alg\":\"RS256\",\"use\":\"sig\""));

	private static final String SET_1_2 = TestJwks.set(TestJwks.jwk(RSA_1.getPublic(), "\"kid\":\"k1\",\"alg\":\"RS256\""),
			TestJwks.jwk(RSA_2.getPublic(), "\"kid\":\"k2\",\"alg\":\"RS256\""));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));

	private final BlockingQueue<JwkSetStatus.Outcome> outcomes = new LinkedBlockingQueue<>();

	private final List<JwkSetKeySource> sources = new ArrayList<>();

	private final List<CountDownLatch> latches = new ArrayList<>();

	private TestIssuerServer issuer;

	@BeforeEach
	void startIssuer() throws Exception {
		this.issuer = new TestIssuerServer();
	}

	@AfterEach
	void stop() {
		this.latches.forEach(CountDownLatch::countDown);
		this.sources.forEach(JwkSetKeySource::close);
		this.issuer.close();
	}

	@Test
	void keysWhenFirstFetchSucceedsThenServedFromMemoryWithStatus() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1, "Content-Type", "application/jwk-set+json");
		JwkSetKeySource source = source(UnaryOperator.identity());
		source.awaitFirstKeys(Duration.ofSeconds(10));
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
		KeySet keys = source.keys("k1");
		assertThat(keys.find("k1").publicKey()).isEqualTo(RSA_1.getPublic());
		assertThat(source.keys(null)).isSameAs(keys);
		assertThat(this.issuer.requests("/jwks")).isEqualTo(1);
		assertThat(this.issuer.acceptHeaders).containsExactly("application/jwk-set+json, application/json");
		this.clock.advance(Duration.ofSeconds(7));
		JwkSetStatus status = source.status();
		assertThat(status.source()).isEqualTo(this.issuer.uri("/jwks"));
		assertThat(status.jwkSetUri()).isEqualTo(this.issuer.uri("/jwks"));
		assertThat(status.keys()).containsExactly(new JwkSetStatus.Key("k1", "RS256", keys.find("k1").thumbprint()));
		assertThat(status.lastOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
		assertThat(status.lastFailure()).isNull();
		assertThat(status.lastSuccess()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
		assertThat(status.staleness()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void keysWhenNoFetchHasSucceededThenKeysUnavailableExceptionWithRetryAfter() throws Exception {
		this.issuer.answer("/jwks", 503, "down");
		JwkSetKeySource source = source((builder) -> builder.unknownKeyWait(Duration.ZERO));
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.UNAVAILABLE);
		assertThatExceptionOfType(KeysUnavailableException.class).isThrownBy(() -> source.keys("k1"))
			.withMessage("No keys from " + this.issuer.uri("/jwks") + " yet: " + this.issuer.uri("/jwks")
					+ " answered with status 503")
			.satisfies((ex) -> assertThat(ex.getRetryAfterSeconds()).isBetween(1L, 30L));
		assertThat(source.status().keys()).isEmpty();
		assertThat(source.status().staleness()).isNull();
		assertThatExceptionOfType(KeysUnavailableException.class)
			.isThrownBy(() -> source.awaitFirstKeys(Duration.ofMillis(1)))
			.withMessageContaining("answered with status 503");
	}

	@Test
	void keysWhenIssuerComesUpAfterStartThenServedWithoutRestart() throws Exception {
		this.issuer.answer("/jwks", 503, "down");
		JwkSetKeySource source = source((builder) -> builder.unknownKeyWait(Duration.ZERO));
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.UNAVAILABLE);
		this.issuer.answer("/jwks", 200, SET_1);
		// The background retry comes after 1 s.
		source.awaitFirstKeys(Duration.ofSeconds(20));
		assertThat(source.keys("k1").find("k1")).isNotNull();
	}

	@Test
	void keysWhenFiftyConcurrentCallersAskForAnUnknownKidThenOneFetchServesThemAll() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1);
		JwkSetKeySource source = source((builder) -> builder.unknownKeyWait(Duration.ofSeconds(30)));
		source.awaitFirstKeys(Duration.ofSeconds(10));
		CountDownLatch release = latch();
		this.issuer.hang("/jwks", release, SET_1_2);
		this.clock.advance(Duration.ofSeconds(31));
		ExecutorService callers = Executors.newFixedThreadPool(50);
		try {
			CountDownLatch started = new CountDownLatch(50);
			List<Future<KeySet>> answers = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				answers.add(callers.submit(() -> {
					started.countDown();
					return source.keys("k2");
				}));
			}
			assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
			awaitRequests("/jwks", 2);
			release.countDown();
			for (Future<KeySet> answer : answers) {
				assertThat(answer.get(20, TimeUnit.SECONDS).find("k2")).isNotNull();
			}
		}
		finally {
			callers.shutdownNow();
		}
		assertThat(this.issuer.requests("/jwks")).isEqualTo(2);
	}

	@Test
	void keysWhenUnknownKidsArriveThenAtMostOneRefreshPerMinimumInterval() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1);
		JwkSetKeySource source = source(UnaryOperator.identity());
		source.awaitFirstKeys(Duration.ofSeconds(10));
		nextOutcome();
		this.clock.advance(Duration.ofSeconds(29));
		for (int i = 0; i < 100; i++) {
			source.keys("unknown-" + i);
		}
		assertThat(this.issuer.requests("/jwks")).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(source.keys("unknown").find("unknown")).isNull();
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
		assertThat(this.issuer.requests("/jwks")).isEqualTo(2);
		for (int i = 0; i < 100; i++) {
			source.keys("unknown-" + i);
		}
		this.clock.advance(Duration.ofSeconds(29));
		source.keys("unknown");
		assertThat(this.issuer.requests("/jwks")).isEqualTo(2);
		this.issuer.answer("/jwks", 200, SET_1_2);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(source.keys("k2").find("k2")).isNotNull();
		assertThat(this.issuer.requests("/jwks")).isEqualTo(3);
	}

	@Test
	void keysWhenIssuerIsDownThenLastGoodKeysUntilMaxStalenessThenUnavailableThenRecovery() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1);
		JwkSetKeySource source = source((builder) -> builder.maxStaleness(Duration.ofMinutes(10)));
		source.awaitFirstKeys(Duration.ofSeconds(10));
		nextOutcome();
		this.issuer.answer("/jwks", 500, "{\"error\":\"internal detail\"}");
		this.clock.advance(Duration.ofSeconds(31));
		assertThat(source.keys("k9").find("k1")).isNotNull();
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.UNAVAILABLE);
		this.clock.advance(Duration.ofSeconds(569));
		assertThat(source.keys("k1").find("k1")).isNotNull();
		this.clock.advance(Duration.ofMillis(1));
		assertThatExceptionOfType(KeysUnavailableException.class).isThrownBy(() -> source.keys("k1"))
			.withMessage("The keys from " + this.issuer.uri("/jwks") + " were fetched 600s ago, more than the maximum"
					+ " staleness of 600s; the last refresh failed: " + this.issuer.uri("/jwks") + " answered with status 500")
			.satisfies((ex) -> assertThat(ex.getRetryAfterSeconds()).isBetween(1L, 30L));
		assertThat(source.status().staleness()).isEqualTo(Duration.ofMillis(600_001));
		this.issuer.answer("/jwks", 200, SET_1_2);
		awaitStatus(source, (status) -> status.keys().size() == 2);
		assertThat(source.keys("k2").find("k2")).isNotNull();
		assertThat(source.keys("k1").find("k1")).isNotNull();
		assertThat(source.status().lastOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
	}

	@Test
	void keysWhenFailOpenThenLastKeysServeBeyondMaxStaleness() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1);
		JwkSetKeySource source = source((builder) -> builder.refreshInterval(Duration.ofSeconds(30))
			.maxStaleness(Duration.ofMinutes(1))
			.failOpen(true));
		source.awaitFirstKeys(Duration.ofSeconds(10));
		this.issuer.answer("/jwks", 503, "");
		this.clock.advance(Duration.ofDays(2));
		assertThat(source.keys("k1").find("k1")).isNotNull();
	}

	@Test
	void keysWhenRefreshedSetDoesNotParseOrHasNoUsableKeyThenLastGoodKeysStay() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1);
		JwkSetKeySource source = source(UnaryOperator.identity());
		source.awaitFirstKeys(Duration.ofSeconds(10));
		nextOutcome();
		String[][] refusals = { { "<html>", "is refused: Not a JWK Set: the document is not a JSON object" },
				{ "{\"keys\":[]}", "has no usable key []" },
				{ "{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\",\"kid\":\"k1\"}]}",
						"has no usable key [key 0 (kid \"k1\"): has the private or symmetric member \"k\"" } };
		for (String[] refusal : refusals) {
			this.issuer.answer("/jwks", 200, refusal[0]);
			awaitStatus(source, (status) -> status.lastOutcome() == JwkSetStatus.Outcome.INVALID
					&& status.lastFailure() != null && status.lastFailure().contains(refusal[1]));
			assertThat(source.status().lastFailure()).doesNotContain("c2VjcmV0");
			assertThat(source.keys("k1").find("k1").publicKey()).isEqualTo(RSA_1.getPublic());
		}
	}

	@Test
	void keysWhenIssuerRedirectsThenNotFollowed() throws Exception {
		this.issuer.answer("/jwks", 302, "", "Location", this.issuer.base() + "/moved");
		this.issuer.answer("/moved", 200, SET_1);
		JwkSetKeySource source = source(UnaryOperator.identity());
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.UNAVAILABLE);
		assertThat(source.status().lastFailure())
			.isEqualTo(this.issuer.uri("/jwks") + " answered with status 302, a redirect, which is not followed");
		assertThat(this.issuer.requests("/moved")).isZero();
	}

	@Test
	void keysWhenBodyIsLargerThanTheParserAllowsThenRefused() throws Exception {
		String padded = SET_1.substring(0, SET_1.length() - 1) + " ".repeat(2000) + "}";
		JwkSetParser parser = JwkSetParser.builder().maxSize(SET_1.length() + 1000).build();
		this.issuer.answer("/jwks", 200, SET_1);
		JwkSetKeySource source = source((builder) -> builder.parser(parser));
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
		this.issuer.answer("/jwks", 200, padded);
		String tooLarge = this.issuer.uri("/jwks") + " sent " + padded.length() + " bytes, more than the "
				+ parser.maxSize() + " allowed";
		awaitStatus(source, (status) -> tooLarge.equals(status.lastFailure()));
		assertThat(source.status().lastOutcome()).isEqualTo(JwkSetStatus.Outcome.INVALID);
		assertThat(source.keys("k1").find("k1")).isNotNull();
		this.issuer.answerChunked("/jwks", padded);
		String tooLong = this.issuer.uri("/jwks") + " sent more than the " + parser.maxSize() + " bytes allowed";
		awaitStatus(source, (status) -> tooLong.equals(status.lastFailure()));
		assertThat(source.keys("k1").find("k1")).isNotNull();
		this.issuer.answerChunked("/jwks", SET_1_2);
		awaitStatus(source, (status) -> status.keys().size() == 2);
	}

	@Test
	void buildWhenHttpOnAHostThatIsNotLoopbackThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> JwkSetKeySource.withJwkSetUri("http://issuer.example/jwks").build())
			.withMessage("jwkSetUri http://issuer.example/jwks must use https (http is accepted only on a loopback address,"
					+ " or when insecure http is allowed explicitly)");
		assertThatIllegalArgumentException().isThrownBy(() -> JwkSetKeySource.withIssuerLocation("ftp://issuer.example").build())
			.withMessage("issuer ftp://issuer.example is not an absolute http(s) URI");
		assertThat(IssuerHttp.schemeProblem(java.net.URI.create("http://issuer.example/jwks"), true)).isNull();
		assertThat(IssuerHttp.isLoopback("127.0.0.1")).isTrue();
		assertThat(IssuerHttp.isLoopback("localhost")).isTrue();
		assertThat(IssuerHttp.isLoopback("[::1]")).isTrue();
		assertThat(IssuerHttp.isLoopback("127.0.0.1.nip.io")).isFalse();
		assertThat(IssuerHttp.isLoopback("128.0.0.1")).isFalse();
	}

	@Test
	void keysWhenIssuerIsSlowThenTheRefreshTimesOut() throws Exception {
		this.issuer.hang("/jwks", latch(), SET_1);
		JwkSetKeySource source = source((builder) -> builder.readTimeout(Duration.ofMillis(300)));
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.UNAVAILABLE);
		assertThat(source.status().lastFailure()).startsWith("cannot fetch " + this.issuer.uri("/jwks") + ": ")
			.contains("HttpTimeoutException");
	}

	@Test
	void keysWhenGivenRequestFactoryHasNoTimeoutThenTheRefreshIsCancelledAtItsDeadline() throws Exception {
		CountDownLatch hanging = latch();
		this.issuer.hang("/jwks", hanging, SET_1);
		JwkSetKeySource source = source((builder) -> builder
			.requestFactory(new JdkClientHttpRequestFactory(HttpClient.newHttpClient()))
			.connectTimeout(Duration.ofMillis(100))
			.readTimeout(Duration.ofMillis(200)));
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.UNAVAILABLE);
		assertThat(source.status().lastFailure())
			.isEqualTo("the refresh from " + this.issuer.uri("/jwks") + " took longer than 1300 ms");
		assertThat(hanging.getCount()).isEqualTo(1);
	}

	@Test
	void refreshWhenListenerThrowsThenLoggedAndTheSourceCarriesOn() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1);
		try (CapturedLogs logs = CapturedLogs.start()) {
			JwkSetKeySource source = JwkSetKeySource.withJwkSetUri(this.issuer.base() + "/jwks").clock(this.clock)
				.listener((outcome, status) -> {
					throw new IllegalStateException("meter registry closed");
				})
				.build();
			this.sources.add(source);
			source.awaitFirstKeys(Duration.ofSeconds(10));
			awaitWarnings(logs, 1);
			assertThat(logs.warnOrAbove()).containsExactly("WARN dev.joat.spring.security.JwkSetKeySource: "
					+ "The JWK Set listener failed: IllegalStateException (meter registry closed) (1 time since the last"
					+ " report; at most one report every 60s)");
			assertThat(source.keys("k1").find("k1")).isNotNull();
		}
	}

	@Test
	void refreshWhenListenerThrowsOnEveryRefreshThenOneWarningPerMinuteWithTheCount() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1);
		try (CapturedLogs logs = CapturedLogs.start()) {
			JwkSetKeySource source = source((builder) -> builder.minimumRefreshInterval(Duration.ofSeconds(1))
				.listener((outcome, status) -> {
					this.outcomes.add(outcome);
					throw new IllegalStateException("meter registry closed");
				}));
			assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
			awaitWarnings(logs, 1);
			for (int i = 0; i < 9; i++) {
				this.clock.advance(Duration.ofSeconds(1));
				source.keys("unknown");
				assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
			}
			assertThat(this.issuer.requests("/jwks")).isEqualTo(10);
			assertThat(logs.warnOrAbove()).hasSize(1);
			this.clock.advance(Duration.ofSeconds(51));
			source.keys("unknown");
			assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
			awaitWarnings(logs, 2);
			assertThat(logs.warnOrAbove()).containsExactly(
					"WARN dev.joat.spring.security.JwkSetKeySource: The JWK Set listener failed: IllegalStateException"
							+ " (meter registry closed) (1 time since the last report; at most one report every 60s)",
					"WARN dev.joat.spring.security.JwkSetKeySource: The JWK Set listener failed: IllegalStateException"
							+ " (meter registry closed) (10 times since the last report; at most one report every 60s)");
		}
	}

	@Test
	void keysWhenIssuerHangsThenKeysNeverWaitsLongerThanTheUnknownKeyWait() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1);
		JwkSetKeySource source = source((builder) -> builder.unknownKeyWait(Duration.ofMillis(100))
			.readTimeout(Duration.ofMinutes(1)));
		source.awaitFirstKeys(Duration.ofSeconds(10));
		CountDownLatch hanging = latch();
		this.issuer.hang("/jwks", hanging, SET_1_2);
		this.clock.advance(Duration.ofSeconds(31));
		long start = System.nanoTime();
		assertThat(source.keys("k2").find("k2")).isNull();
		assertThat(source.keys("k2").find("k1")).isNotNull();
		assertThat(source.keys("k1").find("k1")).isNotNull();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
		awaitRequests("/jwks", 2);
		assertThat(hanging.getCount()).isEqualTo(1);
		hanging.countDown();
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
		assertThat(source.keys("k2").find("k2")).isNotNull();
	}

	@Test
	void keysWhenIssuerHangsBeforeTheFirstFetchThenUnavailableWithoutWaitingForIt() throws Exception {
		CountDownLatch hanging = latch();
		this.issuer.hang("/jwks", hanging, SET_1);
		JwkSetKeySource source = source((builder) -> builder.unknownKeyWait(Duration.ofMillis(100))
			.readTimeout(Duration.ofMinutes(1)));
		awaitRequests("/jwks", 1);
		assertThatExceptionOfType(KeysUnavailableException.class).isThrownBy(() -> source.keys(null))
			.withMessageEndingWith("yet: the first fetch has not completed");
		assertThat(hanging.getCount()).isEqualTo(1);
	}

	@Test
	void keysWhenCacheControlMaxAgeIsShortThenRefreshedInTheBackground() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1, "Cache-Control", "public, max-age=0");
		source((builder) -> builder.minimumRefreshInterval(Duration.ofMillis(200)).refreshInterval(Duration.ofMinutes(30)));
		for (int i = 0; i < 3; i++) {
			assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
		}
		assertThat(this.issuer.requests("/jwks")).isGreaterThanOrEqualTo(3);
	}

	@Test
	void refreshWhenTheNextIsDueWhileTheLastIsRecordedThenItStillRuns() throws Exception {
		// 1 ms apart, the scheduled refresh often fires before the one that scheduled it is recorded.
		this.issuer.answer("/jwks", 200, SET_1);
		source((builder) -> builder.minimumRefreshInterval(Duration.ofMillis(1)).refreshInterval(Duration.ofMillis(1)));
		for (int i = 0; i < 100; i++) {
			assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
		}
	}

	@Test
	void keysWhenRefreshFailsThenOneRateLimitedWarningWithoutTheBody() throws Exception {
		this.issuer.answer("/jwks", 500, "secret-body-text");
		try (CapturedLogs logs = CapturedLogs.start()) {
			JwkSetKeySource source = source((builder) -> builder.unknownKeyWait(Duration.ZERO));
			assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.UNAVAILABLE);
			this.clock.advance(Duration.ofSeconds(30));
			assertThatExceptionOfType(KeysUnavailableException.class).isThrownBy(() -> source.keys("k1"));
			assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.UNAVAILABLE);
			assertThat(logs.warnOrAbove()).containsExactly("WARN dev.joat.spring.security.JwkSetKeySource: Could not"
					+ " refresh the JWK Set of " + this.issuer.uri("/jwks") + ": " + this.issuer.uri("/jwks")
					+ " answered with status 500; no keys yet, requests are answered 503 (1 time since the last report;"
					+ " at most one report every 60s)");
		}
	}

	@Test
	void closeWhenClosedThenNoMoreFetchesAndKeysStillServed() throws Exception {
		this.issuer.answer("/jwks", 200, SET_1);
		JwkSetKeySource source = source(UnaryOperator.identity());
		source.awaitFirstKeys(Duration.ofSeconds(10));
		source.close();
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(source.keys("unknown").find("k1")).isNotNull();
		assertThat(this.issuer.requests("/jwks")).isEqualTo(1);
	}

	@Test
	void buildWhenSettingsAreInvalidThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JwkSetKeySource.withJwkSetUri("https://i/jwks").minimumRefreshInterval(Duration.ofMinutes(10)).build())
			.withMessage("minimumRefreshInterval (PT10M) cannot exceed refreshInterval (PT5M)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JwkSetKeySource.withJwkSetUri("https://i/jwks").maxStaleness(Duration.ofMinutes(5)).build())
			.withMessage("maxStaleness (PT5M) must be longer than refreshInterval (PT5M), or keys would go stale between"
					+ " two successful refreshes");
		assertThatIllegalArgumentException().isThrownBy(() -> JwkSetKeySource.withJwkSetUri("https://i/jwks").maxStaleness(Duration.ZERO))
			.withMessage("maxStaleness must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JwkSetKeySource.withJwkSetUri("https://i/jwks").unknownKeyWait(Duration.ofMillis(-1)))
			.withMessage("unknownKeyWait cannot be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> JwkSetKeySource.withJwkSetUri("https://i/ jwks"))
			.withMessageStartingWith("jwkSetUri is not a URI: URISyntaxException");
	}

	@Test
	void refreshTimingWhenCacheControlThenClampedBetweenTheIntervals() {
		JwkSetRefreshTiming timing = new JwkSetRefreshTiming(Duration.ofMinutes(10), Duration.ofSeconds(30));
		assertThat(timing.afterSuccessMillis(null)).isEqualTo(450_000);
		assertThat(timing.afterSuccessMillis(Duration.ofMinutes(4))).isEqualTo(180_000);
		assertThat(timing.afterSuccessMillis(Duration.ofDays(1))).isEqualTo(450_000);
		assertThat(timing.afterSuccessMillis(Duration.ZERO)).isEqualTo(30_000);
		assertThat(timing.afterSuccessMillis(Duration.ofSeconds(35))).isEqualTo(30_000);
		assertThat(timing.afterFailureMillis(1, 1000)).isEqualTo(1000);
		assertThat(timing.afterFailureMillis(3, 1000)).isEqualTo(4000);
		assertThat(timing.afterFailureMillis(6, 1000)).isEqualTo(30_000);
		assertThat(timing.afterFailureMillis(1000, 1000)).isEqualTo(30_000);
		assertThat(IssuerHttp.maxAge("public, max-age=300, must-revalidate")).isEqualTo(Duration.ofSeconds(300));
		assertThat(IssuerHttp.maxAge("no-store")).isEqualTo(Duration.ZERO);
		assertThat(IssuerHttp.maxAge("max-age=\"60\"")).isEqualTo(Duration.ofSeconds(60));
		assertThat(IssuerHttp.maxAge("max-age=-1")).isNull();
		assertThat(IssuerHttp.maxAge("max-age=99999999999")).isNull();
		assertThat(IssuerHttp.maxAge("private")).isNull();
		assertThat(IssuerHttp.maxAge(null)).isNull();
	}

	private JwkSetKeySource source(UnaryOperator<JwkSetKeySource.Builder> customizer) {
		JwkSetKeySource.Builder builder = JwkSetKeySource.withJwkSetUri(this.issuer.base() + "/jwks")
			.clock(this.clock)
			.parser(JwkSetParser.builder().algorithms(SignatureAlgorithm.RS256).build())
			.listener((outcome, status) -> this.outcomes.add(outcome));
		JwkSetKeySource source = customizer.apply(builder).build();
		this.sources.add(source);
		return source;
	}

	private JwkSetStatus.Outcome nextOutcome() throws InterruptedException {
		JwkSetStatus.Outcome outcome = this.outcomes.poll(20, TimeUnit.SECONDS);
		assertThat(outcome).as("a refresh outcome within 20 s").isNotNull();
		return outcome;
	}

	/**
	 * Waits until the source's status matches: each round moves the clock on by the minimum refresh
	 * interval and asks for an unknown kid, so that a refresh is due (a background retry may take
	 * it first, which is as good).
	 */
	private void awaitStatus(JwkSetKeySource source, Predicate<JwkSetStatus> condition) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!condition.test(source.status())) {
			assertThat(System.nanoTime()).as("the expected status within 20 s, last %s", source.status())
				.isLessThan(deadline);
			this.clock.advance(Duration.ofSeconds(30));
			try {
				source.keys("unknown");
			}
			catch (KeysUnavailableException ex) {
				// Stale or none yet: the refresh is started all the same.
			}
			Thread.sleep(20);
		}
	}

	/** Waits until {@code logs} holds {@code count} lines at WARN or above (a listener's failure is logged after it returns). */
	private static void awaitWarnings(CapturedLogs logs, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (logs.warnOrAbove().size() < count) {
			assertThat(System.nanoTime()).as("%s warnings within 20 s", count).isLessThan(deadline);
			Thread.sleep(10);
		}
	}

	private CountDownLatch latch() {
		CountDownLatch latch = new CountDownLatch(1);
		this.latches.add(latch);
		return latch;
	}

	private void awaitRequests(String path, int count) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (this.issuer.requests(path) < count) {
			assertThat(System.nanoTime()).as("%s requests to %s within 20 s", count, path).isLessThan(deadline);
			Thread.sleep(10);
		}
	}

}
