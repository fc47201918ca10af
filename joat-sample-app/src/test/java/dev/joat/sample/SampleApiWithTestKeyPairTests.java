package dev.joat.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.joat.KeySet;
import dev.joat.SignatureAlgorithm;
import dev.joat.test.JoatTestTokens;
import dev.joat.test.context.ApplicationTestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The protected API of the sample as an ES256 issuer (its own {@code KeySet} bean puts the starter
 * in keys mode), tested with joat-test's key-pair tokens: in this test context joat-test adds a
 * test-only ES256 key to the sample's key set, so its tokens pass the sample's real decoder and
 * scope checks; each token wrong on purpose is refused for its one reason, and the tokens the
 * sample's own token endpoint issues still verify.
 */
// tag::application-key-source[]
@SpringBootTest(properties = { "joat.sample.signing-algorithm=ES256", "joat.issuer=" + SampleApplicationTests.ISSUER })
@AutoConfigureMockMvc
class SampleApiWithTestKeyPairTests {

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private ApplicationContext context;

	@Test
	void readWhenJoatTestTokenHasScopeReadThenOk() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().clientId("demo-client").scopes("read")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.client_id").value("demo-client"));
	}

	@Test
	void profileWhenJoatTestTokenLacksScopeProfileThenForbidden() throws Exception {
		this.mockMvc.perform(get("/api/profile").with(joatToken().clientId("reader-client").scopes("read")))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", matchesPattern("Bearer error=\"insufficient_scope\".*")));
	}

	@Test
	void readWhenSignedByAnotherKeyThenUnauthorizedBadSignature() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").wrongSignature()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error_description=\"Bad signature\"")));
	}
	// end::application-key-source[]

	@Test
	void meWhenJoatTestTokenActsForAUserThenCredentialsOfTheVerifiedToken() throws Exception {
		this.mockMvc
			.perform(get("/api/me").with(joatToken().clientId("demo-client").subject("alice").scopes("read", "profile")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.user_id").value("alice"))
			.andExpect(jsonPath("$.authorized_scope", contains("read", "profile")))
			.andExpect(jsonPath("$.provider").value(SampleApplicationTests.ISSUER));
	}

	@Test
	void readWhenAuthorizationHeaderFromApplicationTestTokensThenOk() throws Exception {
		JoatTestTokens tokens = ApplicationTestTokens.from(this.context);
		String header = tokens.token().clientId("demo-client").scopes("read").authorizationHeader();

		this.mockMvc.perform(get("/api/read").header(HttpHeaders.AUTHORIZATION, header))
			.andExpect(status().isOk());
		assertThat(headerOf(header.substring("Bearer ".length()))).contains("\"alg\":\"ES256\"").contains("joat-test-");
	}

	@Test
	void readWhenAnotherAlgorithmThenUnauthorizedUnsupportedAlgorithm() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").algorithm("ES384")))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					containsString("error_description=\"Unsupported algorithm 'ES384'; accepted: [ES256]\"")));
	}

	@Test
	void readWhenHmacSignedWithThePublicKeyThenUnauthorizedUnsupportedAlgorithm() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").hmacWithPublicKey()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					containsString("error_description=\"Unsupported algorithm 'HS256'; accepted: [ES256]\"")));
	}

	@Test
	void readWhenUnknownKidThenUnauthorizedUnknownKey() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").unknownKeyId()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					containsString("error_description=\"Unknown key: 'kid' names no key of this server\"")));
	}

	@Test
	void readWhenExpiredThenUnauthorizedTokenExpired() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").expired()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate",
					matchesPattern("Bearer error=\"invalid_token\", error_description=\"Token expired at [^\"]+\", .*")));
	}

	@Test
	void readWhenWrongIssuerThenUnauthorizedWrongIssuer() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").wrongIssuer()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error_description=\"Wrong issuer")));
	}

	@Test
	void readWhenTokenFromTheSamplesOwnTokenEndpointThenStillOk() throws Exception {
		String basic = Base64.getEncoder().encodeToString("demo-client:demo-secret".getBytes(StandardCharsets.UTF_8));
		String body = this.mockMvc
			.perform(post("/oauth2/token").header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("grant_type=client_credentials&scope=read"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String accessToken = JsonMapper.builder().build().readTree(body).get("access_token").asString();

		assertThat(headerOf(accessToken)).contains("\"alg\":\"ES256\"").doesNotContain("joat-test-");
		this.mockMvc.perform(get("/api/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.client_id").value("demo-client"));
	}

	@Test
	void keySetWhenTestContextThenTheSamplesKeyAndTheTestKeyBothEs256() {
		KeySet keys = this.context.getBean(KeySet.class);

		assertThat(keys.size()).isEqualTo(2);
		assertThat(keys.algorithms()).containsExactly(SignatureAlgorithm.ES256);
	}

	private static String headerOf(String token) {
		return new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))), StandardCharsets.UTF_8);
	}

}
