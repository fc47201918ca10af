package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.joat.resourcecheck.JoatResourceServerApp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 27: the sample in ES256 mode issues tokens that a joat app configured with nothing but
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} verifies (Spring's stock decoder
 * does too: {@link SampleAsymmetricIssuerTests}). The joat app finds the sample's RFC 8414
 * metadata, its {@code jwks_uri}, and the ES256 key in it.
 */
class SampleIssuerForJoatTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@Test
	void joatAppWhenGivenOnlyTheSamplesIssuerUrlThenVerifiesItsEs256Tokens() throws Exception {
		int port = AsymmetricSample.freePort();
		String issuer = AsymmetricSample.issuer(port);
		try (ConfigurableApplicationContext sample = AsymmetricSample.start(port, "--joat.sample.signing-algorithm=ES256");
				ConfigurableApplicationContext api = new SpringApplicationBuilder(JoatResourceServerApp.class)
					.properties("spring.config.name=joat-resource-check", "server.port=0", "spring.main.banner-mode=off",
							"spring.security.oauth2.resourceserver.jwt.jws-algorithms=ES256",
							"spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer)
					.run()) {
			int apiPort = ((WebServerApplicationContext) api).getWebServer().getPort();
			String token = SampleForms.accessToken(port, SampleRevocationTests.DEMO);

			HttpResponse<String> response = awaitOk(apiPort, token);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(response.body()).isEqualTo("hello demo-client");
			int payload = token.indexOf('.') + 5;
			String tampered = token.substring(0, payload) + ((token.charAt(payload) == 'A') ? 'B' : 'A')
					+ token.substring(payload + 1);
			assertThat(get(apiPort, tampered).statusCode()).isEqualTo(401);
		}
	}

	/** The joat app fetches the keys in the background after it starts: until then it answers 503. */
	private static HttpResponse<String> awaitOk(int port, String token) throws Exception {
		long deadline = System.nanoTime() + 20_000_000_000L;
		HttpResponse<String> response = get(port, token);
		while (response.statusCode() == 503 && System.nanoTime() < deadline) {
			Thread.sleep(100);
			response = get(port, token);
		}
		return response;
	}

	private static HttpResponse<String> get(int port, String token) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
