package dev.joat.spring.boot;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys mode over real HTTP, on servlet and WebFlux: an application with only Boot's
 * {@code jwk-set-uri} (or {@code issuer-uri}) verifies RS256 and ES256 tokens minted by Nimbus with
 * the private keys of a real JWK Set server, refuses tampered, expired and unknown-key tokens with
 * {@code 401} (expired and unknown-key ones saying why, on both stacks), and answers {@code 503}
 * with {@code Retry-After} while the issuer has not answered, recovering without a restart when it
 * does.
 */
class KeysModeServerTests {

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	private final List<AutoCloseable> closeables = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
	}

	@Test
	void getWhenServletAndJwkSetUriThenRs256AndEs256AcceptedOthersUnauthorized() throws Exception {
		JwksTestServer issuer = issuer(true);
		int port = start(WebApplicationType.SERVLET, JWT + "jwk-set-uri=" + issuer.jwkSetUri(),
				JWT + "jws-algorithms=RS256,ES256", "joat.issuer=" + issuer.issuer(), "joat.jwks.await-first-keys=10s");
		assertThat(HttpCalls.get(port, "/hello", issuer.rs256(issuer.issuer())).statusCode()).isEqualTo(200);
		HttpResponse<String> es256 = HttpCalls.get(port, "/hello", issuer.es256(issuer.issuer()));
		assertThat(es256.statusCode()).isEqualTo(200);
		assertThat(es256.body()).isEqualTo("hello client-1");
		assertUnauthorized(HttpCalls.get(port, "/hello", JwksTestServer.tampered(issuer.rs256(issuer.issuer()))));
		assertUnauthorized(HttpCalls.get(port, "/hello", issuer.expired(issuer.issuer())), "Token expired at ");
		assertUnauthorized(HttpCalls.get(port, "/hello", issuer.unknownKey(issuer.issuer())), "Unknown key: ");
		assertUnauthorized(HttpCalls.get(port, "/hello", issuer.rs256("https://another.example")));
	}

	@Test
	void getWhenServletAndExpiredOrUnknownKidThenUnauthorizedWithTheReasonAfterTheRefresh() throws Exception {
		assertExpiredAndUnknownKidRefused(WebApplicationType.SERVLET);
	}

	@Test
	void getWhenReactiveAndExpiredOrUnknownKidThenUnauthorizedWithTheReasonAfterTheRefresh() throws Exception {
		assertExpiredAndUnknownKidRefused(WebApplicationType.REACTIVE);
	}

	@Test
	void getWhenServletAndUnknownKidAndIssuerSlowThenAnsweredWithinTheUnknownKeyWait() throws Exception {
		JwksTestServer issuer = issuer(true);
		int port = start(WebApplicationType.SERVLET, JWT + "jwk-set-uri=" + issuer.jwkSetUri(),
				"joat.issuer=" + issuer.issuer(), "joat.jwks.await-first-keys=10s", "joat.jwks.minimum-refresh-interval=1s",
				"joat.jwks.unknown-key-wait=300ms", "joat.jwks.read-timeout=60s");
		issuer.delay(Duration.ofSeconds(30));
		String unknownKey = issuer.unknownKey(issuer.issuer());
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		int answered = 0;
		// Until the refresh the unknown kid starts is held back by the issuer, and a few times after.
		while (issuer.requests("/jwks") < 2 || answered < 3) {
			assertThat(System.nanoTime()).as("a refresh for the unknown kid within %s", DEADLINE).isLessThan(deadline);
			long start = System.nanoTime();
			HttpResponse<String> response = HttpCalls.get(port, "/hello", unknownKey);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertUnauthorized(response, "Unknown key: ");
			// unknown-key-wait, plus a generous margin for a shared machine: far below the issuer's 30s.
			assertThat(took).isLessThan(Duration.ofSeconds(3));
			answered += (issuer.requests("/jwks") >= 2) ? 1 : 0;
			Thread.sleep(200);
		}
		long start = System.nanoTime();
		assertThat(HttpCalls.get(port, "/hello", issuer.rs256(issuer.issuer())).statusCode()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(issuer.requests("/jwks")).as("one refresh in flight, shared").isEqualTo(2);
	}

	@Test
	void getWhenReactiveAndIssuerNeverAnsweredThenServiceUnavailableWithRetryAfter() throws Exception {
		JwksTestServer issuer = issuer(false);
		int port = start(WebApplicationType.REACTIVE, JWT + "jwk-set-uri=" + issuer.jwkSetUri(),
				"joat.issuer=" + issuer.issuer());
		assertServiceUnavailable(HttpCalls.get(port, "/hello", issuer.rs256(issuer.issuer())));
		assertServiceUnavailable(HttpCalls.get(port, "/hello", issuer.unknownKey(issuer.issuer())));
	}

	/**
	 * An expired token is refused saying so; a token whose kid the JWK Set does not hold makes the
	 * source refresh (once the minimum refresh interval has passed), and is still refused as an
	 * unknown key when the refreshed set does not hold it either.
	 */
	private void assertExpiredAndUnknownKidRefused(WebApplicationType type) throws Exception {
		JwksTestServer issuer = issuer(true);
		int port = start(type, JWT + "jwk-set-uri=" + issuer.jwkSetUri(), "joat.issuer=" + issuer.issuer(),
				"joat.jwks.await-first-keys=10s", "joat.jwks.minimum-refresh-interval=1s");
		assertThat(HttpCalls.get(port, "/hello", issuer.rs256(issuer.issuer())).statusCode()).isEqualTo(200);
		assertUnauthorized(HttpCalls.get(port, "/hello", issuer.expired(issuer.issuer())), "Token expired at ");
		String unknownKey = issuer.unknownKey(issuer.issuer());
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		while (issuer.requests("/jwks") < 2) {
			assertThat(System.nanoTime()).as("a refresh for the unknown kid within %s", DEADLINE).isLessThan(deadline);
			assertUnauthorized(HttpCalls.get(port, "/hello", unknownKey), "Unknown key: ");
			Thread.sleep(100);
		}
		assertUnauthorized(HttpCalls.get(port, "/hello", unknownKey), "Unknown key: ");
		assertThat(HttpCalls.get(port, "/hello", issuer.rs256(issuer.issuer())).statusCode()).isEqualTo(200);
	}

	@Test
	void getWhenServletAndIssuerNeverAnsweredThenServiceUnavailableUntilItAnswers() throws Exception {
		JwksTestServer issuer = issuer(false);
		int port = start(WebApplicationType.SERVLET, JWT + "jwk-set-uri=" + issuer.jwkSetUri(),
				"joat.issuer=" + issuer.issuer(), "joat.jwks.minimum-refresh-interval=1s",
				"joat.jwks.refresh-interval=2s", "joat.jwks.max-staleness=1m");
		String token = issuer.rs256(issuer.issuer());
		assertServiceUnavailable(HttpCalls.get(port, "/hello", token));
		issuer.up();
		assertThat(awaitStatus(port, token, 200).body()).isEqualTo("hello client-1");
	}

	@Test
	void getWhenServletAndIssuerUriThenKeysDiscoveredAndIssuerChecked() throws Exception {
		JwksTestServer issuer = issuer(true);
		int port = start(WebApplicationType.SERVLET, JWT + "issuer-uri=" + issuer.issuer());
		assertThat(awaitStatus(port, issuer.rs256(issuer.issuer()), 200).statusCode()).isEqualTo(200);
		assertUnauthorized(HttpCalls.get(port, "/hello", issuer.rs256(issuer.issuer() + "/other")));
	}

	@Test
	void getWhenReactiveAndJwkSetUriThenAcceptedAndServiceUnavailableWhileIssuerDown() throws Exception {
		JwksTestServer issuer = issuer(false);
		int port = start(WebApplicationType.REACTIVE, JWT + "jwk-set-uri=" + issuer.jwkSetUri(),
				JWT + "jws-algorithms=ES256", "joat.issuer=" + issuer.issuer(), "joat.jwks.minimum-refresh-interval=1s",
				"joat.jwks.refresh-interval=2s");
		String token = issuer.es256(issuer.issuer());
		assertServiceUnavailable(HttpCalls.get(port, "/hello", token));
		issuer.up();
		assertThat(awaitStatus(port, token, 200).body()).isEqualTo("hello client-1");
		assertUnauthorized(HttpCalls.get(port, "/hello", JwksTestServer.tampered(token)));
	}

	private JwksTestServer issuer(boolean up) throws Exception {
		JwksTestServer issuer = new JwksTestServer(up);
		this.closeables.add(issuer);
		return issuer;
	}

	private int start(WebApplicationType type, String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("server.port=0");
		all.add("spring.main.banner-mode=off");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).web(type)
			.properties(all.toArray(String[]::new))
			.run();
		this.closeables.add(context);
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static HttpResponse<String> awaitStatus(int port, String token, int status) throws Exception {
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		HttpResponse<String> response = HttpCalls.get(port, "/hello", token);
		while (response.statusCode() != status && System.nanoTime() < deadline) {
			Thread.sleep(100);
			response = HttpCalls.get(port, "/hello", token);
		}
		assertThat(response.statusCode()).as("%s", response.headers().map()).isEqualTo(status);
		return response;
	}

	static void assertUnauthorized(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).startsWith("Bearer error=\"invalid_token\""));
	}

	/** A {@code 401} whose challenge's {@code error_description} starts with {@code description}. */
	static void assertUnauthorized(HttpResponse<String> response, String description) {
		assertUnauthorized(response);
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
				(challenge) -> assertThat(challenge).contains("error_description=\"" + description));
	}

	static void assertServiceUnavailable(HttpResponse<String> response) {
		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Long.parseLong(seconds)).isPositive());
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.body()).isEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class Application {

		@RestController
		static class Endpoints {

			@GetMapping("/hello")
			String hello(java.security.Principal principal) {
				return "hello " + principal.getName();
			}

		}

	}

}
