package dev.joat.spring.boot;

import java.util.List;

import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Spring Boot's own resource-server properties, as a Spring user writes them, through Boot's
 * default filter chain down to {@code hasRole}: roles from a {@code roles} claim with Boot's
 * {@code authorities-claim-name} and {@code authority-prefix}, the principal from
 * {@code principal-claim-name}.
 */
@SpringBootTest(classes = BootResourceServerPropertiesRequestTests.RolesApplication.class,
		properties = { "joat.issuer=https://issuer.example", "joat.secret=" + JoatAutoConfigurationTests.SECRET,
				"spring.security.oauth2.resourceserver.jwt.authorities-claim-name=roles",
				"spring.security.oauth2.resourceserver.jwt.authority-prefix=ROLE_",
				"spring.security.oauth2.resourceserver.jwt.principal-claim-name=preferred_username" })
@AutoConfigureMockMvc
class BootResourceServerPropertiesRequestTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TokenGenerator generator;

	@Test
	void getWhenRolesClaimHasAdminThenOkWithPrincipalFromBootProperty() throws Exception {
		this.mvc.perform(get("/admin").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(List.of("admin", "ops"))))
			.andExpect(status().isOk())
			.andExpect(content().string("admin alice"));
	}

	@Test
	void getWhenRolesClaimLacksAdminThenForbidden() throws Exception {
		this.mvc.perform(get("/admin").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(List.of("ops"))))
			.andExpect(status().isForbidden())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error=\"insufficient_scope\"")));
	}

	@Test
	void getWhenOnlyScopeAdminThenForbiddenBecauseAuthoritiesComeFromRoles() throws Exception {
		String token = this.generator.issueToken(TokenRequest.builder("abcd", List.of("admin")).build());
		this.mvc.perform(get("/admin").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isForbidden());
	}

	@Test
	void getWhenRolesClaimHoldsNumbersThenUnauthorizedNotServerError() throws Exception {
		this.mvc.perform(get("/admin").header(HttpHeaders.AUTHORIZATION, "Bearer " + token(List.of(1, 2))))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error=\"invalid_token\"")))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
					containsString("error_description=\"The token's authorities claim holds a value that is not a string\"")));
	}

	private String token(List<?> roles) {
		return this.generator.issueToken(TokenRequest.builder("abcd", List.of("read"))
			.claim("roles", roles)
			.claim("preferred_username", "alice")
			.build());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableMethodSecurity
	static class RolesApplication {

		@RestController
		static class Endpoints {

			@GetMapping("/admin")
			@PreAuthorize("hasRole('admin')")
			String admin(Authentication authentication) {
				return "admin " + authentication.getName();
			}

		}

	}

}
