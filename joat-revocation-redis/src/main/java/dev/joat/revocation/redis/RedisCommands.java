package dev.joat.revocation.redis;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisClusterNode;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The module's own Redis commands (the revocation script, the heartbeat's ping, the canary, the
 * write-back of lost entries, the reload's {@code SCAN}), each bounded by the command timeout
 * ({@code joat.revocation.redis.command-timeout}), so that a revocation during a Redis outage fails
 * within it instead of holding the caller's thread for the connection's timeout (Lettuce's is 60 s
 * unless {@code spring.data.redis.timeout} says otherwise; while disconnected, Lettuce queues
 * commands until then), and a stuck Redis cannot hold the reload for longer either.
 *
 * <p>The bound is applied per command, not to the connection: the application's other Redis use
 * keeps {@code spring.data.redis.timeout}, which also still bounds these commands, so the shorter
 * of the two wins. It needs a reactive connection factory (Spring Boot's Lettuce one is); with
 * another (Jedis) the commands run blocking and the connection's own timeout is their only bound;
 * so do the {@code SCAN}s of a Redis Cluster, which walk each master in turn.
 * A command that timed out is cancelled, so it is not sent later when the connection comes back.
 * Failures are thrown as Spring's {@link DataAccessException}s ({@link QueryTimeoutException} for
 * the timeout).
 *
 * <p>Thread-safe; never call it on a reactive (event-loop) thread.
 */
final class RedisCommands {

	private final StringRedisTemplate blocking;

	private final ReactiveStringRedisTemplate reactive;

	private final Duration timeout;

	/** Whether the {@code SCAN} runs reactively, bounded: not on a Cluster, where it walks each master. */
	private final boolean boundedScan;

	RedisCommands(RedisConnectionFactory connectionFactory, Duration timeout) {
		Objects.requireNonNull(connectionFactory, "connectionFactory cannot be null");
		this.blocking = new StringRedisTemplate(connectionFactory);
		this.reactive = (connectionFactory instanceof ReactiveRedisConnectionFactory reactiveFactory)
				? new ReactiveStringRedisTemplate(reactiveFactory) : null;
		this.timeout = Objects.requireNonNull(timeout, "timeout cannot be null");
		this.boundedScan = this.reactive != null
				&& !(connectionFactory instanceof LettuceConnectionFactory lettuce && lettuce.isClusterAware());
	}

	/**
	 * Passes every key {@code options} match to {@code keys}, in {@code SCAN} steps (never
	 * {@code KEYS}). The scan fails with a {@link QueryTimeoutException} when Redis answers no
	 * matching key, and does not end, within the command timeout: a stuck Redis fails it within that
	 * bound, not the connection's, however long the scan has run. On a Cluster, every master is
	 * scanned in turn, bounded by the connection's timeout only.
	 * @param options the {@code MATCH} pattern and {@code COUNT} hint
	 * @param keys told each key, on the caller's thread
	 */
	void scan(ScanOptions options, Consumer<String> keys) {
		if (this.boundedScan) {
			// Flux#timeout bounds the wait for each key and for the end, each from the one before.
			List<String> found = block(this.reactive.scan(options).timeout(this.timeout, timeout()).collectList());
			found.forEach(keys);
			return;
		}
		this.blocking.execute((RedisCallback<Void>) (connection) -> {
			if (connection instanceof RedisClusterConnection cluster) {
				// SCAN walks one node: on a Cluster, walk every master.
				for (RedisClusterNode node : cluster.clusterGetNodes()) {
					if (node.isMaster()) {
						collect(cluster.scan(node, options), keys);
					}
				}
			}
			else {
				collect(((RedisConnection) connection).keyCommands().scan(options), keys);
			}
			return null;
		});
	}

	private static void collect(Cursor<byte[]> cursor, Consumer<String> keys) {
		try (cursor) {
			while (cursor.hasNext()) {
				keys.accept(new String(cursor.next(), StandardCharsets.UTF_8));
			}
		}
	}

	<T> T execute(RedisScript<T> script, String key, String... arguments) {
		if (this.reactive == null) {
			return this.blocking.execute(script, List.of(key), (Object[]) arguments);
		}
		return bounded(Flux.from(this.reactive.execute(script, List.of(key), List.of(arguments))).next());
	}

	void publish(String channel, String message) {
		if (this.reactive == null) {
			this.blocking.convertAndSend(channel, message);
			return;
		}
		bounded(this.reactive.convertAndSend(channel, message));
	}

	String get(String key) {
		if (this.reactive == null) {
			return this.blocking.opsForValue().get(key);
		}
		return bounded(this.reactive.opsForValue().get(key));
	}

	void set(String key, String value) {
		if (this.reactive == null) {
			this.blocking.opsForValue().set(key, value);
			return;
		}
		bounded(this.reactive.opsForValue().set(key, value));
	}

	void setIfAbsent(String key, String value) {
		if (this.reactive == null) {
			this.blocking.opsForValue().setIfAbsent(key, value);
			return;
		}
		bounded(this.reactive.opsForValue().setIfAbsent(key, value));
	}

	void set(String key, String value, Duration ttl) {
		if (this.reactive == null) {
			this.blocking.opsForValue().set(key, value, ttl);
			return;
		}
		bounded(this.reactive.opsForValue().set(key, value, ttl));
	}

	private <T> T bounded(Mono<T> command) {
		return block(command.timeout(this.timeout, timeout()));
	}

	private static <T> T block(Mono<T> command) {
		try {
			return command.block();
		}
		catch (DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RedisSystemException("Redis command failed (" + ex.getClass().getName() + ")", ex);
		}
	}

	/** The failure of a command Redis did not answer within the command timeout. */
	private <T> Mono<T> timeout() {
		return Mono.error(() -> new QueryTimeoutException(
				"Redis did not answer within " + this.timeout.toMillis() + " ms (joat.revocation.redis.command-timeout)"));
	}

}
