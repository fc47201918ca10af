package dev.joat.spring.boot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Requests to an application on a real embedded server, with the JDK's HTTP client and bounded
 * waits.
 */
final class HttpCalls {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private HttpCalls() {
	}

	/** {@code GET http://localhost:port/path}, with {@code Authorization: Bearer token} unless the token is null. */
	static HttpResponse<String> get(int port, String path, String token) throws IOException, InterruptedException {
		return send(request(port, path, token).GET().build());
	}

	/** {@code GET http://localhost:port/path} without a token, as a browser asks: {@code Accept: text/html}. */
	static HttpResponse<String> getAsBrowser(int port, String path) throws IOException, InterruptedException {
		return send(request(port, path, null).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build());
	}

	/** {@code POST http://localhost:port/path} with an empty body, with a bearer token unless it is null. */
	static HttpResponse<String> post(int port, String path, String token) throws IOException, InterruptedException {
		return send(request(port, path, token).POST(HttpRequest.BodyPublishers.noBody()).build());
	}

	/** The URL Spring Security 7 names in {@code resource_metadata} (RFC 9728) for this port. */
	static String resourceMetadata(int port) {
		return "http://localhost:" + port + "/.well-known/oauth-protected-resource";
	}

	private static HttpRequest.Builder request(int port, String path, String token) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10));
		return (token != null) ? request.header("Authorization", "Bearer " + token) : request;
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
