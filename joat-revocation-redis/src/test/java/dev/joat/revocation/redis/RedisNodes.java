package dev.joat.revocation.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

import dev.joat.revocation.RevocationUnavailableException;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Resource-server nodes for tests: each a {@link RedisRevocation} with its own Lettuce connections
 * to a Redis port, closed (with its connections) by {@link #close()}. Short bounds keep tests fast:
 * heartbeat 100 ms, staleness bound 1 s, reconnect attempts every 100 ms (periodic resynchronization
 * every minute: out of every test's time).
 */
public final class RedisNodes implements AutoCloseable {

	static final Duration HEARTBEAT = Duration.ofMillis(100);

	public static final Duration MAX_STALENESS = Duration.ofSeconds(1);

	/** Long enough that no test passes thanks to a periodic resynchronization: recovery must come from the reconnection. */
	static final Duration RESYNC = Duration.ofMinutes(1);

	/** How long a test waits for something that must happen within the bound: the bound, plus slack for a loaded machine. */
	public static final Duration WAIT = MAX_STALENESS.plusSeconds(9);

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private final ClientResources resources = ClientResources.builder()
		.reconnectDelay(Delay.constant(Duration.ofMillis(100)))
		.build();

	RedisRevocation start(int port) {
		return start(port, UnaryOperator.identity());
	}

	RedisRevocation start(int port, UnaryOperator<RedisRevocation.Builder> customizer) {
		RedisRevocation node = build(port, customizer);
		node.start();
		return node;
	}

	RedisRevocation build(int port, UnaryOperator<RedisRevocation.Builder> customizer) {
		return build(connectionFactory(port), customizer);
	}

	/** A node on {@code connectionFactory}, which this closes with the node. */
	RedisRevocation start(LettuceConnectionFactory connectionFactory, UnaryOperator<RedisRevocation.Builder> customizer) {
		RedisRevocation node = build(connectionFactory, customizer);
		node.start();
		return node;
	}

	private RedisRevocation build(LettuceConnectionFactory connectionFactory,
			UnaryOperator<RedisRevocation.Builder> customizer) {
		RedisRevocation node = customizer
			.apply(RedisRevocation.builder(connectionFactory)
				.heartbeatInterval(HEARTBEAT)
				.maxStaleness(MAX_STALENESS)
				.resyncInterval(RESYNC))
			.build();
		this.closeables.add(0, node);
		return node;
	}

	LettuceConnectionFactory connectionFactory(int port) {
		return connectionFactory(port, Duration.ofMillis(500));
	}

	/**
	 * A started connection factory, closed by {@link #close()}.
	 * @param commandTimeout the connection's own command timeout (Lettuce's default is 60 s)
	 */
	LettuceConnectionFactory connectionFactory(int port, Duration commandTimeout) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder()
					.commandTimeout(commandTimeout)
					.clientResources(this.resources)
					.build());
		factory.afterPropertiesSet();
		factory.start();
		this.closeables.add(0, factory::destroy);
		return factory;
	}

	StringRedisTemplate template(int port) {
		return new StringRedisTemplate(connectionFactory(port));
	}

	@Override
	public void close() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
		this.resources.shutdown();
	}

	/** Whether the node's list answers now (is fresh, or fails open). */
	static boolean answers(RedisRevocation node) {
		try {
			node.list().isRevoked("probe", "probe", null, 0);
			return true;
		}
		catch (RevocationUnavailableException ex) {
			return false;
		}
	}

	/**
	 * Polls {@code condition} until it holds or {@code timeout} passes.
	 * @return how long it took
	 * @throws AssertionError when it did not hold in time
	 */
	public static Duration within(Duration timeout, String what, BooleanSupplier condition) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Not within " + timeout + ": " + what);
			}
			RedisServer.sleep(5);
		}
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
