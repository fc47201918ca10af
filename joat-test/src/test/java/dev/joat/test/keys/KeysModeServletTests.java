package dev.joat.test.keys;

import dev.joat.KeySource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @SpringBootTest} with MockMvc of an application in keys mode whose JWK Set URL is an
 * unreachable loopback port: joat-test's ES256 test key passes the real decoder with no HTTP call,
 * and every wrong-on-purpose token is refused.
 */
@SpringBootTest(properties = { "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks",
		"spring.security.oauth2.resourceserver.jwt.jws-algorithms=ES256", "joat.issuer=https://issuer.example.test",
		"joat.jwks.unknown-key-wait=0s" })
@AutoConfigureMockMvc
class KeysModeServletTests {

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private KeySource keySource;

	@Test
	void joatTokenWhenKeysModeThenOkThroughTheRealDecoder() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").subject("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string("read by alice"));
	}

	@Test
	void keySourceWhenTestContextThenWrappedAroundTheApplicationsJwkSetKeySource() {
		assertThat(this.keySource.getClass().getSimpleName()).isEqualTo("TestKeySource");
		assertThat(this.keySource.toString()).contains("JwkSetKeySource").contains("joat-test-");
	}

	@Test
	void joatTokenWhenSignedByAnotherKeyWithTheSameKidThenUnauthorized() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").wrongSignature()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void joatTokenWhenAnotherAlgorithmThenUnauthorized() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").algorithm("ES384")))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void joatTokenWhenHmacSignedWithThePublicKeyThenUnauthorized() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").hmacWithPublicKey()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void joatTokenWhenUnknownKidAndIssuerUnreachableThenServiceUnavailable() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").unknownKeyId()))
			.andExpect(status().isServiceUnavailable());
	}

	@Test
	void joatTokenWhenExpiredThenUnauthorized() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").expired()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void joatTokenWhenWrongIssuerThenUnauthorized() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").wrongIssuer()))
			.andExpect(status().isUnauthorized());
	}

	@Test
	void joatTokenWhenMissingScopeThenForbidden() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("write"))).andExpect(status().isForbidden());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableMethodSecurity
	@Import(Endpoints.class)
	static class Application {

	}

	@RestController
	static class Endpoints {

		@GetMapping("/read")
		@PreAuthorize("hasAuthority('SCOPE_read')")
		String read(Authentication authentication) {
			return "read by " + authentication.getName();
		}

	}

}
