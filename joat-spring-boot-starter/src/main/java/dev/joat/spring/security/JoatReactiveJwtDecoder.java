package dev.joat.spring.security;

import java.util.Objects;

import dev.joat.TokenParser;
import io.micrometer.observation.ObservationRegistry;
import reactor.core.publisher.Mono;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The reactive twin of {@link JoatJwtDecoder}, for WebFlux resource servers: the same checks, the
 * same {@code Jwt}, the same refusals and the same log policy. Verification is pure computation
 * (no I/O, a few microseconds), so it runs on the subscribing thread. Thread-safe once
 * configured; configure it before it is shared.
 */
public final class JoatReactiveJwtDecoder implements ReactiveJwtDecoder {

	private final JoatJwtDecoder decoder;

	/**
	 * Creates a decoder that refuses certificate-bound tokens and runs no validator of the
	 * application's.
	 * @param tokenParser the parser that verifies each token
	 */
	public JoatReactiveJwtDecoder(TokenParser tokenParser) {
		this(new JoatJwtDecoder(Objects.requireNonNull(tokenParser, "tokenParser cannot be null")));
	}

	/**
	 * A reactive view of a configured servlet decoder, which holds every setting (the starter
	 * configures one and wraps it, so both stacks share one configuration path). Later changes to
	 * either are seen by both.
	 * @param decoder the decoder that verifies each token
	 */
	public JoatReactiveJwtDecoder(JoatJwtDecoder decoder) {
		this.decoder = Objects.requireNonNull(decoder, "decoder cannot be null");
	}

	/**
	 * The application's checks, run on every token that passed all of joat's; see
	 * {@link JoatJwtDecoder#setJwtValidator(OAuth2TokenValidator)}. None by default.
	 * @param jwtValidator the application's validator
	 */
	public void setJwtValidator(OAuth2TokenValidator<Jwt> jwtValidator) {
		this.decoder.setJwtValidator(jwtValidator);
	}

	/**
	 * Whether certificate-bound tokens are checked instead of refused; see
	 * {@link JoatJwtDecoder#setAllowCertificateBoundTokens(boolean)}. Spring Security checks the
	 * certificate only in a servlet request: in WebFlux a token with a {@code cnf} {@code x5t#S256}
	 * is refused either way ({@code false} by default).
	 * @param allow {@code true} to check certificate-bound tokens instead of refusing them
	 */
	public void setAllowCertificateBoundTokens(boolean allow) {
		this.decoder.setAllowCertificateBoundTokens(allow);
	}

	/**
	 * Where each verification is observed; see
	 * {@link JoatJwtDecoder#setObservationRegistry(ObservationRegistry)}.
	 * {@link ObservationRegistry#NOOP} by default.
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.decoder.setObservationRegistry(observationRegistry);
	}

	@Override
	public Mono<Jwt> decode(String token) {
		return Mono.fromCallable(() -> this.decoder.decode(token));
	}

}
