package dev.joat.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.joat.KeySource;
import dev.joat.test.context.ApplicationTestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The protected API of the sample in its default HS256 mode, with no secret in the test
 * configuration (the sample generates one for the run): joat-test's tokens are still HMAC tokens
 * minted with the sample's own generator and secret, and no test key pair is made.
 */
@SpringBootTest(properties = "joat.issuer=" + SampleApplicationTests.ISSUER)
@AutoConfigureMockMvc
class SampleApiWithTestKeyHmacTests {

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
		this.mockMvc.perform(get("/api/profile").with(joatToken().scopes("read")))
			.andExpect(status().isForbidden())
			.andExpect(header().string("WWW-Authenticate", matchesPattern("Bearer error=\"insufficient_scope\".*")));
	}

	@Test
	void readWhenSignedWithAnotherSecretThenUnauthorizedBadSignature() throws Exception {
		this.mockMvc.perform(get("/api/read").with(joatToken().scopes("read").wrongSignature()))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("WWW-Authenticate", containsString("error_description=\"Bad signature\"")));
	}

	@Test
	void tokenWhenHs256ModeThenAnHmacTokenAndNoTestKey() {
		String token = ApplicationTestTokens.from(this.context).token().scopes("read").issue();
		String header = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
				StandardCharsets.UTF_8);

		assertThat(header).contains("\"alg\":\"HS256\"");
		assertThat(this.context.getBeanNamesForType(KeySource.class)).isEmpty();
		assertThat(this.context.containsBean("joatTestKey")).isFalse();
	}

}
