package dev.joat.revocation.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} process for tests: started on a free port without persistence
 * ({@code --save '' --appendonly no}), ready once it answers {@code PING}, stopped by its PID. It
 * can be stopped and started again on the same port in the middle of a test (its data is lost, as a
 * Redis without persistence loses it). Not thread-safe: one test drives it. Public, through this
 * module's test jar, for the sample's Redis tests.
 */
public final class RedisServer implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

	private final int port;

	private final Path workDirectory;

	private Process process;

	private RedisServer(int port, Path workDirectory) {
		this.port = port;
		this.workDirectory = workDirectory;
	}

	/**
	 * Starts a server on a free port.
	 * @return the running server
	 * @throws IOException when it cannot be started or does not answer {@code PING} within 10 seconds
	 */
	public static RedisServer start() throws IOException {
		RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("joat-redis-"));
		server.startAgain();
		return server;
	}

	/** The executable: {@code redis-server} on the {@code PATH}. */
	static String executable() {
		return "redis-server";
	}

	/**
	 * The port it listens on, on {@code 127.0.0.1}.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** Starts the server (again) on its port and waits until it answers {@code PING}. */
	void startAgain() throws IOException {
		if (isRunning()) {
			throw new IllegalStateException("redis-server already running on port " + this.port);
		}
		this.process = new ProcessBuilder(List.of(executable(), "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no", "--dir", this.workDirectory.toString()))
			.redirectErrorStream(true)
			.redirectOutput(this.workDirectory.resolve("redis.log").toFile())
			.start();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (!"+PONG".equals(command("PING"))) {
			if (!this.process.isAlive()) {
				throw new IOException("redis-server exited with " + this.process.exitValue() + ": "
						+ Files.readString(this.workDirectory.resolve("redis.log")));
			}
			if (System.nanoTime() > deadline) {
				stop();
				throw new IOException("redis-server did not answer PING on port " + this.port + " within " + READY_TIMEOUT);
			}
			sleep(20);
		}
	}

	/** Stops the server by its PID (SIGTERM, then SIGKILL if it lingers) and waits for it to exit. */
	void stop() {
		if (this.process == null) {
			return;
		}
		ProcessHandle handle = this.process.toHandle();
		handle.destroy();
		try {
			if (!this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				handle.destroyForcibly();
				this.process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			handle.destroyForcibly();
		}
		this.process = null;
	}

	/**
	 * Sends one inline command and reads the first line of the reply (enough for {@code PING},
	 * integers and simple strings).
	 * @param inline the command, e.g. {@code KEYS joat:*}
	 * @return the reply's first line, or {@code null} when the server cannot be reached
	 */
	public String command(String inline) {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(2000);
			OutputStream out = socket.getOutputStream();
			out.write((inline + "\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
				line.append((char) c);
			}
			return line.toString();
		}
		catch (IOException ex) {
			return null;
		}
	}

	/** Stops the server by its PID and waits for it to exit. */
	@Override
	public void close() {
		stop();
	}

	/**
	 * A port free on the loopback interface now.
	 * @return the port
	 * @throws IOException when no port can be bound
	 */
	public static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
