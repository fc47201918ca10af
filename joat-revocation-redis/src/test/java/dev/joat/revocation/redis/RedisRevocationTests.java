package dev.joat.revocation.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import dev.joat.revocation.RevocationUnavailableException;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;

import static dev.joat.revocation.redis.RedisNodes.MAX_STALENESS;
import static dev.joat.revocation.redis.RedisNodes.WAIT;
import static dev.joat.revocation.redis.RedisNodes.answers;
import static dev.joat.revocation.redis.RedisNodes.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Revocation across nodes through a real {@code redis-server} (started per test on a free port,
 * stopped by PID), each node a {@link RedisRevocation} with its own connections.
 */
class RedisRevocationTests {

	private RedisServer redis;

	private RedisNodes nodes;

	@BeforeEach
	void startRedis() throws Exception {
		this.redis = RedisServer.start();
		this.nodes = new RedisNodes();
	}

	@AfterEach
	void stopRedis() throws Exception {
		this.nodes.close();
		this.redis.stop();
	}

	@Test
	void revokeTokenWhenRevokedOnOneNodeThenRefusedOnTheOtherWithinTheBound() {
		RedisRevocation a = this.nodes.start(this.redis.port());
		RedisRevocation b = this.nodes.start(this.redis.port());
		within(WAIT, "both nodes fresh", () -> a.list().isFresh() && b.list().isFresh());
		assertThat(b.list().isRevoked("jti-1", "client", "user", now())).isFalse();

		a.store().revokeToken("jti-1", Instant.now().plusSeconds(300));

		assertThat(a.list().isRevoked("jti-1", "client", "user", now())).isTrue();
		Duration delay = within(MAX_STALENESS, "jti-1 revoked on node b",
				() -> b.list().isRevoked("jti-1", "client", "user", now()));
		assertThat(delay).isLessThan(MAX_STALENESS);
		assertThat(b.list().isRevoked("jti-2", "client", "user", now())).isFalse();
	}

	@Test
	void revokeClientAndSubjectTokensWhenRevokedOnOneNodeThenTokensIssuedBeforeTheCutOffRefusedOnTheOther() {
		RedisRevocation a = this.nodes.start(this.redis.port());
		RedisRevocation b = this.nodes.start(this.redis.port());
		within(WAIT, "both nodes fresh", () -> a.list().isFresh() && b.list().isFresh());
		Instant cutOff = Instant.ofEpochSecond(now());

		a.store().revokeClientTokens("client-1", cutOff, cutOff.plusSeconds(300));
		a.store().revokeSubjectTokens("user-1", cutOff, cutOff.plusSeconds(300));

		within(MAX_STALENESS, "client-1 revoked on node b",
				() -> b.list().isRevoked("any", "client-1", null, cutOff.getEpochSecond() - 1));
		within(MAX_STALENESS, "user-1 revoked on node b",
				() -> b.list().isRevoked("any", "client-2", "user-1", cutOff.getEpochSecond() - 1));
		assertThat(b.list().isRevoked("any", "client-1", null, cutOff.getEpochSecond())).isFalse();
		assertThat(b.list().isRevoked("any", "client-2", "user-1", cutOff.getEpochSecond())).isFalse();
		assertThat(b.list().isRevoked("any", "client-2", "user-2", cutOff.getEpochSecond() - 1)).isFalse();
	}

	@Test
	void revokeWhenRecordedThenEveryKeyExpiresWhenItsTokensDo() {
		RedisRevocation a = this.nodes.start(this.redis.port());
		StringRedisTemplate template = this.nodes.template(this.redis.port());
		Instant now = Instant.now();

		a.store().revokeToken("jti-1", now.plusSeconds(120));
		a.store().revokeClientTokens("client-1", now, now.plusSeconds(600));
		a.store().revokeSubjectTokens("user-1", now, now.plusSeconds(3600));
		a.store().revokeToken("jti-expired", now.minusSeconds(1));

		List<String> keys = new ArrayList<>();
		try (Cursor<String> cursor = template.scan(ScanOptions.scanOptions().match("joat:revocation:[tcs]:*").build())) {
			cursor.forEachRemaining(keys::add);
		}
		assertThat(keys).hasSize(3).noneMatch((key) -> key.contains("jti-expired"));
		for (String key : keys) {
			long remaining = key.contains(":t:") ? 120_000 : key.contains(":c:") ? 600_000 : 3_600_000;
			assertThat(template.getExpire(key, TimeUnit.MILLISECONDS)).as(key).isPositive()
				.isLessThanOrEqualTo(remaining)
				.isGreaterThan(remaining - 10_000);
		}
	}

	@Test
	void startWhenRedisHoldsEntriesThenLoadsThemAndAnswersOnlyOnceLoaded() {
		RedisRevocation a = this.nodes.start(this.redis.port());
		Instant expiresAt = Instant.now().plusSeconds(300);
		for (int i = 0; i < 2500; i++) {
			a.store().revokeToken("jti-" + i, expiresAt);
		}
		a.store().revokeClientTokens("client-1", Instant.ofEpochSecond(now()), expiresAt);

		RedisRevocation c = this.nodes.build(this.redis.port(), (builder) -> builder.scanCount(100));
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> c.list().isRevoked("jti-0", "client", null, now()))
			.withMessage("Revocation list unavailable: not loaded yet");
		c.start();

		within(WAIT, "node c loaded", () -> c.list().isFresh());
		assertThat(c.list().entryCount()).isEqualTo(2501);
		for (int i = 0; i < 2500; i++) {
			assertThat(c.list().isRevoked("jti-" + i, "client", null, now())).isTrue();
		}
		assertThat(c.list().isRevoked("jti-2500", "client", null, now())).isFalse();
		assertThat(c.list().isRevoked("other", "client-1", null, now() - 10)).isTrue();
	}

	@Test
	void startWhenRedisDownThenFailsClosedUntilRedisIsUpAndLoaded() throws Exception {
		this.redis.stop();
		RedisRevocation a = this.nodes.start(this.redis.port());
		RedisServer.sleep(MAX_STALENESS.toMillis());
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> a.list().isRevoked("jti-1", "client", null, now()))
			.withMessage("Revocation list unavailable: not loaded yet");

		this.redis.startAgain();
		RedisRevocation b = this.nodes.start(this.redis.port());
		within(WAIT, "node b loaded", () -> b.list().isFresh());
		b.store().revokeToken("jti-1", Instant.now().plusSeconds(300));

		within(WAIT, "node a loaded with jti-1", () -> answers(a) && a.list().isRevoked("jti-1", "client", null, now()));
	}

	@Test
	void isRevokedWhenTheReplicaCannotHoldEveryEntryThenFailsClosed() {
		RedisRevocation a = this.nodes.start(this.redis.port());
		RedisRevocation b = this.nodes.start(this.redis.port(), (builder) -> builder.maxEntries(2));
		within(WAIT, "both nodes fresh", () -> a.list().isFresh() && b.list().isFresh());

		for (int i = 0; i < 3; i++) {
			a.store().revokeToken("jti-" + i, Instant.now().plusSeconds(300));
		}

		within(WAIT, "node b stale", () -> !answers(b));
		assertThat(a.list().isRevoked("jti-2", "client", null, now())).isTrue();
	}

	@Test
	void isRevokedWhenRedisStoppedBeyondTheStalenessBoundThenFailsClosed() {
		RedisRevocation a = this.nodes.start(this.redis.port());
		within(WAIT, "node fresh", () -> a.list().isFresh());
		a.store().revokeToken("jti-1", Instant.now().plusSeconds(300));

		this.redis.stop();

		within(WAIT, "node stale", () -> !answers(a));
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> a.list().isRevoked("jti-2", "client", null, now()))
			.withMessageStartingWith("Revocation list unavailable: last confirmed fresh ")
			.withMessageEndingWith(" ms ago, beyond the 1000 ms allowed");
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> a.store().revokeToken("jti-3", Instant.now().plusSeconds(300)))
			.withMessageStartingWith("Revocation not recorded: Redis did not confirm the write (");
	}

	@Test
	void isRevokedWhenRedisStoppedAndFailOpenThenAnswersFromTheReplicaAndSaysSo() {
		AtomicInteger staleAnswers = new AtomicInteger();
		RedisRevocation a = this.nodes.start(this.redis.port(),
				(builder) -> builder.failOpen(true).stalenessListener((staleness) -> staleAnswers.incrementAndGet()));
		within(WAIT, "node fresh", () -> a.list().isFresh());
		a.store().revokeToken("jti-1", Instant.now().plusSeconds(300));

		this.redis.stop();

		within(WAIT, "node stale", () -> !a.list().isFresh());
		assertThat(staleAnswers).hasValue(0);
		assertThat(a.list().isRevoked("jti-1", "client", null, now())).isTrue();
		assertThat(a.list().isRevoked("jti-2", "client", null, now())).isFalse();
		assertThat(staleAnswers).hasValue(2);
	}

	@Test
	void isRevokedWhenRedisRestartedThenRecoversAndAppliesRevocationsMadeMeanwhile() throws Exception {
		RedisRevocation a = this.nodes.start(this.redis.port());
		RedisRevocation b = this.nodes.start(this.redis.port());
		within(WAIT, "both nodes fresh", () -> a.list().isFresh() && b.list().isFresh());
		a.store().revokeToken("jti-before", Instant.now().plusSeconds(300));

		this.redis.stop();
		within(WAIT, "node a stale", () -> !answers(a));
		this.redis.startAgain();
		// Node b reconnects and revokes while node a may still be reconnecting.
		within(WAIT, "node b records a revocation", () -> {
			try {
				b.store().revokeToken("jti-meanwhile", Instant.now().plusSeconds(300));
				return true;
			}
			catch (RevocationUnavailableException ex) {
				return false;
			}
		});
		Instant revokedAt = Instant.now();

		within(WAIT, "node a fresh again with jti-meanwhile", () -> answers(a)
				&& a.list().isRevoked("jti-meanwhile", "client", null, now()));
		Duration delay = Duration.between(revokedAt, Instant.now());
		assertThat(delay).isLessThan(WAIT);
		// Redis ran without persistence and lost jti-before: the nodes keep it, and write it back.
		assertThat(a.list().isRevoked("jti-before", "client", null, now())).isTrue();
		within(WAIT, "jti-before written back to Redis", () -> "*1".equals(this.redis.command("KEYS *:t:*:jti-before")));
		assertThat(a.restoreCount() + b.restoreCount()).isPositive();
		RedisRevocation c = this.nodes.start(this.redis.port());
		within(WAIT, "node c loaded", () -> c.list().isFresh());
		assertThat(c.list().isRevoked("jti-before", "client", null, now())).isTrue();
		assertThat(c.restoreCount()).isZero();
	}

	@Test
	void revokeWhenRedisFlushedThenTheRunningNodeWritesItsEntriesBackOnceAndANewNodeRefusesTheTokens() {
		List<String> warnings = new CopyOnWriteArrayList<>();
		RedisRevocation a = this.nodes.start(this.redis.port(), (builder) -> builder.warnings(warnings::add));
		within(WAIT, "node a fresh", () -> a.list().isFresh());
		Instant cutOff = Instant.ofEpochSecond(now());
		a.store().revokeToken("jti-1", Instant.now().plusSeconds(300));
		a.store().revokeClientTokens("client-1", cutOff, cutOff.plusSeconds(300));
		// Expires within the margin: no longer expected in Redis, so not written back.
		a.store().revokeToken("jti-expiring", Instant.now().plusSeconds(RevocationRestorer.MARGIN_SECONDS - 1));
		RedisServer.sleep(3 * RedisNodes.HEARTBEAT.toMillis());
		assertThat(a.restoreCount()).isZero();

		assertThat(this.redis.command("FLUSHALL")).isEqualTo("+OK");

		within(WAIT, "entries written back", () -> "*2".equals(this.redis.command("KEYS joat:revocation:[tcs]:*")));
		assertThat(this.redis.command("KEYS joat:revocation:t:*:jti-expiring")).isEqualTo("*0");
		RedisRevocation c = this.nodes.start(this.redis.port());
		within(WAIT, "node c loaded", () -> c.list().isFresh());
		assertThat(c.list().isRevoked("jti-1", "client", null, now())).isTrue();
		assertThat(c.list().isRevoked("any", "client-1", null, cutOff.getEpochSecond() - 1)).isTrue();
		RedisServer.sleep(3 * RedisNodes.HEARTBEAT.toMillis());
		assertThat(a.restoreCount()).isEqualTo(1);
		assertThat(c.restoreCount()).isZero();
		assertThat(warnings).filteredOn((warning) -> warning.startsWith("Redis lost"))
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("Redis lost 2 of the ")
			.endsWith(" live revocations this node holds (restarted without persistence, flushed or evicting keys);"
					+ " this node wrote them back. A node that loaded the list from Redis in between may have accepted"
					+ " the tokens they revoke: run Redis with persistence and maxmemory-policy noeviction")
			.doesNotContain("jti-1", "client-1");
	}

	@Test
	void revokeWhenRedisStoppedThenFailsWithinTheCommandTimeoutThoughTheConnectionWouldWait60Seconds() {
		RedisRevocation a = this.nodes.start(this.nodes.connectionFactory(this.redis.port(), Duration.ofSeconds(60)),
				UnaryOperator.identity());
		within(WAIT, "node fresh", () -> a.list().isFresh());

		this.redis.stop();

		assertRevokeFailsWithinTheDefaultCommandTimeout(a);
	}

	@Test
	void revokeWhenRedisDoesNotAnswerThenFailsWithinTheCommandTimeout() throws Exception {
		try (CuttableProxy proxy = CuttableProxy.start(this.redis.port())) {
			RedisRevocation a = this.nodes.start(this.nodes.connectionFactory(proxy.port(), Duration.ofSeconds(60)),
					UnaryOperator.identity());
			within(WAIT, "node fresh", () -> a.list().isFresh());

			proxy.pause();

			assertRevokeFailsWithinTheDefaultCommandTimeout(a);
		}
	}

	private static void assertRevokeFailsWithinTheDefaultCommandTimeout(RedisRevocation node) {
		Duration timeout = RedisRevocation.Builder.DEFAULT_COMMAND_TIMEOUT;
		long start = System.nanoTime();
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> node.store().revokeToken("jti-1", Instant.now().plusSeconds(300)))
			.withMessage("Revocation not recorded: Redis did not confirm the write (QueryTimeoutException)");
		Duration took = Duration.ofNanos(System.nanoTime() - start);
		assertThat(took).isGreaterThanOrEqualTo(timeout.minusMillis(100)).isLessThan(timeout.plusSeconds(1));
	}

	@Test
	void resyncWhenRedisStopsAnsweringThenTheScanGivesUpWithinTheCommandTimeoutAndTheReplicaKeepsItsEntries() {
		List<String> warnings = new CopyOnWriteArrayList<>();
		Duration commandTimeout = Duration.ofMillis(500);
		// The connection would wait 60 s; every reload (200 ms apart) scans.
		RedisRevocation a = this.nodes.start(this.nodes.connectionFactory(this.redis.port(), Duration.ofSeconds(60)),
				(builder) -> builder.commandTimeout(commandTimeout)
					.resyncInterval(Duration.ofMillis(200))
					.failOpen(true)
					.warnings(warnings::add));
		within(WAIT, "node fresh", () -> a.list().isFresh());
		a.store().revokeToken("jti-1", Instant.now().plusSeconds(300));
		RedisServer.sleep(3 * RedisNodes.HEARTBEAT.toMillis());
		assertThat(warnings).isEmpty();

		Instant pausedAt = Instant.now();
		assertThat(this.redis.command("CLIENT PAUSE 6000 ALL")).isEqualTo("+OK");

		Duration gaveUp = within(Duration.ofSeconds(4), "a reload given up while Redis is paused",
				() -> warnings.stream()
					.anyMatch((warning) -> warning.startsWith("Revocation replica not refreshed: loading the deny-list"
							+ " from Redis failed (org.springframework.dao.QueryTimeoutException)")));
		assertThat(gaveUp).isLessThan(Duration.ofSeconds(4));
		assertThat(a.list().confirmedFreshAt()).isBeforeOrEqualTo(pausedAt);
		within(WAIT, "node stale", () -> !a.list().isFresh());
		assertThat(a.list().isRevoked("jti-1", "client", null, now())).isTrue();
		within(WAIT, "node fresh again once Redis answers", () -> a.list().isFresh());
		assertThat(a.list().isRevoked("jti-1", "client", null, now())).isTrue();
	}

	@Test
	void isRevokedWhenNodeCutOffWhileAnotherRevokesThenAppliedWithinTheBoundAfterReconnecting() throws Exception {
		try (CuttableProxy proxy = CuttableProxy.start(this.redis.port())) {
			RedisRevocation a = this.nodes.start(proxy.port());
			RedisRevocation b = this.nodes.start(this.redis.port());
			within(WAIT, "both nodes fresh", () -> a.list().isFresh() && b.list().isFresh());

			proxy.cut();
			b.store().revokeToken("jti-1", Instant.now().plusSeconds(300));
			within(WAIT, "node a stale", () -> !answers(a));
			assertThat(b.list().isRevoked("jti-1", "client", null, now())).isTrue();

			proxy.restore();
			Instant restoredAt = Instant.now();
			within(WAIT, "node a fresh again with jti-1",
					() -> answers(a) && a.list().isRevoked("jti-1", "client", null, now()));
			assertThat(Duration.between(restoredAt, Instant.now())).isLessThan(WAIT);
		}
	}

	private static long now() {
		return Instant.now().getEpochSecond();
	}

}
