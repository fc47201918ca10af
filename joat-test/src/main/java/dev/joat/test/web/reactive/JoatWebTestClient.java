package dev.joat.test.web.reactive;

import java.util.Objects;

import dev.joat.test.JoatTestTokens;
import dev.joat.test.context.ApplicationTestTokens;

import org.springframework.context.ApplicationContext;

/**
 * WebTestClient (and WebClient) requests with real joat tokens: the static entry point, in the
 * manner of Spring Security's {@code SecurityMockServerConfigurers}.
 *
 * <pre>{@code
 * import static dev.joat.test.web.reactive.JoatWebTestClient.joatToken;
 *
 * @Autowired ApplicationContext context;
 *
 * webTestClient.mutateWith(joatToken(context).scopes("read").subject("alice"))
 *     .get().uri("/read").exchange()
 *     .expectStatus().isOk();
 * }</pre>
 *
 * <p>Unlike spring-security-test's {@code mockJwt()}, which puts an authentication straight into
 * the security context, the token is sent as {@code Authorization: Bearer} and goes through the
 * application's decoder, validators and authority converter, as in production — whether the
 * client is bound to the application context or to a running server.
 */
public final class JoatWebTestClient {

	private JoatWebTestClient() {
	}

	/**
	 * A token minted with the generator and secret of {@code context}'s application.
	 * @param context the application context under test
	 * @return a configurer (and filter) describing a valid token; change it with its fluent methods
	 * @throws IllegalStateException when the context has no joat generator or secret
	 */
	public static JoatTokenConfigurer joatToken(ApplicationContext context) {
		return new JoatTokenConfigurer(ApplicationTestTokens.from(context));
	}

	/**
	 * A token minted with {@code tokens}.
	 * @param tokens the minting to use
	 * @return a configurer (and filter) describing a valid token; change it with its fluent methods
	 */
	public static JoatTokenConfigurer joatToken(JoatTestTokens tokens) {
		return new JoatTokenConfigurer(Objects.requireNonNull(tokens, "tokens cannot be null"));
	}

}
