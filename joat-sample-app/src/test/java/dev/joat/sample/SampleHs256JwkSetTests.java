package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default {@code HS256} sample publishes no key: a shared secret is never published, so
 * {@code /oauth2/jwks} is 404 (without a token: it is public in every mode) and the RFC 8414
 * metadata has no {@code jwks_uri}. The sample is no OpenID Provider: no
 * {@code /.well-known/openid-configuration}; Spring's {@code JwtDecoders.fromIssuerLocation} falls
 * back to the RFC 8414 document ({@code SampleAsymmetricIssuerTests}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER })
class SampleHs256JwkSetTests {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	private int port;

	@Test
	void jwksWhenHs256ThenNotFoundWithoutToken() throws Exception {
		assertThat(get("/oauth2/jwks").statusCode()).isEqualTo(404);
	}

	@Test
	void metadataWhenHs256ThenNoJwksUri() throws Exception {
		HttpResponse<String> metadata = get("/.well-known/oauth-authorization-server");
		assertThat(metadata.statusCode()).isEqualTo(200);
		assertThat(metadata.body()).doesNotContain("jwks_uri");
	}

	@Test
	void openidConfigurationWhenRequestedThenNotFound() throws Exception {
		assertThat(get("/.well-known/openid-configuration").statusCode()).isEqualTo(404);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.timeout(Duration.ofSeconds(10))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
