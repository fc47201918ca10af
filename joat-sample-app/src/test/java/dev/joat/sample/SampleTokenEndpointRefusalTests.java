package dev.joat.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attempts over a failure limit through the real server: held back before Spring Security's
 * filter chain, then a wrong secret answered {@code refusal-delay} late with {@code Retry-After}
 * and the RFC 6749 JSON body, while a client with the right secret is served meanwhile from
 * another address; the limit of a client id applies to {@code client_secret_post} too, whose
 * form the endpoint still reads after the filter read it, and a right secret held back is served
 * late. Secrets are bcrypt with a low cost. (RawHttp asks for {@code Connection: close} itself;
 * that the refusal sets it is checked by HeldBackAttemptsTests.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER,
				"joat.sample.client-authentication.max-failures-per-address=2",
				"joat.sample.client-authentication.max-failures-per-client=6",
				"joat.sample.client-authentication.refusal-delay=" + SampleTokenEndpointRefusalTests.DELAY_SECONDS + "s",
				"joat.sample.client-authentication.check-wait=60s" })
class SampleTokenEndpointRefusalTests {

	static final int DELAY_SECONDS = 4;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String POST_WRONG = "Basic " + Base64.getEncoder().encodeToString("post-client:wrong".getBytes());

	private static final String POST_FORM = "grant_type=client_credentials&client_id=post-client&client_secret=post-secret";

	private static final String POST_WRONG_FORM = "grant_type=client_credentials&client_id=post-client&client_secret=wrong";

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void clients(DynamicPropertyRegistry registry) {
		BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
		registry.add("joat.sample.clients[0].id", () -> "post-client");
		registry.add("joat.sample.clients[0].secret", () -> "{bcrypt}" + bcrypt.encode("post-secret"));
		registry.add("joat.sample.clients[0].scopes", () -> "read");
		// One client per address test, so that their failures do not add up to a client's limit.
		String[] fastClients = { "fast-a", "fast-b", "fast-c" };
		for (int i = 0; i < fastClients.length; i++) {
			String id = fastClients[i];
			registry.add("joat.sample.clients[" + (i + 1) + "].id", () -> id);
			registry.add("joat.sample.clients[" + (i + 1) + "].secret", () -> "{bcrypt}" + bcrypt.encode("fast-secret"));
			registry.add("joat.sample.clients[" + (i + 1) + "].scopes", () -> "read");
		}
	}

	@Test
	void tokenWhenAddressLimitedAndSecretWrongThen429AfterRefusalDelayWithRetryAfterAndJsonBody() throws Exception {
		failTwice("127.0.0.4", basic("fast-a", "wrong"));
		long start = System.nanoTime();
		RawHttp.Response limited = RawHttp.postToken(this.port, "127.0.0.4", basic("fast-a", "wrong"), "grant_type=client_credentials");
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(elapsedMillis).as("held back").isGreaterThanOrEqualTo(DELAY_SECONDS * 1000L);
		assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 300L);
		assertThat(limited.header("Cache-Control")).isEqualTo("no-store");
		assertThat(limited.header("Content-Type")).isEqualTo("application/json");
		assertThat(JSON.readValue(limited.body(), Map.class)).isEqualTo(Map.of("error", "temporarily_unavailable",
				"error_description", "Too many failed client authentications from this address"));
	}

	@Test
	void tokenWhenAddressRefusalHeldBackThenRightSecretFromOtherAddressServedMeanwhile() throws Exception {
		failTwice("127.0.0.5", basic("fast-b", "wrong"));
		CompletableFuture<RawHttp.Response> limited = CompletableFuture
			.supplyAsync(() -> post("127.0.0.5", basic("fast-b", "wrong"), "grant_type=client_credentials"));
		RawHttp.Response served = RawHttp.postToken(this.port, "127.0.0.6", basic("fast-b", "fast-secret"), "grant_type=client_credentials");
		assertThat(served.status()).as(served.body()).isEqualTo(200);
		assertThat(limited).as("still held back when the other address was served").isNotDone();
		assertThat(limited.get(60, TimeUnit.SECONDS).status()).isEqualTo(429);
	}

	@Test
	void tokenWhenClientLimitedThenClientSecretPostRightSecretHeldBackThenServedAndWrongOne429() throws Exception {
		failTwice("127.0.1.1", POST_WRONG);
		failTwice("127.0.1.2", POST_WRONG);
		failTwice("127.0.1.3", POST_WRONG);
		long start = System.nanoTime();
		RawHttp.Response limited = RawHttp.postToken(this.port, "127.0.1.9", null, POST_WRONG_FORM);
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(limited.status()).isEqualTo(429);
		assertThat(elapsedMillis).as("held back").isGreaterThanOrEqualTo(DELAY_SECONDS * 1000L);
		assertThat(limited.header("Retry-After")).isNotNull();
		assertThat(JSON.readValue(limited.body(), Map.class)).isEqualTo(Map.of("error", "temporarily_unavailable",
				"error_description", "Too many failed authentications for this client"));
		start = System.nanoTime();
		RawHttp.Response heldThenServed = RawHttp.postToken(this.port, "127.0.1.10", null, POST_FORM);
		elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(heldThenServed.status()).as(heldThenServed.body()).isEqualTo(200);
		assertThat(elapsedMillis).as("held back").isGreaterThanOrEqualTo(DELAY_SECONDS * 1000L);
		assertThat(JSON.readValue(heldThenServed.body(), Map.class)).containsEntry("scope", "read");
		start = System.nanoTime();
		RawHttp.Response served = RawHttp.postToken(this.port, "127.0.1.11", null, POST_FORM);
		elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(served.status()).as(served.body()).isEqualTo(200);
		assertThat(elapsedMillis).as("proven a moment ago: not held back").isLessThan(DELAY_SECONDS * 1000L);
	}

	@Test
	void revokeAndIntrospectWhenAddressLimitedAndSecretWrongThenRefusedBeforeTheChainWithConnectionClose() throws Exception {
		// Failures counted at the token endpoint limit the address at revocation and introspection too: one authenticator.
		failTwice("127.0.0.7", basic("fast-c", "wrong"));
		for (String path : new String[] { "/oauth2/revoke", "/oauth2/introspect" }) {
			RawHttp.Response limited = RawHttp.send(this.port, "127.0.0.7",
					"POST " + path + " HTTP/1.1\r\nContent-Type: application/x-www-form-urlencoded\r\nAuthorization: "
							+ basic("fast-c", "wrong"),
					"token=x".getBytes(StandardCharsets.US_ASCII));
			assertThat(limited.status()).as(path).isEqualTo(429);
			assertThat(limited.header("Connection")).as(path).isEqualTo("close");
			assertThat(limited.header("Cache-Control")).isEqualTo("no-store");
			assertThat(JSON.readValue(limited.body(), Map.class)).isEqualTo(Map.of("error", "temporarily_unavailable",
					"error_description", "Too many failed client authentications from this address"));
		}
	}

	private void failTwice(String address, String authorization) throws Exception {
		for (int i = 0; i < 2; i++) {
			RawHttp.Response failure = RawHttp.postToken(this.port, address, authorization, "grant_type=client_credentials");
			assertThat(failure.status()).as(failure.body()).isEqualTo(401);
		}
	}

	private static String basic(String clientId, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes());
	}

	private RawHttp.Response post(String address, String authorization, String form) {
		try {
			return RawHttp.postToken(this.port, address, authorization, form);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
