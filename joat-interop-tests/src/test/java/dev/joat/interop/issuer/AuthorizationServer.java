package dev.joat.interop.issuer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A running {@link AuthorizationServerApp} on a loopback port it keeps across restarts, so a test
 * can take the issuer down and bring it back at the same address.
 */
public final class AuthorizationServer implements AutoCloseable {

	private final int port;

	private final HttpClient http = HttpClient.newHttpClient();

	private ConfigurableApplicationContext context;

	private AuthorizationServer(int port) {
		this.port = port;
	}

	/**
	 * Starts an issuer on a free loopback port.
	 * @return the running issuer
	 */
	public static AuthorizationServer start() {
		AuthorizationServer server = new AuthorizationServer(freePort());
		server.restart();
		return server;
	}

	/**
	 * The issuer identifier, as its metadata and tokens state it.
	 * @return {@code http://127.0.0.1:PORT}
	 */
	public String issuer() {
		return "http://127.0.0.1:" + this.port;
	}

	/**
	 * Stops the issuer: its port refuses connections until {@link #restart()}.
	 */
	public void stop() {
		if (this.context != null) {
			this.context.close();
			this.context = null;
		}
	}

	/**
	 * Starts the issuer again at the same address (with a new key, as a restarted issuer that keeps no keys
	 * would have).
	 */
	public void restart() {
		stop();
		this.context = new SpringApplicationBuilder(AuthorizationServerApp.class)
			.properties("server.port=" + this.port, "server.address=127.0.0.1",
					"spring.security.oauth2.authorizationserver.issuer=" + issuer(),
					"spring.main.banner-mode=off", "logging.level.root=WARN")
			.run();
	}

	/**
	 * The issuer's keys, to rotate them.
	 * @return the running issuer's keys
	 */
	public RotatingKeys keys() {
		return this.context.getBean(RotatingKeys.class);
	}

	/**
	 * Asks the issuer's token endpoint for an access token (client credentials, RFC 6749 §4.4).
	 * @param scope the space-separated scopes to ask for
	 * @return the access token
	 */
	public String token(String scope) {
		return token(AuthorizationServerApp.CLIENT_ID, AuthorizationServerApp.CLIENT_SECRET, scope);
	}

	/**
	 * Asks for an access token of {@link AuthorizationServerApp#RFC9068_CLIENT_ID}, whose {@code scope}
	 * is a space-delimited string.
	 * @param scope the space-separated scopes to ask for
	 * @return the access token
	 */
	public String rfc9068Token(String scope) {
		return token(AuthorizationServerApp.RFC9068_CLIENT_ID, AuthorizationServerApp.RFC9068_CLIENT_SECRET, scope);
	}

	private String token(String clientId, String clientSecret, String scope) {
		String basic = Base64.getEncoder()
			.encodeToString((clientId + ":" + clientSecret)
				.getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + scope.replace(" ", "+")))
			.build();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException("The issuer answered " + response.statusCode() + ": " + response.body());
			}
			Map<?, ?> body = JsonMapper.builder().build().readValue(response.body(), Map.class);
			return (String) body.get("access_token");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		stop();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
