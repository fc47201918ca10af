package dev.joat.test.keys;

import java.util.Objects;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.SignatureAlgorithm;
import dev.joat.spring.security.DelegatingKeySource;
import dev.joat.test.JoatTestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @SpringBootTest} with MockMvc of an application that verifies with its own
 * {@link KeySource} bean (not a {@link KeySet}) and names its algorithm in {@code jws-algorithms}
 * (EdDSA): the test key is of that algorithm, passes the real decoder beside the application's own
 * key, and the wrong-on-purpose tokens are refused for their one reason.
 */
@SpringBootTest(properties = { "joat.issuer=https://issuer.example.test",
		"spring.security.oauth2.resourceserver.jwt.jws-algorithms=EdDSA" })
@AutoConfigureMockMvc
class ApplicationKeySourceServletTests {

	static final JoatTestTokens APPLICATION_KEY = JoatTestTokens.withNewKey("https://issuer.example.test",
			SignatureAlgorithm.EdDSA, "vault-key-1");

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private KeySource keySource;

	@Test
	void joatTokenWhenApplicationKeySourceThenOkThroughTheRealDecoder() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken().subject("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string("hello alice"));
	}

	@Test
	void keySourceWhenTestContextThenWrapsTheApplicationsBean() {
		assertThat(this.keySource).isInstanceOf(DelegatingKeySource.class);
		assertThat(this.keySource.toString()).contains("test key joat-test-");
	}

	@Test
	void tokenWhenSignedWithTheApplicationsOwnKeyThenStillOk() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken(APPLICATION_KEY).subject("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("hello bob"));
	}

	@Test
	void joatTokenWhenSignedByAnotherKeyThenUnauthorizedBadSignature() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken().wrongSignature()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error_description=\"Bad signature\"")));
	}

	@Test
	void joatTokenWhenAnotherAlgorithmThenUnauthorizedUnsupportedAlgorithm() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken().algorithm("ES256")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					containsString("error_description=\"Unsupported algorithm 'ES256'; accepted: [EdDSA]\"")));
	}

	@Test
	void joatTokenWhenHmacSignedWithThePublicKeyThenUnauthorizedUnsupportedAlgorithm() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken().hmacWithPublicKey()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					containsString("error_description=\"Unsupported algorithm 'HS256'; accepted: [EdDSA]\"")));
	}

	@Test
	void joatTokenWhenUnknownKidThenUnauthorizedUnknownKey() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken().unknownKeyId()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					containsString("error_description=\"Unknown key: 'kid' names no key of this server\"")));
	}

	@Test
	void joatTokenWhenExpiredThenUnauthorizedExpired() throws Exception {
		this.mockMvc.perform(get("/hello").with(joatToken().expired()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error_description=\"Token expired at ")));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(Endpoints.class)
	static class Application {

		@Bean
		KeySource applicationKeys() {
			KeySet keys = KeySet.of(Objects.requireNonNull(APPLICATION_KEY.verificationKey()));
			return (keyId) -> keys;
		}

	}

	@RestController
	static class Endpoints {

		@GetMapping("/hello")
		String hello(Authentication authentication) {
			return "hello " + authentication.getName();
		}

	}

}
