package dev.joat.test.keys;

import java.util.Objects;

import dev.joat.KeySet;
import dev.joat.SecretResolver;
import dev.joat.SignatureAlgorithm;
import dev.joat.spring.boot.JoatConfigurationReport;
import dev.joat.test.JoatTestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code @SpringBootTest} with MockMvc of an application that verifies with its own {@link KeySet}
 * bean (an ES256 key, no Spring Boot key property, no secret): joat-test adds no secret but a test
 * key of the bean's algorithm, its tokens pass the real decoder, every wrong-on-purpose token is
 * refused for its one reason, and the application's own key still verifies.
 */
@SpringBootTest(properties = { "joat.issuer=https://issuer.example.test",
		"management.endpoints.web.exposure.include=joat" })
@AutoConfigureMockMvc
class ApplicationKeySetServletTests {

	/** The application's own key pair, as an issuer of its own tokens holds it. */
	static final JoatTestTokens APPLICATION_KEY = JoatTestTokens.withNewKey("https://issuer.example.test",
			SignatureAlgorithm.ES256, "application-key-1");

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private ApplicationContext context;

	@Test
	void joatTokenWhenApplicationKeySetThenOkThroughTheRealDecoder() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").subject("alice")))
			.andExpect(status().isOk())
			.andExpect(content().string("read by alice"));
	}

	@Test
	void joatTokenWhenApplicationKeySetThenSignedWithATestKeyOfTheBeansAlgorithm() {
		String kid = joatTestKeyId();

		assertThat(kid).startsWith("joat-test-");
		assertThat(this.context.getBean(KeySet.class).find(kid).algorithm()).isEqualTo(SignatureAlgorithm.ES256);
	}

	@Test
	void contextWhenApplicationKeySetThenNoTestSecret() {
		assertThat(this.context.getEnvironment().getProperty("joat.secret-base64")).isNull();
		assertThat(this.context.getBeanNamesForType(SecretResolver.class)).isEmpty();
	}

	@Test
	void tokenWhenSignedWithTheApplicationsOwnKeyThenStillOk() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken(APPLICATION_KEY).scopes("read").subject("bob")))
			.andExpect(status().isOk())
			.andExpect(content().string("read by bob"));
	}

	@Test
	void joatTokenWhenSignedByAnotherKeyWithTheSameKidThenUnauthorizedBadSignature() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").wrongSignature()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error_description=\"Bad signature\"")));
	}

	@Test
	void joatTokenWhenAnotherAlgorithmThenUnauthorizedUnsupportedAlgorithm() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").algorithm("ES384")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					containsString("error_description=\"Unsupported algorithm 'ES384'; accepted: [ES256]\"")));
	}

	@Test
	void joatTokenWhenHmacSignedWithThePublicKeyThenUnauthorizedUnsupportedAlgorithm() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").hmacWithPublicKey()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					containsString("error_description=\"Unsupported algorithm 'HS256'; accepted: [ES256]\"")));
	}

	@Test
	void joatTokenWhenUnknownKidThenUnauthorizedUnknownKey() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").unknownKeyId()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					containsString("error_description=\"Unknown key: 'kid' names no key of this server\"")));
	}

	@Test
	void joatTokenWhenExpiredThenUnauthorizedExpired() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("read").expired()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error_description=\"Token expired at ")));
	}

	@Test
	void joatTokenWhenMissingScopeThenForbidden() throws Exception {
		this.mockMvc.perform(get("/read").with(joatToken().scopes("write")))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", startsWith("Bearer error=\"insufficient_scope\"")));
	}

	@Test
	void joatEndpointWhenApplicationKeySetThenShowsTheApplicationsKeyAndThePublicTestKeyOnly() throws Exception {
		String kid = joatTestKeyId();

		this.mockMvc.perform(get("/actuator/joat").with(joatToken()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.keySource").value("application-key-source"))
			.andExpect(jsonPath("$.keys[*].kid").value(containsInAnyOrder("application-key-1", kid)))
			.andExpect(content().string(not(containsString("\"d\""))));
		assertThat(this.context.getBean(JoatConfigurationReport.class).keys()).hasSize(2);
	}

	private String joatTestKeyId() {
		return this.context.getBean(KeySet.class)
			.keys()
			.stream()
			.map((key) -> key.keyId())
			.filter((keyId) -> keyId != null && keyId.startsWith("joat-test-"))
			.findFirst()
			.orElseThrow();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableMethodSecurity
	@Import(Endpoints.class)
	static class Application {

		@Bean
		KeySet applicationKeys() {
			return KeySet.of(Objects.requireNonNull(APPLICATION_KEY.verificationKey()));
		}

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
