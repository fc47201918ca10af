package dev.joat.spring.boot;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The RFC 9728 document of an application with nothing but the starter and {@code joat.*}
 * properties, fetched from a real embedded server: public, truthful, and its {@code resource}
 * unmoved by a forged {@code Host} (or {@code X-Forwarded-Host}) header that Tomcat passes on.
 */
@SpringBootTest(classes = TestResourceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "joat.issuer=" + ProtectedResourceMetadataServerTests.ISSUER,
				"joat.secret=" + JoatAutoConfigurationTests.SECRET,
				"joat.resource=" + ProtectedResourceMetadataServerTests.RESOURCE })
class ProtectedResourceMetadataServerTests {

	static final String ISSUER = "https://issuer.example";

	static final String RESOURCE = "https://api.example.com";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Test
	void getWhenNoTokenThenPublicTruthfulDocument() throws Exception {
		HttpResponse<String> response = HttpCalls.get(this.port, "/.well-known/oauth-protected-resource", null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response.body())).containsOnly(entry("resource", RESOURCE),
				entry("authorization_servers", List.of(ISSUER)), entry("bearer_methods_supported", List.of("header")));
	}

	@Test
	void getWhenHostHeaderForgedThenResourceStillConfigured() throws Exception {
		String answer = rawGet("/.well-known/oauth-protected-resource",
				"Host: attacker.example\r\nX-Forwarded-Host: attacker.example\r\nX-Forwarded-Proto: https\r\n");
		assertThat(answer).startsWith("HTTP/1.1 200 ").doesNotContain("attacker.example");
		assertThat(json(answer.substring(answer.indexOf("\r\n\r\n") + 4))).containsEntry("resource", RESOURCE)
			.doesNotContainKey("tls_client_certificate_bound_access_tokens");
	}

	@Test
	void getWhenNoTokenAndHostForgedThenChallengePointsAtConfiguredResource() throws Exception {
		String answer = rawGet("/anything",
				"Host: attacker.example\r\nX-Forwarded-Host: attacker.example\r\nX-Forwarded-Proto: https\r\n");
		assertThat(answer).startsWith("HTTP/1.1 401 ").doesNotContain("attacker.example")
			.contains("WWW-Authenticate: Bearer resource_metadata=\"" + RESOURCE + "/.well-known/oauth-protected-resource\"");
		String invalid = rawGet("/anything", "Host: attacker.example\r\nAuthorization: Bearer not.a.token\r\n");
		assertThat(invalid).startsWith("HTTP/1.1 401 ").doesNotContain("attacker.example")
			.contains("error=\"invalid_token\"")
			.contains("resource_metadata=\"" + RESOURCE + "/.well-known/oauth-protected-resource\"");
	}

	@Test
	void metadataUrlWhenResourceHasPathThenWellKnownBetweenOriginAndPath() {
		assertThat(JoatBearerTokenAuthenticationEntryPoint.metadataUrl("https://api.example.com"))
			.isEqualTo("https://api.example.com/.well-known/oauth-protected-resource");
		assertThat(JoatBearerTokenAuthenticationEntryPoint.metadataUrl("https://api.example.com:8443/"))
			.isEqualTo("https://api.example.com:8443/.well-known/oauth-protected-resource");
		assertThat(JoatBearerTokenAuthenticationEntryPoint.metadataUrl("https://api.example.com/v1/orders"))
			.isEqualTo("https://api.example.com/.well-known/oauth-protected-resource/v1/orders");
	}

	/** An HTTP/1.0 request over a plain socket (so any {@code Host} can be sent), read to its end. */
	private String rawGet(String path, String headers) throws Exception {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5000);
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.0\r\n" + headers + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream answer = new ByteArrayOutputStream();
			in.transferTo(answer);
			return answer.toString(StandardCharsets.UTF_8);
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(String body) {
		return JSON.readValue(body, Map.class);
	}

}
