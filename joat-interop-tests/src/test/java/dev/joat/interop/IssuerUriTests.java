package dev.joat.interop;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import dev.joat.interop.issuer.AuthorizationServer;
import dev.joat.interop.protectedapp.ProtectedApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A joat-protected app configured with nothing but Spring Boot's {@code issuer-uri}, pointing at a
 * running Spring Authorization Server: it accepts the issuer's RS256 tokens (its default
 * {@code scope} array, and the RFC 9068 {@code scope} string of a customized client), refuses
 * tampered and expired ones, follows a key rotation through the unknown-kid refresh, and rides out an outage
 * ({@code 503} with {@code Retry-After} once the keys are older than the maximum staleness, then
 * {@code 200} again when the issuer is back), never restarted. The JWK Set timings are shortened
 * for the test; every wait polls with a deadline.
 */
class IssuerUriTests {

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static AuthorizationServer issuer;

	private static ConfigurableApplicationContext app;

	private static int port;

	@BeforeAll
	static void start() {
		issuer = AuthorizationServer.start();
		app = new SpringApplicationBuilder(ProtectedApp.class)
			.properties("spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer.issuer(), "server.port=0",
					"server.address=127.0.0.1", "spring.main.banner-mode=off", "logging.level.root=WARN",
					"joat.jwks.refresh-interval=2s", "joat.jwks.minimum-refresh-interval=1s",
					"joat.jwks.max-staleness=4s")
			.run();
		port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
		if (issuer != null) {
			issuer.close();
		}
	}

	@Test
	void getWhenTokenOfIssuerThenOk() throws Exception {
		HttpResponse<String> response = awaitStatus(issuer.token("read write"), 200);
		assertThat(response.body()).isEqualTo("hello interop-client");
	}

	@Test
	void getWhenTamperedTokenThenUnauthorized() throws Exception {
		String token = issuer.token("read");
		awaitStatus(token, 200);
		int payload = token.indexOf('.') + 10;
		String tampered = token.substring(0, payload) + ((token.charAt(payload) == 'A') ? 'B' : 'A')
				+ token.substring(payload + 1);
		assertUnauthorized(get(tampered));
	}

	@Test
	void getWhenTokenExpiredThenUnauthorized() throws Exception {
		String token = issuer.token("read");
		awaitStatus(token, 200);
		ProtectedApp.ShiftedClock clock = app.getBean(ProtectedApp.ShiftedClock.class);
		clock.shift(Duration.ofHours(1));
		try {
			assertUnauthorized(get(token));
		}
		finally {
			clock.shift(Duration.ZERO);
		}
	}

	@Test
	void getWhenIssuerRotatedItsKeyThenNewTokenOkWithoutRestart() throws Exception {
		awaitStatus(issuer.token("read"), 200);
		issuer.keys().rotate();
		HttpResponse<String> response = awaitStatus(issuer.token("read"), 200);
		assertThat(response.body()).isEqualTo("hello interop-client");
	}

	@Test
	void getWhenIssuerDownBeyondMaxStalenessThenServiceUnavailableThenOkWhenBack() throws Exception {
		String token = issuer.token("read");
		awaitStatus(token, 200);
		issuer.stop();
		HttpResponse<String> unavailable;
		try {
			unavailable = awaitStatus(token, 503);
		}
		finally {
			issuer.restart();
		}
		assertThat(unavailable.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(unavailable.body()).isEmpty();
		// The restarted issuer signs with a new key: its tokens are verified once the keys are fetched again.
		HttpResponse<String> response = awaitStatus(issuer.token("read"), 200);
		assertThat(response.body()).isEqualTo("hello interop-client");
	}

	@Test
	void getWhenScopeIsAnRfc9068StringThenOkToo() throws Exception {
		HttpResponse<String> response = awaitStatus(issuer.rfc9068Token("read write"), 200);
		assertThat(response.body()).isEqualTo("hello interop-rfc9068-client");
	}

	private static HttpResponse<String> awaitStatus(String token, int status) throws Exception {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		HttpResponse<String> response = get(token);
		while (response.statusCode() != status && System.nanoTime() < deadline) {
			Thread.sleep(100);
			response = get(token);
		}
		assertThat(response.statusCode()).as("%s %s", response.headers().map(), response.body()).isEqualTo(status);
		return response;
	}

	private static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
	}

	private static HttpResponse<String> get(String token) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
			.header("Authorization", "Bearer " + token)
			.timeout(Duration.ofSeconds(10))
			.GET()
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
