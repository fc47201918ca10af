package dev.joat.test;

/**
 * One test token being described, minted by {@link #issue()}: the plain form, for
 * {@code RestClient}, {@code TestRestTemplate}, the JDK {@code HttpClient} or a direct call of a
 * parser.
 *
 * <pre>{@code
 * String token = tokens.token().scopes("read").subject("alice").issue();
 * request.header("Authorization", tokens.token().scopes("read").authorizationHeader());
 * }</pre>
 *
 * <p>Not thread-safe: describe and mint a token in one thread. Each {@link #issue()} mints a new
 * token, issued at that moment.
 */
public final class JoatTestToken extends TokenSpec<JoatTestToken> {

	private final JoatTestTokens tokens;

	JoatTestToken(JoatTestTokens tokens) {
		this.tokens = tokens;
	}

	/**
	 * Mints the token.
	 * @return the compact, signed token
	 */
	public String issue() {
		return issueWith(this.tokens);
	}

	/**
	 * Mints the token as the value of an {@code Authorization} header.
	 * @return {@code "Bearer "} and the token
	 */
	public String authorizationHeader() {
		return "Bearer " + issue();
	}

}
