package dev.joat.interop;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.joat.HostileTokens;
import dev.joat.revocation.RevocationStore;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The PyJOAT contract in a user's servlet app with the starter and revocation on
 * ({@code joat.revocation.store=in-memory}, nothing else): tokens in PyJOAT's layout minted by
 * Nimbus, jjwt and auth0, with and without {@code sub} and {@code typ}, none with {@code jti}, are
 * accepted; revoking such a token's client and subject refuses it from then on.
 */
@SpringBootTest(classes = ReadApplication.class,
		properties = { "joat.issuer=" + HostileTokens.ISSUER, "joat.secret=" + HostileTokens.SECRET,
				"joat.revocation.store=in-memory" })
@AutoConfigureMockMvc
class PyJoatTokensServletAppTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private RevocationStore store;

	@Test
	void getWhenPyJoatLayoutWithoutJtiFromOtherLibrariesThenOkUntilClientAndSubjectRevoked() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Map<String, String> tokens = otherLibraryTokens(now);
		for (String token : tokens.values()) {
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
				.andExpect(status().isOk())
				.andExpect(content().string("read"));
		}
		this.store.revokeClientSubjectTokens("abcd", "1234", now.plusSeconds(1), now.plusSeconds(3600));
		for (Map.Entry<String, String> token : tokens.entrySet()) {
			if (token.getKey().endsWith("with sub")) {
				this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.getValue()))
					.andExpect(status().isUnauthorized())
					.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("Token revoked")));
			}
			else {
				this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.getValue()))
					.andExpect(status().isOk());
			}
		}
	}

	/** PyJOAT-layout tokens of the other libraries, bare (no typ, sub, jti) and with sub, none with jti. */
	static Map<String, String> otherLibraryTokens(Instant now) throws Exception {
		byte[] secret = OtherLibraries.bytes(HostileTokens.SECRET);
		Map<String, String> tokens = new LinkedHashMap<>();
		OtherLibraries.barePyjoatTokens(secret, HostileTokens.ISSUER, now)
			.forEach((library, token) -> tokens.put(library + " bare", token));
		OtherLibraries.pyjoatTokens(secret, HostileTokens.ISSUER, now)
			.forEach((library, token) -> tokens.put(library + " with sub", token));
		assertThat(tokens).hasSize(6);
		return tokens;
	}

}
