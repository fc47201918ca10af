package dev.joat.revocation.redis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The module's own single-key Redis commands (the revocation script, the heartbeat's ping, the
 * canary, the write-back of lost entries), each bounded by the command timeout
 * ({@code joat.revocation.redis.command-timeout}), so that a revocation during a Redis outage fails
 * within it instead of holding the caller's thread for the connection's timeout (Lettuce's is 60 s
 * unless {@code spring.data.redis.timeout} says otherwise; while disconnected, Lettuce queues
 * commands until then).
 *
 * <p>The bound is applied per command, not to the connection: the application's other Redis use
 * keeps {@code spring.data.redis.timeout}, which also still bounds these commands, so the shorter
 * of the two wins. It needs a reactive connection factory (Spring Boot's Lettuce one is); with
 * another (Jedis) the commands run blocking and the connection's own timeout is their only bound.
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

	RedisCommands(RedisConnectionFactory connectionFactory, Duration timeout) {
		Objects.requireNonNull(connectionFactory, "connectionFactory cannot be null");
		this.blocking = new StringRedisTemplate(connectionFactory);
		this.reactive = (connectionFactory instanceof ReactiveRedisConnectionFactory reactiveFactory)
				? new ReactiveStringRedisTemplate(reactiveFactory) : null;
		this.timeout = Objects.requireNonNull(timeout, "timeout cannot be null");
	}

	/** The blocking template, for the reload's {@code SCAN} (bounded by the connection's timeout). */
	StringRedisTemplate template() {
		return this.blocking;
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
		try {
			return command
				.timeout(this.timeout, Mono.error(() -> new QueryTimeoutException("Redis did not answer within "
						+ this.timeout.toMillis() + " ms (joat.revocation.redis.command-timeout)")))
				.block();
		}
		catch (DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new RedisSystemException("Redis command failed (" + ex.getClass().getName() + ")", ex);
		}
	}

}
