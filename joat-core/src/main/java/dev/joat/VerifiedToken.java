package dev.joat;

import java.util.Map;
import java.util.Objects;

/**
 * A token that passed every check of {@link TokenParser#verify(String)}: its JOSE header and the
 * credentials it grants. For adapters that need the header too, such as Spring's {@code Jwt}.
 *
 * @param header the token's JOSE header, read-only
 * @param credentials what the token grants
 */
public record VerifiedToken(Map<String, Object> header, Credentials credentials) {

	/**
	 * Creates a verified token.
	 * @throws NullPointerException when either part is {@code null}
	 */
	public VerifiedToken {
		Objects.requireNonNull(header, "header cannot be null");
		Objects.requireNonNull(credentials, "credentials cannot be null");
	}

}
