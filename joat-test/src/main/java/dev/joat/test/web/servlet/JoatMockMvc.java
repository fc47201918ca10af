package dev.joat.test.web.servlet;

import java.util.Objects;

import dev.joat.test.JoatTestTokens;

/**
 * MockMvc requests with real joat tokens: the static entry point, in the manner of Spring
 * Security's {@code SecurityMockMvcRequestPostProcessors}.
 *
 * <pre>{@code
 * import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
 *
 * mockMvc.perform(get("/read").with(joatToken().scopes("read").subject("alice")))
 *     .andExpect(status().isOk());
 * mockMvc.perform(get("/read").with(joatToken().scopes("read").expired()))
 *     .andExpect(status().isUnauthorized());
 * }</pre>
 *
 * <p>Unlike spring-security-test's {@code jwt()}, which puts an authentication straight into the
 * security context, the token is sent as {@code Authorization: Bearer} and goes through the
 * application's decoder, validators and authority converter, as in production.
 */
public final class JoatMockMvc {

	private JoatMockMvc() {
	}

	/**
	 * A token minted with the generator and secret of the application whose
	 * {@code WebApplicationContext} the MockMvc request belongs to (MockMvc built with
	 * {@code webAppContextSetup}, as {@code @AutoConfigureMockMvc} and {@code @WebMvcTest} do).
	 * @return a post-processor describing a valid token; change it with its fluent methods
	 */
	public static JoatTokenRequestPostProcessor joatToken() {
		return new JoatTokenRequestPostProcessor(null);
	}

	/**
	 * A token minted with {@code tokens}, for MockMvc set up without the application's context.
	 * @param tokens the minting to use
	 * @return a post-processor describing a valid token; change it with its fluent methods
	 */
	public static JoatTokenRequestPostProcessor joatToken(JoatTestTokens tokens) {
		return new JoatTokenRequestPostProcessor(Objects.requireNonNull(tokens, "tokens cannot be null"));
	}

}
