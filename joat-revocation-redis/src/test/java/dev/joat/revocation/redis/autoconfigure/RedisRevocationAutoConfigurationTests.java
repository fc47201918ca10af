package dev.joat.revocation.redis.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.joat.Credentials;
import dev.joat.InvalidTokenException;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.RevocationList;
import dev.joat.revocation.RevocationReplica;
import dev.joat.revocation.RevocationStore;
import dev.joat.revocation.RevocationUnavailableException;
import dev.joat.revocation.redis.RedisRevocation;
import dev.joat.revocation.redis.RedisRevocationStore;
import dev.joat.revocation.redis.RedisServer;
import dev.joat.spring.boot.JoatAutoConfiguration;
import dev.joat.spring.boot.JoatConfigurationException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static dev.joat.revocation.redis.RedisNodes.MAX_STALENESS;
import static dev.joat.revocation.redis.RedisNodes.WAIT;
import static dev.joat.revocation.redis.RedisNodes.within;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The auto-configuration in real application contexts, on a real {@code redis-server}.
 */
public class RedisRevocationAutoConfigurationTests {

	public static final String SECRET = "0123456789abcdef0123456789abcdef";

	private static RedisServer redis;

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class, RedisRevocationAutoConfiguration.class,
				JoatAutoConfiguration.class))
		.withPropertyValues("joat.issuer=joat", "joat.secret=" + SECRET, "joat.revocation.store=redis",
				"joat.revocation.max-staleness=1s", "joat.revocation.redis.heartbeat-interval=100ms",
				"spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port(),
				"spring.data.redis.timeout=500ms");

	@BeforeAll
	static void startRedis() throws Exception {
		redis = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.stop();
	}

	@Test
	void autoConfigurationWhenStoreIsRedisThenTheParserConsultsTheReplicaAndRevocationsApply() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RedisRevocation.class);
			assertThat(context).getBean(RevocationList.class).isInstanceOf(RevocationReplica.class)
				.isSameAs(context.getBean(RedisRevocation.class).list());
			assertThat(context).getBean(RevocationStore.class).isInstanceOf(RedisRevocationStore.class);
			assertThat(context).doesNotHaveBean(InMemoryRevocationStore.class);
			RevocationReplica replica = context.getBean(RevocationReplica.class);
			within(WAIT, "replica loaded", replica::isFresh);
			TokenParser parser = context.getBean(TokenParser.class);
			String token = context.getBean(TokenGenerator.class).issueToken("client-1", List.of("read"));
			Credentials credentials = parser.parseToken(token);

			context.getBean(RevocationStore.class).revokeToken(credentials.tokenId(), credentials.expiresAt());

			assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(token))
				.extracting(InvalidTokenException::getReason)
				.isEqualTo(InvalidTokenException.Reason.REVOKED);
		});
	}

	@Test
	void autoConfigurationWhenTwoApplicationsShareOneRedisThenATokenRevokedThroughOneIsRefusedByTheOther() {
		this.runner.run((a) -> this.runner.run((b) -> {
			within(WAIT, "both replicas loaded",
					() -> a.getBean(RevocationReplica.class).isFresh() && b.getBean(RevocationReplica.class).isFresh());
			String token = a.getBean(TokenGenerator.class).issueToken("client-2", List.of("read"));
			TokenParser parserB = b.getBean(TokenParser.class);
			Credentials credentials = parserB.parseToken(token);

			a.getBean(RevocationStore.class).revokeToken(credentials.tokenId(), credentials.expiresAt());

			within(MAX_STALENESS, "token refused by application b", () -> {
				try {
					parserB.parseToken(token);
					return false;
				}
				catch (InvalidTokenException ex) {
					return ex.getReason() == InvalidTokenException.Reason.REVOKED;
				}
			});
		}));
	}

	@Test
	void autoConfigurationWhenStoreIsInMemoryThenBacksOff() {
		this.runner.withPropertyValues("joat.revocation.store=in-memory").run((context) -> {
			assertThat(context).doesNotHaveBean(RedisRevocation.class);
			assertThat(context).getBean(RevocationList.class).isInstanceOf(InMemoryRevocationStore.class);
		});
	}

	@Test
	void autoConfigurationWhenStoreIsNoneThenBacksOff() {
		this.runner.withPropertyValues("joat.revocation.store=none").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(RedisRevocation.class);
			assertThat(context).doesNotHaveBean(RevocationList.class);
		});
	}

	@Test
	void autoConfigurationWhenNoRedisConnectionThenStartupFailsNamingTheProperty() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RedisRevocationAutoConfiguration.class, JoatAutoConfiguration.class))
			.withPropertyValues("joat.issuer=joat", "joat.secret=" + SECRET, "joat.revocation.store=redis")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure().rootCause().isInstanceOf(JoatConfigurationException.class)
					.extracting((ex) -> ((JoatConfigurationException) ex).getProperty())
					.isEqualTo("joat.revocation.store");
			});
	}

	@Test
	void autoConfigurationWhenHeartbeatNotShorterThanMaxStalenessThenStartupFailsNamingTheProperty() {
		this.runner.withPropertyValues("joat.revocation.redis.heartbeat-interval=1s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().isInstanceOf(JoatConfigurationException.class)
				.hasMessage("joat.revocation.redis.heartbeat-interval (PT1S) is not shorter than"
						+ " joat.revocation.max-staleness (PT1S): the replica would go stale between two confirmations");
		});
	}

	@Test
	void autoConfigurationWhenResyncShorterThanHeartbeatThenStartupFailsNamingTheProperty() {
		this.runner.withPropertyValues("joat.revocation.redis.resync-interval=50ms").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().isInstanceOf(JoatConfigurationException.class)
				.hasMessage("joat.revocation.redis.resync-interval (PT0.05S) is shorter than"
						+ " joat.revocation.redis.heartbeat-interval (PT0.1S)");
		});
	}

	@Test
	void autoConfigurationWhenKeyPrefixEmptyThenStartupFailsNamingTheProperty() {
		this.runner.withPropertyValues("joat.revocation.redis.key-prefix=").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().isInstanceOf(JoatConfigurationException.class)
				.hasMessage("joat.revocation.redis.key-prefix must not be empty");
		});
	}

	@Test
	void autoConfigurationWhenCommandTimeoutNotPositiveThenStartupFailsNamingTheProperty() {
		this.runner.withPropertyValues("joat.revocation.redis.command-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure().rootCause().isInstanceOf(JoatConfigurationException.class)
				.hasMessage("joat.revocation.redis.command-timeout must be a positive duration; it is PT0S")
				.extracting((ex) -> ((JoatConfigurationException) ex).getProperty())
				.isEqualTo("joat.revocation.redis.command-timeout");
		});
	}

	@Test
	void autoConfigurationWhenRedisStoppedThenARevocationFailsWithinTheCommandTimeoutThoughSpringDataRedisTimeoutIsLonger()
			throws Exception {
		try (RedisServer own = RedisServer.start()) {
			this.runner
				.withPropertyValues("spring.data.redis.port=" + own.port(), "spring.data.redis.timeout=60s",
						"joat.revocation.redis.command-timeout=500ms")
				.run((context) -> {
					within(WAIT, "replica loaded", () -> context.getBean(RevocationReplica.class).isFresh());
					own.stop();
					long start = System.nanoTime();
					assertThatExceptionOfType(RevocationUnavailableException.class)
						.isThrownBy(() -> context.getBean(RevocationStore.class)
							.revokeToken("jti-1", Instant.now().plusSeconds(300)))
						.withMessage("Revocation not recorded: Redis did not confirm the write (QueryTimeoutException)");
					assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(400),
							Duration.ofMillis(1500));
				});
		}
	}

	@Test
	void autoConfigurationWhenRedisFlushedThenTheApplicationWritesItsRevocationsBackCountedOnceAndANewOneRefusesTheToken() {
		this.runner.run((a) -> {
			within(WAIT, "replica loaded", () -> a.getBean(RevocationReplica.class).isFresh());
			MeterRegistry registry = new SimpleMeterRegistry();
			a.getBean("joatRevocationRestoresMeter", MeterBinder.class).bindTo(registry);
			String token = a.getBean(TokenGenerator.class).issueToken("client-3", List.of("read"));
			Credentials credentials = a.getBean(TokenParser.class).parseToken(token);
			a.getBean(RevocationStore.class).revokeToken(credentials.tokenId(), credentials.expiresAt());
			String key = "KEYS joat:revocation:t:*:" + credentials.tokenId();
			assertThat(redis.command(key)).isEqualTo("*1");

			assertThat(redis.command("FLUSHALL")).isEqualTo("+OK");

			within(WAIT, "the revocation written back", () -> "*1".equals(redis.command(key)));
			this.runner.run((b) -> {
				within(WAIT, "replica b loaded", () -> b.getBean(RevocationReplica.class).isFresh());
				assertThatExceptionOfType(InvalidTokenException.class)
					.isThrownBy(() -> b.getBean(TokenParser.class).parseToken(token))
					.extracting(InvalidTokenException::getReason)
					.isEqualTo(InvalidTokenException.Reason.REVOKED);
			});
			assertThat(registry.get("joat.revocation.restores").functionCounter().count()).isEqualTo(1.0);
		});
	}

	@Test
	void autoConfigurationWhenMicrometerPresentThenGaugesTheReplicasStaleness() {
		this.runner.run((context) -> {
			within(WAIT, "replica loaded", () -> context.getBean(RevocationReplica.class).isFresh());
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean("joatRevocationStalenessMeter", MeterBinder.class).bindTo(registry);
			assertThat(registry.get("joat.revocation.staleness").gauge().value()).isBetween(0.0, 1.0);
		});
	}

}
