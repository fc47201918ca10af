package dev.joat.sample;

import dev.joat.test.web.servlet.WithJoatToken;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The protected API with joat-test's MockMvc helpers: real tokens, minted with the sample's own
 * generator and secret, through the sample's real decoder and scope checks — the way the README's
 * "Testing your app" suggests testing an app like this one. Valid tokens reach the handlers; each
 * token that is wrong on purpose is refused for its one reason.
 */
@SpringBootTest(properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER })
@AutoConfigureMockMvc
class SampleApiMockMvcTests {

	@Autowired
	private MockMvc mockMvc;

	@Test
	void readWhenTokenHasScopeReadThenOkWithTheTokensClient() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().clientId("demo-client").scopes("read")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.client_id").value("demo-client"));
	}

	@Test
	void profileWhenTokenLacksScopeProfileThenForbiddenInsufficientScope() throws Exception {
		this.mockMvc.perform(get("/api/profile").with(joatToken().clientId("reader-client").scopes("read")))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", matchesPattern("Bearer error=\"insufficient_scope\".*")));
	}

	@Test
	void meWhenTokenActsForAUserThenCredentialsOfTheVerifiedToken() throws Exception {
		this.mockMvc
			.perform(get("/api/me")
				.with(joatToken().clientId("demo-client").subject("alice").scopes("read", "profile").tokenId("token-1")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user_id").value("alice"))
			.andExpect(jsonPath("$.client_id").value("demo-client"))
			.andExpect(jsonPath("$.authorized_scope", contains("read", "profile")))
			.andExpect(jsonPath("$.provider").value(SampleApplicationTests.ISSUER))
			.andExpect(jsonPath("$.jti").value("token-1"));
	}

	@Test
	@WithJoatToken(clientId = "demo-client", subject = "alice", scopes = "profile")
	void profileWhenAnnotatedWithScopeProfileThenOkForTheTokensUser() throws Exception {
		this.mockMvc.perform(get("/api/profile")).andExpect(status().isOk()).andExpect(jsonPath("$.user_id").value("alice"));
	}

	@Test
	void readWhenTokenExpiredThenUnauthorizedTokenExpired() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").expired()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					matchesPattern("Bearer error=\"invalid_token\", error_description=\"Token expired at [^\"]+\", .*")));
	}

	@Test
	void readWhenTokenNotYetValidThenUnauthorizedNotValidBefore() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").notYetValid()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					matchesPattern("Bearer error=\"invalid_token\", error_description=\"Token is not valid before [^\"]+\", .*")));
	}

	@Test
	void readWhenTokenSignedWithAnotherSecretThenUnauthorizedBadSignature() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").wrongSignature()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					matchesPattern("Bearer error=\"invalid_token\", error_description=\"Bad signature\", .*")));
	}

	@Test
	void readWhenTokenOfAnotherIssuerThenUnauthorizedWrongIssuer() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").wrongIssuer()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", matchesPattern(
					"Bearer error=\"invalid_token\", error_description=\"Wrong issuer: the token's 'iss' is not accepted\", .*")));
	}

	@Test
	void readWhenAlgorithmNoneThenUnauthorizedUnsupportedAlgorithm() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").algorithm("none")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					matchesPattern("Bearer error=\"invalid_token\", error_description=\"Unsupported algorithm[^\"]*\", .*")));
	}

}
