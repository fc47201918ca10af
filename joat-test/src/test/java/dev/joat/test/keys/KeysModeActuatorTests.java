package dev.joat.test.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.sun.net.httpserver.HttpServer;
import dev.joat.KeySet;
import dev.joat.SignatureAlgorithm;
import dev.joat.test.JoatTestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /actuator/joat/jwks} in a test context of an application in keys mode, whose issuer's JWK
 * Set is served by a real HTTP server on a free loopback port: the endpoint shows the issuer's JWK
 * Set as the application's {@code JwkSetKeySource} holds it, through joat-test's wrapper, and
 * nothing of the test key; both the issuer's tokens and joat-test's pass the real decoder.
 */
@SpringBootTest(properties = {
		"spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:${jwk-set-server.port}/jwks",
		"spring.security.oauth2.resourceserver.jwt.jws-algorithms=ES256",
		"joat.issuer=https://issuer.example.test", "management.endpoints.web.exposure.include=joat" })
@AutoConfigureMockMvc
class KeysModeActuatorTests {

	/** The issuer's key pair, whose public half its JWK Set publishes. */
	static final JoatTestTokens ISSUER = JoatTestTokens.withNewKey("https://issuer.example.test",
			SignatureAlgorithm.ES256, "issuer-key-1");

	static final HttpServer JWK_SET_SERVER = jwkSetServer();

	@Autowired
	private MockMvc mockMvc;

	/** The port only: {@code jwk-set-uri} itself is a static property, so keys mode is seen from the start. */
	@DynamicPropertySource
	static void jwkSetUri(DynamicPropertyRegistry registry) {
		registry.add("jwk-set-server.port", () -> JWK_SET_SERVER.getAddress().getPort());
	}

	@AfterAll
	static void stopServer() {
		JWK_SET_SERVER.stop(0);
	}

	@Test
	void jwksEndpointWhenTestContextThenShowsTheIssuersJwkSetAndNotTheTestKey() throws Exception {
		this.mockMvc.perform(get("/actuator/joat/jwks").with(joatToken()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.jwkSetUri").value(containsString("/jwks")))
			.andExpect(jsonPath("$.keys[*].keyId").value(contains("issuer-key-1")))
			.andExpect(content().string(not(containsString("joat-test-"))))
			.andExpect(content().string(not(containsString("\"d\""))));
	}

	@Test
	void tokenWhenSignedWithTheIssuersKeyThenOk() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken(ISSUER).subject("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string("hello alice"));
	}

	@Test
	void joatTokenWhenTestContextThenOk() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken().subject("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("hello bob"));
	}

	private static HttpServer jwkSetServer() {
		byte[] jwkSet = KeySet.of(Objects.requireNonNull(ISSUER.verificationKey()))
			.toJwkSetJson()
			.getBytes(StandardCharsets.UTF_8);
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			server.createContext("/jwks", (exchange) -> {
				exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
				exchange.sendResponseHeaders(200, jwkSet.length);
				try (OutputStream body = exchange.getResponseBody()) {
					body.write(jwkSet);
				}
			});
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class Application {

	}

	@RestController
	static class Endpoints {

		@GetMapping("/hello")
		String hello(org.springframework.security.core.Authentication authentication) {
			return "hello " + authentication.getName();
		}

	}

}
