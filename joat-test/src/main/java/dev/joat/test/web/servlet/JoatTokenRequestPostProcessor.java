package dev.joat.test.web.servlet;

import dev.joat.test.JoatTestTokens;
import dev.joat.test.TokenSpec;
import dev.joat.test.context.ApplicationTestTokens;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Sends a real joat token, as {@code Authorization: Bearer}, with a MockMvc request; made by
 * {@link JoatMockMvc#joatToken()}. The token is minted when the request is built, replacing any
 * {@code Authorization} header the request had. Not thread-safe, like the request it is part of.
 */
public final class JoatTokenRequestPostProcessor extends TokenSpec<JoatTokenRequestPostProcessor>
		implements RequestPostProcessor {

	private final JoatTestTokens tokens;

	JoatTokenRequestPostProcessor(JoatTestTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		JoatTestTokens tokens = (this.tokens != null) ? this.tokens : ApplicationTestTokens.from(applicationContext(request));
		request.removeHeader(HttpHeaders.AUTHORIZATION);
		request.addHeader(HttpHeaders.AUTHORIZATION, "Bearer " + issueWith(tokens));
		return request;
	}

	private static WebApplicationContext applicationContext(MockHttpServletRequest request) {
		WebApplicationContext context = WebApplicationContextUtils.findWebApplicationContext(request.getServletContext());
		if (context == null) {
			throw new IllegalStateException("The MockMvc request's ServletContext holds no WebApplicationContext: build"
					+ " MockMvc with MockMvcBuilders.webAppContextSetup (as @AutoConfigureMockMvc does), or use"
					+ " joatToken(JoatTestTokens)");
		}
		return context;
	}

}
