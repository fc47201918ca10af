package dev.joat.test.web.servlet;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.joat.test.TokenSpec;

/**
 * Sends a real joat token with every MockMvc request of the annotated test method (or of every
 * method of the annotated class) that has no {@code Authorization} header of its own: the
 * common case of {@link JoatMockMvc#joatToken()}, as an annotation.
 *
 * <pre>{@code
 * @Test
 * @WithJoatToken(scopes = "read", subject = "alice")
 * void readWhenScopeReadThenOk() throws Exception {
 *     mockMvc.perform(get("/read")).andExpect(status().isOk());
 * }
 * }</pre>
 *
 * <p>The token is minted for each request with the application's generator and secret and goes
 * through its real decoder, validators and authority converter. Applies to the MockMvc that
 * {@code @WebMvcTest} and {@code @AutoConfigureMockMvc} build; a method's annotation replaces
 * its class's, and a request's own {@code .with(joatToken()…)} or {@code Authorization} header
 * wins over both.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface WithJoatToken {

	/**
	 * The granted scope.
	 * @return the scope values; none by default
	 */
	String[] scopes() default {};

	/**
	 * The user the token acts for ({@code sub}).
	 * @return the user id; by default none, and {@code sub} is then the client id
	 */
	String subject() default "";

	/**
	 * The client the token is issued to.
	 * @return the client id; {@value TokenSpec#DEFAULT_CLIENT_ID} by default
	 */
	String clientId() default TokenSpec.DEFAULT_CLIENT_ID;

}
