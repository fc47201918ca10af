package dev.joat.test.servlet;

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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @SpringBootTest} with MockMvc of an application whose configuration names no joat
 * property: the test-only secret and issuer let it start, and {@code joatToken()} works with no
 * extra configuration.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SpringBootTestWithoutJoatPropertiesTests {

	@Autowired
	private MockMvc mockMvc;

	@Test
	void joatTokenWhenNoJoatPropertiesThenOkThroughTheRealDecoder() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").subject("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string("read by alice"));
	}

	@Test
	void joatTokenWhenUnknownKeyIdAndOneSecretThenTheKidIsIgnored() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").subject("alice").unknownKeyId()))
			.andExpect(status().isOk());
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
