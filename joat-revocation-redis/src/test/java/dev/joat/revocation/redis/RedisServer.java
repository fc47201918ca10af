package dev.joat.revocation.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} process for tests: started on a free port without persistence
 * ({@code --save '' --appendonly no}), ready once it answers {@code PING}, stopped by its PID. It
 * can be stopped and started again on the same port in the middle of a test (its data is lost, as a
 * Redis without persistence loses it). Not thread-safe: one test drives it. Public, through this
 * module's test jar, for the sample's Redis tests: one harness, one rule for which binary runs.
 *
 * <p>Which {@code redis-server}: the one on the {@code PATH} when there is one (a developer's or
 * CI's installed Redis, e.g. Debian's package), otherwise the Redis {@value #SHIPPED_VERSION} server
 * binary that the test dependency {@code org.signal:embedded-redis} ships for Linux and macOS
 * (x86-64 and ARM64; Linux also x86), copied out of its jar once per JVM and started in exactly the
 * same way. So a machine with only a JDK and Maven runs the same tests against a real Redis. That
 * artifact was chosen for what it ships and how it is kept: unmodified Redis 7.0 (the version the
 * tests and {@code docs/pages/scaling.md} were measured with, and Debian 12's), built from Redis's release
 * source by the build script in its own repository rather than collected from third parties, the
 * Linux binaries statically linked so that they run on any distribution, and maintained by Signal,
 * whose server's tests use it (the older {@code it.ozimov}/{@code com.github.kstyrc} artifacts ship
 * Redis 2.8 to 5, and later forks binaries gathered from elsewhere).
 * Only its binaries are used, never its Java API (its dependencies are excluded).
 */
public final class RedisServer implements AutoCloseable {

	/** The Redis version of the binaries in {@code org.signal:embedded-redis} (see the root pom). */
	static final String SHIPPED_VERSION = "7.0.15";

	private static final String EXECUTABLE_NAME = "redis-server";

	/** The shipped binary once copied out of its jar (per JVM), or {@code null} before it is needed. */
	private static Path shipped;

	private static boolean announced;

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

	/**
	 * The executable this JVM's servers run: {@code redis-server} from the {@code PATH}, or else the
	 * shipped binary.
	 * @return its path
	 * @throws IOException when there is none on the {@code PATH} and none shipped for this platform
	 */
	static Path executable() throws IOException {
		Path executable = executable(System.getenv("PATH"));
		synchronized (RedisServer.class) {
			if (!announced) {
				// Once per JVM, so that a test log (and .ci/run's two runs) shows which binary served.
				System.out.println("RedisServer: running " + executable);
				announced = true;
			}
		}
		return executable;
	}

	/**
	 * The first executable {@code redis-server} in the directories of {@code path}, or else the
	 * binary shipped for this operating system and processor.
	 * @param path a {@code PATH} value ({@code null} for none)
	 * @return the executable
	 * @throws IOException when none is on {@code path} and none is shipped for this platform
	 */
	static Path executable(String path) throws IOException {
		if (path != null) {
			for (String directory : path.split(File.pathSeparator)) {
				if (!directory.isEmpty()) {
					Path candidate = Path.of(directory, EXECUTABLE_NAME);
					if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
						return candidate;
					}
				}
			}
		}
		return shipped();
	}

	private static synchronized Path shipped() throws IOException {
		if (shipped != null) {
			return shipped;
		}
		String resource = EXECUTABLE_NAME + "-" + SHIPPED_VERSION + "-" + platform();
		try (InputStream binary = RedisServer.class.getClassLoader().getResourceAsStream(resource)) {
			if (binary == null) {
				throw new IOException("No redis-server on the PATH, and org.signal:embedded-redis (a test dependency)"
						+ " ships no " + resource + " for this platform: install Redis (e.g. apt-get install redis-server)");
			}
			Path directory = Files.createTempDirectory("joat-redis-bin-");
			Path executable = directory.resolve(resource);
			Files.copy(binary, executable, StandardCopyOption.REPLACE_EXISTING);
			if (!executable.toFile().setExecutable(true, true)) {
				throw new IOException("Could not make " + executable + " executable");
			}
			executable.toFile().deleteOnExit();
			directory.toFile().deleteOnExit();
			shipped = executable;
			return executable;
		}
	}

	/** The suffix of the shipped binary's name: {@code linux-amd64}, {@code darwin-arm64} and so on. */
	private static String platform() {
		String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
		String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
		String system = os.contains("mac") || os.contains("darwin") ? "darwin" : os.contains("linux") ? "linux" : os;
		String processor = switch (arch) {
			case "amd64", "x86_64" -> "amd64";
			case "aarch64", "arm64" -> "arm64";
			case "x86", "i386", "i486", "i586", "i686" -> "386";
			default -> arch;
		};
		return system + "-" + processor;
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
		this.process = new ProcessBuilder(List.of(executable().toString(), "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
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
	public void stop() {
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
