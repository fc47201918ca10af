package dev.joat.spring.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP issuer on a loopback port chosen by the system: each path answers as told, and counts
 * its requests. A path may hang on a latch, to stand for an issuer that does not answer.
 */
final class TestIssuerServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

	final List<String> acceptHeaders = new CopyOnWriteArrayList<>();

	TestIssuerServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.threads);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** The base URI, {@code http://127.0.0.1:port}, without a trailing slash. */
	String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	URI uri(String path) {
		return URI.create(base() + path);
	}

	/** {@code path} answers {@code status} with {@code body} and the header pairs given. */
	void answer(String path, int status, String body, String... headers) {
		this.answers.put(path, new Answer(status, body, headers, null, false));
	}

	/** {@code path} answers {@code body} without a Content-Length (chunked). */
	void answerChunked(String path, String body) {
		this.answers.put(path, new Answer(200, body, new String[0], null, true));
	}

	/** {@code path} waits for {@code latch} (at most a minute), then answers {@code body}. */
	void hang(String path, CountDownLatch latch, String body) {
		this.answers.put(path, new Answer(200, body, new String[0], latch, false));
	}

	int requests(String path) {
		AtomicInteger count = this.counts.get(path);
		return (count != null) ? count.get() : 0;
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		this.counts.computeIfAbsent(path, (key) -> new AtomicInteger()).incrementAndGet();
		this.acceptHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
		Answer answer = this.answers.getOrDefault(path, new Answer(404, "", new String[0], null, false));
		try (exchange) {
			if (answer.latch() != null) {
				answer.latch().await(1, TimeUnit.MINUTES);
			}
			for (int i = 0; i + 1 < answer.headers().length; i += 2) {
				exchange.getResponseHeaders().add(answer.headers()[i], answer.headers()[i + 1]);
			}
			byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(answer.status(), answer.chunked() ? 0 : ((body.length == 0) ? -1 : body.length));
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// The client went away (a timeout under test).
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	private record Answer(int status, String body, String[] headers, CountDownLatch latch, boolean chunked) {
	}

}
