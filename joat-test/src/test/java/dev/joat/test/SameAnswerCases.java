package dev.joat.test;

import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests both stacks' "same answer" tests send, once through joat-test and once over real
 * HTTP, to an application with a customized authority prefix ({@code PERM_}), principal claim
 * ({@code email}) and {@code OAuth2TokenValidator}, and the answer each must get. The applications'
 * properties: {@code joat.authority-prefix=PERM_}, {@code joat.principal-claim=email}, secrets by
 * key id, and audiences checked.
 */
public final class SameAnswerCases {

	/** A token the application's own {@link #tenantValidator()} refuses. */
	public static final Case VALIDATOR_REFUSAL = new Case("refused by the application's validator", "/read",
			(token) -> token.scopes("read").claim("tenant", "other"), 401, null, "invalid_token",
			"The token is for another tenant");

	private SameAnswerCases() {
	}

	/** The cases, each named for what it shows; {@link #VALIDATOR_REFUSAL} is apart. */
	public static List<Case> cases() {
		return List.of(
				new Case("scope read, principal from email", "/read",
						(token) -> token.scopes("read").subject("alice").claim("email", "alice@example.com"), 200,
						"read by alice@example.com", null, null),
				new Case("no scope", "/read", (token) -> token.claim("email", "alice@example.com"), 403, null,
						"insufficient_scope", "The request requires higher privileges than provided by the access token."),
				new Case("SCOPE_ authority no longer exists with prefix PERM_", "/legacy",
						(token) -> token.scopes("read"), 403, null, "insufficient_scope",
						"The request requires higher privileges than provided by the access token."),
				new Case("accepted by the application's validator", "/read",
						(token) -> token.scopes("read").claim("tenant", "acme").claim("email", "carol@example.com"), 200,
						"read by carol@example.com", null, null),
				new Case("expired", "/read", (token) -> token.scopes("read").expired(), 401, null, "invalid_token",
						"Token expired at .*"),
				new Case("not yet valid", "/read", (token) -> token.scopes("read").notYetValid(), 401, null,
						"invalid_token", "Token is not valid before .*"),
				new Case("wrong signature", "/read", (token) -> token.scopes("read").wrongSignature(), 401, null,
						"invalid_token", "Bad signature"),
				new Case("wrong issuer", "/read", (token) -> token.scopes("read").wrongIssuer(), 401, null,
						"invalid_token", "Wrong issuer: the token's 'iss' is not accepted"),
				new Case("wrong audience", "/read", (token) -> token.scopes("read").wrongAudience(), 401, null,
						"invalid_token", "Wrong audience: the token is not meant for this server"),
				new Case("unknown kid", "/read", (token) -> token.scopes("read").unknownKeyId(), 401, null,
						"invalid_token", "Unknown key: the token's 'kid' names no key of this server"),
				new Case("alg not allowed", "/read", (token) -> token.scopes("read").algorithm("HS512"), 401, null,
						"invalid_token", "Unsupported algorithm 'HS512'; accepted: \\[HS256\\]"));
	}

	/** The application's own validator: tokens for a tenant other than acme are refused. */
	public static OAuth2TokenValidator<Jwt> tenantValidator() {
		return (jwt) -> {
			Object tenant = jwt.getClaims().get("tenant");
			return (tenant == null || "acme".equals(tenant)) ? OAuth2TokenValidatorResult.success()
					: OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "The token is for another tenant", null));
		};
	}

	/**
	 * One request and the answer it must get.
	 * @param name what the case shows
	 * @param path the endpoint
	 * @param token how the token is described
	 * @param status the expected status
	 * @param body the expected body of a 200, else {@code null}
	 * @param error the expected {@code error} of the challenge, else {@code null}
	 * @param description a pattern of the expected {@code error_description}, else {@code null}
	 */
	public record Case(String name, String path, Consumer<TokenSpec<?>> token, int status, String body, String error,
			String description) {

		/** Asserts that an answer is this case's. */
		public void assertAnswer(String transport, int actualStatus, String actualBody, String challenge) {
			assertThat(actualStatus).as(transport + " status").isEqualTo(this.status);
			if (this.body != null) {
				assertThat(actualBody).as(transport + " body").isEqualTo(this.body);
			}
			if (this.error != null) {
				assertThat(attribute(challenge, "error")).as(transport + " error").isEqualTo(this.error);
				assertThat(attribute(challenge, "error_description")).as(transport + " error_description")
					.matches(this.description);
			}
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

	/** An attribute of a {@code WWW-Authenticate: Bearer} challenge, or {@code null}. */
	public static String attribute(String challenge, String name) {
		if (challenge == null) {
			return null;
		}
		Matcher matcher = Pattern.compile("[ ,]" + name + "=\"([^\"]*)\"").matcher(challenge);
		return matcher.find() ? matcher.group(1) : null;
	}

}
