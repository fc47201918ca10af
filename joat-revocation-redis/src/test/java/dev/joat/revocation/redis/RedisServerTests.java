package dev.joat.revocation.redis;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's rule for which {@code redis-server} runs: the {@code PATH}'s, else the binary that
 * {@code org.signal:embedded-redis} ships. {@code .ci/run} also runs every Redis test once with
 * {@code redis-server} hidden from the {@code PATH}.
 */
class RedisServerTests {

	@Test
	void executableWhenRedisServerOnThePathThenUsesIt(@TempDir Path empty, @TempDir Path bin) throws Exception {
		Path installed = Files.writeString(bin.resolve("redis-server"), "#!/bin/sh\n");
		assertThat(installed.toFile().setExecutable(true)).isTrue();

		assertThat(RedisServer.executable(empty + File.pathSeparator + bin)).isEqualTo(installed);
	}

	@Test
	void executableWhenTheOnlyRedisServerOnThePathIsNotExecutableThenUsesTheShippedOne(@TempDir Path bin)
			throws Exception {
		Path notExecutable = Files.writeString(bin.resolve("redis-server"), "not a program");
		assertThat(notExecutable.toFile().setExecutable(false)).isTrue();

		assertThat(RedisServer.executable(bin.toString()).getFileName().toString())
			.startsWith("redis-server-" + RedisServer.SHIPPED_VERSION + "-");
	}

	@Test
	void executableWhenNoRedisServerOnThePathThenRunsTheShippedRedisServer(@TempDir Path empty) throws Exception {
		Path shipped = RedisServer.executable(empty.toString());

		assertThat(shipped.getFileName().toString()).startsWith("redis-server-" + RedisServer.SHIPPED_VERSION + "-");
		Process version = new ProcessBuilder(shipped.toString(), "--version").redirectErrorStream(true).start();
		assertThat(version.waitFor(10, TimeUnit.SECONDS)).isTrue();
		assertThat(new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
			.startsWith("Redis server v=" + RedisServer.SHIPPED_VERSION + " ");
		assertThat(RedisServer.executable(null)).isEqualTo(shipped);
	}

	@Test
	void startWhenStartedThenAnswersPingUntilStopped() throws Exception {
		try (RedisServer redis = RedisServer.start()) {
			assertThat(redis.command("PING")).isEqualTo("+PONG");
			assertThat(redis.command("INFO server")).startsWith("$");

			redis.stop();

			assertThat(redis.command("PING")).isNull();
		}
	}

}
