package dev.joat.spring.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

import dev.joat.Credentials;
import dev.joat.InvalidTokenException;
import dev.joat.KeysUnavailableException;
import dev.joat.TokenParser;
import dev.joat.VerifiedToken;
import dev.joat.revocation.RevocationUnavailableException;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A Spring Security {@link JwtDecoder} backed by joat's {@link TokenParser}: every check of the
 * parser (algorithm allow-list, strict base64url, duplicate names, required {@code exp}, issuer,
 * audience, scope types …) applies to every bearer token, then joat's rule for certificate-bound
 * tokens, then the application's {@linkplain #setJwtValidator(OAuth2TokenValidator) validator}.
 *
 * <p>A verified token becomes a {@link Jwt} with the token's header and claims, {@code iat},
 * {@code exp} and {@code nbf} as {@link Instant}s and {@code aud} as a list, as Spring's own
 * decoders present them; a token without {@code sub} gets its client id as {@code sub}, as RFC
 * 9068 §2.2 defines it for a client acting for itself. A refused token is a
 * {@link BadJwtException} (a {@link JwtValidationException} when a validator refused it) whose
 * message is a client-safe description, which Spring's entry point answers with
 * {@code 401 WWW-Authenticate: Bearer error="invalid_token"}.
 *
 * <p>Certificate-bound tokens: a token carrying {@code cnf} (RFC 7800, RFC 8705) is refused unless
 * {@link #setAllowCertificateBoundTokens(boolean)} opts in; then a {@code cnf} {@code x5t#S256}
 * is checked by Spring Security's {@code X509CertificateThumbprintValidator} against the client
 * certificate of the current servlet request.
 *
 * <p>Revocation: when the parser's revocation list cannot answer, its
 * {@link RevocationUnavailableException} passes through unchanged (it is not a {@code JwtException}:
 * the token may be valid), and the starter's {@link RevocationUnavailableFilter} (or
 * {@link RevocationUnavailableWebFilter}) answers {@code 503} with {@code Retry-After}; so does a
 * {@link KeysUnavailableException} of a parser whose issuer's keys are unavailable.
 *
 * <p>Logging: refusals a client can provoke are logged at DEBUG only. A failing secret lookup (the
 * resolver threw or answered a secret too short for the algorithm) is a server-side fault: logged
 * at WARN at most once a minute with a count; the client sees only a generic description. No log
 * line carries a control character from a request.
 *
 * <p>Thread-safe once configured; configure it before it is shared.
 */
public final class JoatJwtDecoder implements JwtDecoder {

	/** The name of the observation around each verification. */
	public static final String OBSERVATION_NAME = "joat.tokens.verification";

	private static final String REASON = "reason";

	private static final KeyValue ACCEPTED = KeyValue.of("outcome", "accepted");

	private static final KeyValue REFUSED = KeyValue.of("outcome", "refused");

	private static final KeyValue FAILED = KeyValue.of("outcome", "failed");

	private static final KeyValue NO_REASON = KeyValue.of(REASON, "none");

	private static final KeyValue BY_VALIDATOR = KeyValue.of(REASON, "validator");

	private static final KeyValue UNAVAILABLE = KeyValue.of("outcome", "unavailable");

	/** {@code reason} for each {@link Unavailability}, by ordinal. */
	private static final KeyValue[] UNAVAILABILITIES = Arrays.stream(Unavailability.values())
		.map((unavailability) -> KeyValue.of(REASON, unavailability.reason()))
		.toArray(KeyValue[]::new);

	/** {@code reason} for each {@link InvalidTokenException.Reason}, by ordinal. */
	private static final KeyValue[] REASONS = Arrays.stream(InvalidTokenException.Reason.values())
		.map((reason) -> KeyValue.of(REASON, reason.name()))
		.toArray(KeyValue[]::new);

	private static final Log logger = LogFactory.getLog(JoatJwtDecoder.class);

	private static final Duration FAULT_REPORT_INTERVAL = Duration.ofMinutes(1);

	private static final OAuth2TokenValidator<Jwt> NO_VALIDATOR = (jwt) -> OAuth2TokenValidatorResult.success();

	private final TokenParser tokenParser;

	private final RateLimitedLog secretLookupFaults;

	private volatile OAuth2TokenValidator<Jwt> certificateBoundTokenValidator = CertificateBoundTokenValidator.refusing();

	private volatile OAuth2TokenValidator<Jwt> jwtValidator = NO_VALIDATOR;

	private volatile ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private volatile VerificationTimer verificationTimer;

	/**
	 * Creates a decoder that refuses certificate-bound tokens and runs no validator of the
	 * application's.
	 * @param tokenParser the parser that verifies each token
	 */
	public JoatJwtDecoder(TokenParser tokenParser) {
		this(tokenParser, Clock.systemUTC());
	}

	/** As {@link #JoatJwtDecoder(TokenParser)}; {@code clock} paces the reports of server-side faults. */
	JoatJwtDecoder(TokenParser tokenParser, Clock clock) {
		this.tokenParser = Objects.requireNonNull(tokenParser, "tokenParser cannot be null");
		this.secretLookupFaults = new RateLimitedLog(logger, FAULT_REPORT_INTERVAL, clock);
	}

	/**
	 * The application's checks, run on every token that passed all of joat's, as
	 * {@code NimbusJwtDecoder#setJwtValidator} runs them: a failure refuses the token with
	 * {@code 401 invalid_token} and the first error description the validator gives. Combine
	 * several with {@code DelegatingOAuth2TokenValidator}. joat's own checks (signature, times,
	 * issuer, audience, types, certificate-bound tokens) are not replaced. None by default; the
	 * Spring Boot starter sets every {@code OAuth2TokenValidator<Jwt>} bean, in order.
	 * @param jwtValidator the application's validator
	 */
	public void setJwtValidator(OAuth2TokenValidator<Jwt> jwtValidator) {
		this.jwtValidator = Objects.requireNonNull(jwtValidator, "jwtValidator cannot be null");
	}

	/**
	 * Whether tokens bound to a client certificate ({@code cnf} with {@code x5t#S256}, RFC 8705 §3)
	 * are accepted, each checked against the client certificate of the current servlet request by
	 * Spring Security's {@code X509CertificateThumbprintValidator}: opt in only where the servlet
	 * container authenticates clients with mutual TLS. {@code false} by default: every token that
	 * carries {@code cnf} is refused, since a bearer token's holder proves nothing. Other
	 * confirmation methods ({@code jkt}, {@code jwk} …) are refused either way. In a WebFlux
	 * application Spring Security cannot obtain the certificate, so such tokens stay refused.
	 * @param allow {@code true} to check certificate-bound tokens instead of refusing them
	 */
	public void setAllowCertificateBoundTokens(boolean allow) {
		this.certificateBoundTokenValidator = allow ? CertificateBoundTokenValidator.checkingClientCertificate()
				: CertificateBoundTokenValidator.refusing();
	}

	/**
	 * Where each verification is observed as {@value #OBSERVATION_NAME} (a span when tracing is on,
	 * a timer with Micrometer's default handler), with the low-cardinality keys {@code outcome}
	 * ({@code accepted}, {@code refused}, {@code unavailable} when revocation could not be checked or
	 * the issuer's keys are unavailable, or {@code failed} when a validator threw something other
	 * than a {@code JwtException}) and {@code reason} (an {@code InvalidTokenException.Reason},
	 * {@code validator} when an application's validator refused the token, the
	 * {@link Unavailability#reason()} ({@code revocation} or {@code keys}) when unavailable, or
	 * {@code none}). {@link ObservationRegistry#NOOP} by default: then nothing is observed and
	 * nothing allocated. The Spring Boot starter sets the application's registry when something
	 * other than meters would see the observation (see {@link #setVerificationTimer(VerificationTimer)}).
	 * @param observationRegistry the registry
	 */
	public void setObservationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry cannot be null");
	}

	/**
	 * What is told the outcome and duration of each verification when no observation is made: the
	 * timer of {@value #OBSERVATION_NAME} without the cost of an {@code Observation} (an observation
	 * recorded by Micrometer's default handler builds its meters' identities and starts two samples
	 * per verification; {@code JoatTokenMetrics} records the same timer from timers it resolved once).
	 * Used only while the {@linkplain #setObservationRegistry(ObservationRegistry) observation
	 * registry} is a no-op, so that no verification is timed twice. None by default; the Spring Boot
	 * starter sets its {@code JoatTokenMetrics} when the application's observation handlers are all
	 * meter handlers, which would have made that timer and nothing else of the observation.
	 * @param verificationTimer the timer, or {@code null} for none
	 */
	public void setVerificationTimer(@Nullable VerificationTimer verificationTimer) {
		this.verificationTimer = verificationTimer;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		ObservationRegistry registry = this.observationRegistry;
		if (!registry.isNoop()) {
			return decodeObserved(token, registry);
		}
		VerificationTimer timer = this.verificationTimer;
		if (timer == null) {
			return decode(token, null, null, 0L);
		}
		long start = System.nanoTime();
		try {
			Jwt jwt = decode(token, null, timer, start);
			timer.verificationAccepted(System.nanoTime() - start);
			return jwt;
		}
		catch (JwtException | RevocationUnavailableException | KeysUnavailableException ex) {
			// Told to the observation or the timer where it happened.
			throw ex;
		}
		catch (RuntimeException ex) {
			timer.verificationFailed(ex, System.nanoTime() - start);
			throw ex;
		}
	}

	private Jwt decodeObserved(String token, ObservationRegistry registry) {
		Observation observation = Observation.createNotStarted(OBSERVATION_NAME, registry)
			.contextualName("joat verify token")
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			Jwt jwt = decode(token, observation, null, 0L);
			observation.lowCardinalityKeyValue(ACCEPTED).lowCardinalityKeyValue(NO_REASON);
			return jwt;
		}
		catch (JwtException | RevocationUnavailableException | KeysUnavailableException ex) {
			// Told to the observation or the timer where it happened.
			throw ex;
		}
		catch (RuntimeException ex) {
			observation.lowCardinalityKeyValue(FAILED).lowCardinalityKeyValue(NO_REASON).error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	/**
	 * Verifies {@code token}; a refusal is told to {@code observation} or {@code timer} (the one
	 * that is not {@code null}, if any) before it is thrown.
	 */
	private Jwt decode(String token, Observation observation, VerificationTimer timer, long start) {
		VerifiedToken verified;
		try {
			verified = this.tokenParser.verify(token);
		}
		catch (InvalidTokenException ex) {
			if (observation != null) {
				observation.lowCardinalityKeyValue(REFUSED).lowCardinalityKeyValue(REASONS[ex.getReason().ordinal()]);
			}
			else if (timer != null) {
				timer.verificationRefused(ex.getReason(), System.nanoTime() - start);
			}
			throw refused(ex);
		}
		catch (RevocationUnavailableException ex) {
			// Not a refusal of the token: it passes on (RevocationUnavailableFilter answers 503).
			unavailable(Unavailability.REVOCATION, observation, timer, start);
			throw ex;
		}
		catch (KeysUnavailableException ex) {
			// Not a refusal either: the issuer's keys are unavailable (the same filters answer 503).
			unavailable(Unavailability.KEYS, observation, timer, start);
			throw ex;
		}
		Jwt jwt = toJwt(token, verified);
		try {
			validate(jwt, this.certificateBoundTokenValidator);
			validate(jwt, this.jwtValidator);
		}
		catch (JwtException ex) {
			if (observation != null) {
				observation.lowCardinalityKeyValue(REFUSED).lowCardinalityKeyValue(BY_VALIDATOR);
			}
			else if (timer != null) {
				timer.verificationRefusedByValidator(System.nanoTime() - start);
			}
			throw ex;
		}
		return jwt;
	}

	/**
	 * Tells {@code observation} or {@code timer} (the one that is not {@code null}, if any) that the
	 * token could be neither accepted nor refused: one rule for both, so that a meter made from the
	 * observation and the timer's meter carry the same outcome and reason.
	 */
	private static void unavailable(Unavailability unavailability, @Nullable Observation observation,
			@Nullable VerificationTimer timer, long start) {
		if (observation != null) {
			observation.lowCardinalityKeyValue(UNAVAILABLE)
				.lowCardinalityKeyValue(UNAVAILABILITIES[unavailability.ordinal()]);
		}
		else if (timer != null) {
			timer.verificationUnavailable(unavailability, System.nanoTime() - start);
		}
	}

	private BadJwtException refused(InvalidTokenException ex) {
		if (ex.getReason() == InvalidTokenException.Reason.SECRET_UNAVAILABLE) {
			Throwable fault = ex.getCause();
			if (fault != null) {
				this.secretLookupFaults.warn("Bearer tokens are refused because the secret lookup fails: "
						+ fault.getClass().getName() + ": " + asErrorDescription(String.valueOf(fault.getMessage())));
			}
			else {
				logDebug("Bearer token refused (SECRET_UNAVAILABLE): " + asErrorDescription(ex.getMessage()));
			}
			return new BadJwtException("The token could not be verified");
		}
		String description = asErrorDescription(ex.getMessage());
		logDebug("Bearer token refused (" + ex.getReason() + "): " + description);
		return new BadJwtException(description, ex);
	}

	/** As {@code NimbusJwtDecoder} maps a validator's errors, with a description RFC 6750 allows. */
	private static void validate(Jwt jwt, OAuth2TokenValidator<Jwt> validator) {
		OAuth2TokenValidatorResult result = validator.validate(jwt);
		if (!result.hasErrors()) {
			return;
		}
		Collection<OAuth2Error> errors = result.getErrors();
		String description = "Unable to validate Jwt";
		for (OAuth2Error error : errors) {
			if (error.getDescription() != null && !error.getDescription().isEmpty()) {
				description = asErrorDescription(error.getDescription());
				break;
			}
		}
		logDebug("Bearer token refused by a validator: " + description);
		throw new JwtValidationException(description, errors);
	}

	private static void logDebug(String line) {
		if (logger.isDebugEnabled()) {
			logger.debug(line);
		}
	}

	/**
	 * The message in the characters RFC 6750 §3 allows in {@code error_description} (printable
	 * ASCII without {@code "} and {@code \}); Spring would otherwise replace the whole description.
	 * The same text is safe in a log line: no control character, so no forged lines.
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

	/**
	 * The token as Spring's {@link Jwt}. Every precondition of {@code Jwt}'s constructor holds for a
	 * token joat verified: a non-empty token value, a header with {@code alg}, claims with
	 * {@code exp}, and {@code exp} after {@code iat} (joat-core refuses any other).
	 */
	static Jwt toJwt(String token, VerifiedToken verified) {
		Credentials credentials = verified.credentials();
		// Jwt copies both maps into maps of its own: the claims are handed over as a view.
		return new Jwt(token, credentials.issuedAt(), credentials.expiresAt(), verified.header(),
				new JwtClaimsView(credentials));
	}

	/**
	 * Told the outcome and duration of each verification, measured from before the parser runs to
	 * after the last validator: what the timer of {@value #OBSERVATION_NAME} records when no
	 * observation is made. Called on the verifying thread; implementations must be thread-safe
	 * and must not throw.
	 */
	public interface VerificationTimer {

		/**
		 * A token passed every check.
		 * @param nanos the verification's duration in nanoseconds
		 */
		void verificationAccepted(long nanos);

		/**
		 * joat's parser refused a token.
		 * @param reason why
		 * @param nanos the verification's duration in nanoseconds
		 */
		void verificationRefused(InvalidTokenException.Reason reason, long nanos);

		/**
		 * An application's validator (or joat's rule for certificate-bound tokens) refused a token
		 * that passed the parser.
		 * @param nanos the verification's duration in nanoseconds
		 */
		void verificationRefusedByValidator(long nanos);

		/**
		 * The parser could not finish the token's checks, so the token was neither accepted nor
		 * refused: the request is answered {@code 503}.
		 * @param unavailability what was unavailable: the revocation list could not confirm it is
		 * fresh, or the issuer's keys are unavailable
		 * @param nanos the verification's duration in nanoseconds
		 */
		void verificationUnavailable(Unavailability unavailability, long nanos);

		/**
		 * A verification failed with an exception that is not a refusal (a validator threw), which
		 * the decoder rethrows.
		 * @param error the exception
		 * @param nanos the verification's duration in nanoseconds
		 */
		void verificationFailed(Throwable error, long nanos);

	}

	/**
	 * Why a verification could neither accept nor refuse a token (outcome {@code unavailable} of
	 * {@value JoatJwtDecoder#OBSERVATION_NAME}); its {@link #reason()} is the {@code reason} the observation and
	 * the {@link VerificationTimer}'s meter carry.
	 */
	public enum Unavailability {

		/** The revocation list could not confirm it is fresh ({@code RevocationUnavailableException}). */
		REVOCATION("revocation"),

		/** The issuer's keys are unavailable ({@link KeysUnavailableException}). */
		KEYS("keys");

		private final String reason;

		Unavailability(String reason) {
			this.reason = reason;
		}

		/**
		 * The {@code reason} tag of this unavailability.
		 * @return {@code revocation} or {@code keys}
		 */
		public String reason() {
			return this.reason;
		}

	}

}
