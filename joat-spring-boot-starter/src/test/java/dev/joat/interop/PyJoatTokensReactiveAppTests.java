package dev.joat.interop;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.joat.HostileTokens;
import dev.joat.revocation.RevocationStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * {@link PyJoatTokensServletAppTests} on WebFlux: the same tokens of other libraries, without
 * {@code jti}, accepted with {@code joat.revocation.store=in-memory} until their client and subject
 * are revoked.
 */
@SpringBootTest(classes = ReadApplication.class,
		properties = { "spring.main.web-application-type=reactive", "joat.issuer=" + HostileTokens.ISSUER,
				"joat.secret=" + HostileTokens.SECRET, "joat.revocation.store=in-memory" })
class PyJoatTokensReactiveAppTests {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private RevocationStore store;

	private WebTestClient client;

	@BeforeEach
	void setUp() {
		this.client = WebTestClient.bindToApplicationContext(this.context).apply(springSecurity()).configureClient().build();
	}

	@Test
	void getWhenPyJoatLayoutWithoutJtiFromOtherLibrariesThenOkUntilClientAndSubjectRevoked() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Map<String, String> tokens = PyJoatTokensServletAppTests.otherLibraryTokens(now);
		for (String token : tokens.values()) {
			this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
				.expectStatus().isOk()
				.expectBody(String.class).isEqualTo("read");
		}
		this.store.revokeClientSubjectTokens("abcd", "1234", now.plusSeconds(1), now.plusSeconds(3600));
		for (Map.Entry<String, String> token : tokens.entrySet()) {
			var response = this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.getValue())
				.exchange();
			if (token.getKey().endsWith("with sub")) {
				response.expectStatus().isUnauthorized()
					.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, containsString("Token revoked"));
			}
			else {
				response.expectStatus().isOk();
			}
		}
	}

}
