package dev.joat.test.servlet;

import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import dev.joat.test.JoatTestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The MockMvc post-processor on its own: the header it writes, and what it says when the request
 * belongs to no application context.
 */
class JoatTokenRequestPostProcessorTests {

	private static final SecretResolver SECRET = SecretResolver.of("0123456789abcdef0123456789abcdef");

	@Test
	void postProcessRequestWhenTokensGivenThenBearerTokenTheParserAccepts() {
		MockHttpServletRequest request = joatToken(JoatTestTokens.of("issuer", SECRET)).scopes("read")
			.postProcessRequest(new MockHttpServletRequest());

		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		assertThat(authorization).startsWith("Bearer ");
		assertThat(TokenParser.builder(SECRET).issuer("issuer").build()
			.parseToken(authorization.substring("Bearer ".length())).authorizedScope()).containsExactly("read");
	}

	@Test
	void postProcessRequestWhenNoWebApplicationContextThenIllegalStateException() {
		assertThatIllegalStateException().isThrownBy(() -> joatToken().postProcessRequest(new MockHttpServletRequest()))
			.withMessage("The MockMvc request's ServletContext holds no WebApplicationContext: build MockMvc with"
					+ " MockMvcBuilders.webAppContextSetup (as @AutoConfigureMockMvc does), or use"
					+ " joatToken(JoatTestTokens)");
	}

}
