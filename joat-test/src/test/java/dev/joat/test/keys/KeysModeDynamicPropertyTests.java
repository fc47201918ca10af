package dev.joat.test.keys;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import com.sun.net.httpserver.HttpServer;
import dev.joat.KeySet;
import dev.joat.SecretResolver;
import dev.joat.SignatureAlgorithm;
import dev.joat.test.JoatTestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Keys mode whose {@code jwk-set-uri} comes only from a {@code @DynamicPropertySource} (the URL of
 * a mock issuer on a free port), whichever of the two context customizers runs first: no test
 * secret is left, and both joat-test's tokens and the issuer's pass the real decoder.
 */
@SpringBootTest(properties = { "spring.security.oauth2.resourceserver.jwt.jws-algorithms=ES256",
		"joat.issuer=https://issuer.example.test" })
@AutoConfigureMockMvc
class KeysModeDynamicPropertyTests {

	static final JoatTestTokens ISSUER = JoatTestTokens.withNewKey("https://issuer.example.test",
			SignatureAlgorithm.ES256, "issuer-key-1");

	static final HttpServer JWK_SET_SERVER = jwkSetServer();

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private ApplicationContext context;

	@DynamicPropertySource
	static void jwkSetUri(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
				() -> "http://127.0.0.1:" + JWK_SET_SERVER.getAddress().getPort() + "/jwks");
	}

	@AfterAll
	static void stopServer() {
		JWK_SET_SERVER.stop(0);
	}

	@Test
	void joatTokenWhenJwkSetUriFromDynamicPropertySourceThenOk() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken().subject("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string("hello alice"));
	}

	@Test
	void tokenWhenSignedWithTheIssuersKeyThenOk() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken(ISSUER).subject("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("hello bob"));
	}

	@Test
	void contextWhenJwkSetUriFromDynamicPropertySourceThenNoTestSecret() {
		assertThat(this.context.getEnvironment().getProperty("joat.secret-base64")).isNull();
		assertThat(this.context.getBeanNamesForType(SecretResolver.class)).isEmpty();
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
		String hello(Authentication authentication) {
			return "hello " + authentication.getName();
		}

	}

}
