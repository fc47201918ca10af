package dev.joat.test.slice.servlet;

import dev.joat.test.web.servlet.WithJoatToken;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@link WithJoatToken} in a {@code @WebMvcTest}: a real token through the real decoder for the
 * annotated method only; a request's own token or header wins.
 */
@WebMvcTest
@ContextConfiguration(classes = WithJoatTokenTests.SliceApplication.class)
class WithJoatTokenTests {

	@Autowired
	private MockMvc mockMvc;

	// tag::with-joat-token[]
	@Test
	@WithJoatToken(scopes = "read", subject = "alice")
	void withJoatTokenWhenScopeGrantedThenOk() throws Exception {
		this.mockMvc.perform(get("/read")).andExpect(status().isOk()).andExpect(content().string("read by alice"));
	}
	// end::with-joat-token[]

	@Test
	@WithJoatToken(scopes = "profile")
	void withJoatTokenWhenScopeMissingThenForbidden() throws Exception {
		this.mockMvc.perform(get("/read")).andExpect(status().isForbidden());
	}

	@Test
	@WithJoatToken(clientId = "abcd", scopes = "read")
	void withJoatTokenWhenNoSubjectThenTheClientIsThePrincipal() throws Exception {
		this.mockMvc.perform(get("/read")).andExpect(status().isOk()).andExpect(content().string("read by abcd"));
	}

	@Test
	void requestWhenMethodNotAnnotatedThenNoTokenAndUnauthorized() throws Exception {
		this.mockMvc.perform(get("/read")).andExpect(status().isUnauthorized());
	}

	@Test
	@WithJoatToken(scopes = "read")
	void withJoatTokenWhenRequestHasItsOwnJoatTokenThenThatOneIsSent() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").expired()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Token expired at")));
	}

	@Test
	@WithJoatToken(scopes = "read")
	void withJoatTokenWhenRequestHasItsOwnAuthorizationHeaderThenThatOneIsSent() throws Exception {
		this.mockMvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer not.a.token"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error=\"invalid_token\"")));
	}

	@Nested
	@WithJoatToken(scopes = "read", subject = "bob")
	class AnnotatedClass {

		@Test
		void withJoatTokenWhenOnTheClassThenEveryMethodSendsIt() throws Exception {
			WithJoatTokenTests.this.mockMvc.perform(get("/read")).andExpect(status().isOk())
				.andExpect(content().string("read by bob"));
		}

		@Test
		@WithJoatToken(scopes = "read", subject = "carol")
		void withJoatTokenWhenOnTheMethodTooThenTheMethodsWins() throws Exception {
			WithJoatTokenTests.this.mockMvc.perform(get("/read")).andExpect(status().isOk())
				.andExpect(content().string("read by carol"));
		}

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
