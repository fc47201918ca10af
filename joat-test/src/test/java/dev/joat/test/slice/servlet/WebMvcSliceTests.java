package dev.joat.test.slice.servlet;

import dev.joat.spring.security.JoatJwtDecoder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @WebMvcTest} of a joat application, with no joat property and no extra annotation:
 * joat-test's slice imports bring the starter's auto-configuration, its context customizer a
 * test-only secret and issuer, and {@code joatToken()} sends real tokens through the real decoder.
 */
@WebMvcTest
class WebMvcSliceTests {

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private JwtDecoder jwtDecoder;

	@Autowired
	private Environment environment;

	@Test
	void webMvcTestWhenNoJoatPropertiesThenJoatDecoderWithTestOnlySecretAndIssuer() {
		assertThat(this.jwtDecoder).isInstanceOf(JoatJwtDecoder.class);
		assertThat(this.environment.getProperty("joat.issuer")).isEqualTo("joat-test");
		assertThat(this.environment.getProperty("joat.secret-base64")).isNotBlank();
	}

	// tag::joat-token[]
	@Test
	void joatTokenWhenScopeGrantedThenOk() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").subject("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string("read by alice"));
	}
	// end::joat-token[]

	@Test
	void joatTokenWhenScopeMissingThenForbidden() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("profile")))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", startsWith(
					"Bearer error=\"insufficient_scope\"")));
	}

	// tag::joat-token-expired[]
	@Test
	void joatTokenWhenExpiredThenUnauthorizedWithTheDecodersDescription() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").expired()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", matchesPattern(
					"Bearer error=\"invalid_token\", error_description=\"Token expired at [^\"]+\", .*")));
	}
	// end::joat-token-expired[]

	@Test
	void joatTokenWhenWrongIssuerThenUnauthorizedWithTheDecodersDescription() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").wrongIssuer()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString(
					"error_description=\"Wrong issuer: the token's 'iss' is not accepted\"")));
	}

	@Test
	void requestWhenNoTokenThenUnauthorized() throws Exception {
		this.mockMvc.perform(get("/read")).andExpect(status().isUnauthorized());
	}

	@SpringBootConfiguration
	@EnableMethodSecurity
	@Import(Endpoints.class)
	static class SliceApplication {

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
