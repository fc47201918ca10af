package dev.joat.spring.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;

/**
 * joat's rule for tokens bound to a key or certificate by a {@code cnf} claim (RFC 7800): such a
 * token is only as good as the check that the sender holds that key, so it is refused unless the
 * application opted in to certificate-bound tokens (RFC 8705 §3). Opted in, a {@code cnf} whose
 * only member is an {@code x5t#S256} string is checked by Spring Security's own
 * {@code X509CertificateThumbprintValidator} against the client certificate of the current servlet
 * request (which needs mutual TLS up to the application); any other confirmation method stays
 * refused, since nothing here checks it. Tokens without {@code cnf} pass. Immutable and
 * thread-safe.
 */
final class CertificateBoundTokenValidator implements OAuth2TokenValidator<Jwt> {

	static final String REFUSED_DESCRIPTION = "The token is bound to a key or certificate (cnf), which this server"
			+ " does not accept";

	static final String UNCHECKABLE_DESCRIPTION = "The token's cnf can only hold an x5t#S256 certificate thumbprint";

	private static final String RFC_8705 = "https://datatracker.ietf.org/doc/html/rfc8705#section-3";

	private static final String THUMBPRINT = "x5t#S256";

	/** Spring's thumbprint check, or {@code null} when certificate-bound tokens are refused. */
	private final OAuth2TokenValidator<Jwt> thumbprintValidator;

	private CertificateBoundTokenValidator(OAuth2TokenValidator<Jwt> thumbprintValidator) {
		this.thumbprintValidator = thumbprintValidator;
	}

	/** Refuses every token that carries {@code cnf}. */
	static CertificateBoundTokenValidator refusing() {
		return new CertificateBoundTokenValidator(null);
	}

	/** Checks a {@code cnf} {@code x5t#S256} against the request's client certificate. */
	static CertificateBoundTokenValidator checkingClientCertificate() {
		return new CertificateBoundTokenValidator(springThumbprintValidator());
	}

	/**
	 * Spring's {@code X509CertificateThumbprintValidator} is package-private: its defaults factory
	 * is the way to it. The factory adds a type and a timestamp check unless given its own; joat
	 * has checked both already, with its own clock, so it is given checks that accept every type
	 * and time joat accepts.
	 */
	private static OAuth2TokenValidator<Jwt> springThumbprintValidator() {
		JwtTypeValidator anyJoatType = new JwtTypeValidator(List.of("JWT", "application/jwt", "at+jwt",
				"application/at+jwt"));
		anyJoatType.setAllowEmpty(true);
		// A skew of a million years: Spring's check runs on the system clock, joat's on the clock it
		// was given (a fixed one in tests), and Spring's must refuse nothing joat accepted.
		JwtTimestampValidator checkedByJoat = new JwtTimestampValidator(Duration.ofDays(366L * 1_000_000));
		return JwtValidators.createDefaultWithValidators(List.of(anyJoatType, checkedByJoat));
	}

	@Override
	public OAuth2TokenValidatorResult validate(Jwt jwt) {
		if (!jwt.hasClaim("cnf")) {
			return OAuth2TokenValidatorResult.success();
		}
		if (this.thumbprintValidator == null) {
			return failure(REFUSED_DESCRIPTION);
		}
		if (!(jwt.getClaims().get("cnf") instanceof Map<?, ?> cnf) || cnf.size() != 1
				|| !(cnf.get(THUMBPRINT) instanceof String)) {
			return failure(UNCHECKABLE_DESCRIPTION);
		}
		return this.thumbprintValidator.validate(jwt);
	}

	private static OAuth2TokenValidatorResult failure(String description) {
		return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, RFC_8705));
	}

}
