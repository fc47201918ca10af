package dev.joat.spring.boot;

import java.time.Instant;
import java.util.Objects;

import dev.joat.Credentials;
import dev.joat.InvalidTokenException;
import dev.joat.TokenParser;
import dev.joat.VerifiedToken;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A Spring Security {@link JwtDecoder} backed by joat's {@link TokenParser}: every check of the
 * parser (algorithm allow-list, strict base64url, duplicate names, required {@code exp}, issuer,
 * audience, scope types …) applies to every bearer token.
 *
 * <p>A verified token becomes a {@link Jwt} with the token's header and claims, {@code iat},
 * {@code exp} and {@code nbf} as {@link Instant}s and {@code aud} as a list, as Spring's own
 * decoders present them; a token without {@code sub} gets its client id as {@code sub}, as RFC
 * 9068 §2.2 defines it for a client acting for itself. A refused token is a
 * {@link BadJwtException} whose message is joat's client-safe description, which Spring's entry
 * point answers with {@code 401 WWW-Authenticate: Bearer error="invalid_token"}. A failing secret
 * lookup is logged here for the operator, with its cause, and the client sees only a generic
 * description: a server-side fault is not the client's business. Thread-safe.
 */
public final class JoatJwtDecoder implements JwtDecoder {

	private static final Log logger = LogFactory.getLog(JoatJwtDecoder.class);

	private final TokenParser tokenParser;

	/**
	 * Creates a decoder.
	 * @param tokenParser the parser that verifies each token
	 */
	public JoatJwtDecoder(TokenParser tokenParser) {
		this.tokenParser = Objects.requireNonNull(tokenParser, "tokenParser cannot be null");
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		VerifiedToken verified;
		try {
			verified = this.tokenParser.verify(token);
		}
		catch (InvalidTokenException ex) {
			throw badJwt(ex);
		}
		return toJwt(token, verified);
	}

	static BadJwtException badJwt(InvalidTokenException ex) {
		if (ex.getReason() == InvalidTokenException.Reason.SECRET_UNAVAILABLE) {
			logger.warn("A bearer token was refused because its secret could not be resolved: " + ex.getMessage(),
					ex.getCause());
			return new BadJwtException("The token could not be verified");
		}
		return new BadJwtException(asErrorDescription(ex.getMessage()), ex);
	}

	/**
	 * The message in the characters RFC 6750 §3 allows in {@code error_description} (printable
	 * ASCII without {@code "} and {@code \}); Spring would otherwise replace the whole description.
	 */
	static String asErrorDescription(String message) {
		StringBuilder description = new StringBuilder(message.length());
		for (int i = 0; i < message.length(); i++) {
			char c = message.charAt(i);
			if (c == '"') {
				description.append('\'');
			}
			else if (c < 0x20 || c > 0x7E || c == '\\') {
				description.append('?');
			}
			else {
				description.append(c);
			}
		}
		return description.toString();
	}

	static Jwt toJwt(String token, VerifiedToken verified) {
		Credentials credentials = verified.credentials();
		// Jwt copies both maps into maps of its own: the claims are handed over as a view.
		return new Jwt(token, credentials.issuedAt(), credentials.expiresAt(), verified.header(),
				new JwtClaimsView(credentials));
	}

}
