package dev.joat.spring.boot;

import java.util.Objects;

import dev.joat.InvalidTokenException;
import dev.joat.TokenParser;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The reactive twin of {@link JoatJwtDecoder}, for WebFlux resource servers. Verification is pure
 * computation (no I/O, a few microseconds), so it runs on the subscribing thread. Thread-safe.
 */
public final class JoatReactiveJwtDecoder implements ReactiveJwtDecoder {

	private final TokenParser tokenParser;

	/**
	 * Creates a decoder.
	 * @param tokenParser the parser that verifies each token
	 */
	public JoatReactiveJwtDecoder(TokenParser tokenParser) {
		this.tokenParser = Objects.requireNonNull(tokenParser, "tokenParser cannot be null");
	}

	@Override
	public Mono<Jwt> decode(String token) {
		return Mono.fromCallable(() -> {
			try {
				return JoatJwtDecoder.toJwt(token, this.tokenParser.verify(token));
			}
			catch (InvalidTokenException ex) {
				throw JoatJwtDecoder.badJwt(ex);
			}
		});
	}

}
