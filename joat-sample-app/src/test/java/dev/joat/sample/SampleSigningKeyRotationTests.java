package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.joat.resourcecheck.JoatResourceServerApp;
import dev.joat.resourcecheck.SpringResourceServerApp;
import dev.joat.spring.security.JwkSetKeySource;
import dev.joat.spring.security.JwkSetStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static dev.joat.sample.SampleRevocationTests.DEMO;
import static dev.joat.sample.SampleRevocationTests.RESOURCE_SERVER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27: rotating the sample's signing key by configuration and restarts, end to end over real
 * HTTP, with the three steps of the docs ({@code sample-rotation-1/2/3.yml}). Two resource servers
 * configured with nothing but the sample's {@code issuer-uri} (a joat app, and Spring Boot's stock
 * {@code NimbusJwtDecoder} without joat) are called by a background client all along, with the
 * newest token and with the first token until it expires: not one request fails. The old key's
 * token stays valid until its expiry (at both resource servers, and at the sample's own API,
 * introspection and revocation), the new key is published (and held by the joat resource server)
 * before it signs, and the retired key leaves the JWK Set at its instant without a restart.
 */
class SampleSigningKeyRotationTests {

	private static final String OLD = "2026-07";

	private static final String NEW = "2027-01";

	private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(30);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path directory;

	@Test
	void rotationWhenNextThenCurrentThenRetiredThenNoRequestFailsAndOldTokensLiveUntilTheirExpiry() throws Exception {
		String oldKey = "file:" + AsymmetricSample.pem(this.directory, AsymmetricSample.p256(), true, true);
		String newKey = "file:" + AsymmetricSample.pem(this.directory, AsymmetricSample.p256(), true, true);
		int port = AsymmetricSample.freePort();
		String issuer = AsymmetricSample.issuer(port);

		// 1. The old key signs.
		ConfigurableApplicationContext sample = start(port, 1, oldKey, newKey);
		try (ConfigurableApplicationContext joatApi = resourceServer(JoatResourceServerApp.class, issuer,
				"joat.jwks.refresh-interval=2s", "joat.jwks.minimum-refresh-interval=1s");
				ConfigurableApplicationContext springApi = resourceServer(SpringResourceServerApp.class, issuer);
				BackgroundClient client = new BackgroundClient(port(joatApi), port(springApi))) {
			String first = SampleForms.accessToken(port, DEMO);
			assertThat(kid(first)).isEqualTo(OLD);
			awaitOk(port(joatApi), first);
			awaitOk(port(springApi), first);
			client.start(first, expiry(first));

			// 2. The new key is published; the old key still signs.
			sample.close();
			sample = start(port, 2, oldKey, newKey);
			assertThat(jwkSetKeyIds(port)).containsExactly(OLD, NEW);
			Instant newKeyPublished = Instant.now();
			String beforeSwitch = SampleForms.accessToken(port, DEMO);
			assertThat(kid(beforeSwitch)).isEqualTo(OLD);
			client.newest(beforeSwitch);
			JwkSetKeySource joatKeys = joatApi.getBean(JwkSetKeySource.class);
			awaitUntil(() -> heldKeyIds(joatKeys).contains(NEW), Duration.ofSeconds(10));
			Instant newKeyHeld = Instant.now();

			// 3. The new key signs; the old one is retired until the last token it signed expires.
			// The old key's last token expires then. In production add the resource servers' clock skew
			// (sample-rotation-3.yml says so); here no request uses an old token after its expiry.
			Instant publishedUntil = expiry(beforeSwitch);
			sample.close();
			sample = start(port, 3, oldKey, newKey, "--JOAT_SIGNING_KEY_2026_07_PUBLISHED_UNTIL=" + publishedUntil);
			HttpResponse<String> jwkSet = AsymmetricSample.get(port, "/oauth2/jwks", null);
			assertThat(keyIds(jwkSet.body())).containsExactly(OLD, NEW);
			assertThat(maxAge(jwkSet)).isLessThanOrEqualTo(Duration.between(Instant.now(), publishedUntil));
			String afterSwitch = SampleForms.accessToken(port, DEMO);
			assertThat(kid(afterSwitch)).isEqualTo(NEW);
			client.newest(afterSwitch);
			Instant newKeySigned = issuedAt(afterSwitch);
			assertThat(newKeyPublished).isBefore(newKeySigned);
			assertThat(newKeyHeld).isBefore(newKeySigned);

			assertThat(Instant.now()).as("the first token is still valid").isBefore(expiry(first));
			assertThat(get(port(joatApi), "/hello", first).statusCode()).isEqualTo(200);
			assertThat(get(port(springApi), "/hello", first).statusCode()).isEqualTo(200);
			assertThat(get(port, "/api/read", first).statusCode()).isEqualTo(200);
			assertThat(get(port, "/api/read", afterSwitch).statusCode()).isEqualTo(200);
			assertThat(SampleForms.json(SampleForms.post(port, "/oauth2/introspect", RESOURCE_SERVER, "token=" + first)))
				.containsEntry("active", true);
			assertThat(SampleForms.post(port, "/oauth2/revoke", DEMO, "token=" + first).statusCode()).isEqualTo(200);
			assertThat(get(port, "/api/read", first).statusCode()).isEqualTo(401);
			String joat = managementGet(sample, "/actuator/joat");
			assertThat(joat).contains("\"kid\":\"" + OLD + "\"")
				.contains("\"kid\":\"" + NEW + "\"")
				.doesNotContain("\"d\":")
				.doesNotContain("PRIVATE");
			SampleAsymmetricIssuerTests.assertPublicOnly(jwkSet.body());

			// 4. After its instant, the retired key leaves the JWK Set, without a restart.
			awaitUntil(() -> Instant.now().isAfter(publishedUntil.plusMillis(200)), TOKEN_LIFETIME.plusSeconds(5));
			assertThat(jwkSetKeyIds(port)).containsExactly(NEW);
			awaitUntil(() -> !heldKeyIds(joatKeys).contains(OLD), Duration.ofSeconds(10));
			assertThat(get(port(joatApi), "/hello", afterSwitch).statusCode()).isEqualTo(200);
			assertThat(get(port(springApi), "/hello", afterSwitch).statusCode()).isEqualTo(200);

			client.stop();
			assertThat(client.failures()).isEmpty();
			assertThat(client.okCount(port(joatApi))).isGreaterThan(100);
			assertThat(client.okCount(port(springApi))).isGreaterThan(100);
			assertThat(client.okCountOfFirstToken()).isGreaterThan(20);
		}
		finally {
			sample.close();
		}
	}

	/** The sample with {@code sample-rotation-<step>.yml} and the two key files. */
	private static ConfigurableApplicationContext start(int port, int step, String oldKey, String newKey,
			String... more) {
		List<String> arguments = new ArrayList<>(List.of("--spring.config.additional-location=classpath:sample-rotation-"
				+ step + ".yml", "--JOAT_SIGNING_KEY_2026_07=" + oldKey, "--JOAT_SIGNING_KEY_2027_01=" + newKey,
				"--joat.token-lifetime=" + TOKEN_LIFETIME.toSeconds() + "s"));
		arguments.addAll(List.of(more));
		return AsymmetricSample.start(port, arguments.toArray(String[]::new));
	}

	private static ConfigurableApplicationContext resourceServer(Class<?> application, String issuer,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("spring.config.name=joat-resource-check", "server.port=0",
				"spring.main.banner-mode=off", "spring.security.oauth2.resourceserver.jwt.jws-algorithms=ES256",
				"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(application).properties(all.toArray(String[]::new)).run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static List<String> heldKeyIds(JwkSetKeySource keys) {
		return keys.status().keys().stream().map(JwkSetStatus.Key::keyId).toList();
	}

	private static List<String> jwkSetKeyIds(int port) throws Exception {
		HttpResponse<String> response = AsymmetricSample.get(port, "/oauth2/jwks", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return keyIds(response.body());
	}

	private static List<String> keyIds(String jwkSet) {
		List<String> keyIds = new ArrayList<>();
		for (JsonNode key : JSON.readTree(jwkSet).get("keys")) {
			keyIds.add(key.get("kid").asString());
		}
		return keyIds;
	}

	private static Duration maxAge(HttpResponse<String> response) {
		String cacheControl = response.headers().firstValue("Cache-Control").orElseThrow();
		assertThat(cacheControl).startsWith("max-age=").endsWith(", public");
		return Duration.ofSeconds(Long.parseLong(cacheControl.substring(8, cacheControl.indexOf(','))));
	}

	private static String kid(String token) {
		return JSON.readTree(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))))
			.get("kid")
			.asString();
	}

	private static JsonNode claims(String token) {
		String payload = token.substring(token.indexOf('.') + 1, token.lastIndexOf('.'));
		return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
	}

	private static Instant expiry(String token) {
		return Instant.ofEpochSecond(claims(token).get("exp").asLong());
	}

	private static Instant issuedAt(String token) {
		return Instant.ofEpochSecond(claims(token).get("iat").asLong());
	}

	/** The joat app fetches the keys in the background after it starts: until then it answers 503. */
	private static void awaitOk(int port, String token) throws Exception {
		long deadline = System.nanoTime() + 20_000_000_000L;
		HttpResponse<String> response = get(port, "/hello", token);
		while (response.statusCode() == 503 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			response = get(port, "/hello", token);
		}
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("hello demo-client");
	}

	private static void awaitUntil(Check check, Duration timeout) throws Exception {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!check.passes()) {
			assertThat(System.nanoTime()).as("waited %s", timeout).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static String managementGet(ConfigurableApplicationContext sample, String path) throws Exception {
		int managementPort = sample.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
		HttpResponse<String> response = get(managementPort, path, null);
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static HttpResponse<String> get(int port, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@FunctionalInterface
	private interface Check {

		boolean passes() throws Exception;

	}

	/**
	 * Calls each resource server's {@code /hello} in a loop, with the newest token and with the
	 * first one until a second before it expires, counting the answers; any answer but 200 is a
	 * failure.
	 */
	private static final class BackgroundClient implements AutoCloseable {

		private final List<Integer> ports;

		private final AtomicReference<String> newest = new AtomicReference<>();

		private final Map<Integer, AtomicInteger> ok = new ConcurrentHashMap<>();

		private final AtomicInteger okOfFirstToken = new AtomicInteger();

		private final List<String> failures = new CopyOnWriteArrayList<>();

		private volatile boolean running = true;

		private Thread thread;

		BackgroundClient(int... ports) {
			this.ports = Arrays.stream(ports).boxed().toList();
		}

		void start(String first, Instant firstExpiry) {
			this.newest.set(first);
			Instant firstUntil = firstExpiry.minusSeconds(1);
			this.thread = new Thread(() -> {
				while (this.running) {
					for (int port : this.ports) {
						call(port, this.newest.get(), false);
						if (Instant.now().isBefore(firstUntil)) {
							call(port, first, true);
						}
					}
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "rotation-client");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		void newest(String token) {
			this.newest.set(token);
		}

		private void call(int port, String token, boolean first) {
			try {
				HttpResponse<String> response = get(port, "/hello", token);
				if (response.statusCode() == 200) {
					this.ok.computeIfAbsent(port, (key) -> new AtomicInteger()).incrementAndGet();
					if (first) {
						this.okOfFirstToken.incrementAndGet();
					}
				}
				else {
					this.failures.add(Instant.now() + " port " + port + " kid " + kid(token) + ": "
							+ response.statusCode() + " " + response.headers().firstValue("WWW-Authenticate").orElse(""));
				}
			}
			catch (Exception ex) {
				this.failures.add(Instant.now() + " port " + port + ": " + ex);
			}
		}

		void stop() throws InterruptedException {
			this.running = false;
			if (this.thread != null) {
				this.thread.join(15_000);
			}
		}

		List<String> failures() {
			return this.failures;
		}

		int okCount(int port) {
			return this.ok.getOrDefault(port, new AtomicInteger()).get();
		}

		int okCountOfFirstToken() {
			return this.okOfFirstToken.get();
		}

		@Override
		public void close() throws InterruptedException {
			stop();
		}

	}

}
