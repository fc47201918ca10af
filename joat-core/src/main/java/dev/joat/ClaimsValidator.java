package dev.joat;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import dev.joat.InvalidTokenException.Reason;
import org.jspecify.annotations.Nullable;

/**
 * The last step of parsing: checks what the verified claims mean (RFC 7519 §4.1, RFC 9068 §2.2)
 * and turns them into {@link Credentials}. Immutable and thread-safe.
 */
final class ClaimsValidator {

	/** Stands for an absent claim, so that one look-up tells absent from {@code null}. */
	private static final Object ABSENT = new Object();

	/** The largest NumericDate an {@link Instant} can hold. */
	private static final long MAX_NUMERIC_DATE = Instant.MAX.getEpochSecond();

	private final Set<String> issuers;

	private final Set<String> audiences;

	private final long clockSkewSeconds;

	private final Clock clock;

	ClaimsValidator(Set<String> issuers, Set<String> audiences, long clockSkewSeconds, Clock clock) {
		this.issuers = issuers;
		this.audiences = audiences;
		this.clockSkewSeconds = clockSkewSeconds;
		this.clock = clock;
	}

	Credentials validate(ReadOnlyJsonObject claims) {
		// One pass over the members picks out the registered claims (the reader has refused
		// duplicate names, so each is seen at most once).
		Object expValue = ABSENT;
		Object nbfValue = ABSENT;
		Object iatValue = ABSENT;
		Object issValue = ABSENT;
		Object audValue = ABSENT;
		Object subValue = ABSENT;
		Object jtiValue = ABSENT;
		Object clientIdValue = ABSENT;
		Object azpValue = ABSENT;
		Object scpValue = ABSENT;
		Object scopeValue = ABSENT;
		for (int i = 0; i < claims.size(); i++) {
			Object value = claims.valueAt(i);
			switch (claims.nameAt(i)) {
				case "exp" -> expValue = value;
				case "nbf" -> nbfValue = value;
				case "iat" -> iatValue = value;
				case "iss" -> issValue = value;
				case "aud" -> audValue = value;
				case "sub" -> subValue = value;
				case "jti" -> jtiValue = value;
				case "client_id" -> clientIdValue = value;
				case "azp" -> azpValue = value;
				case "scp" -> scpValue = value;
				case "scope" -> scopeValue = value;
				default -> {
				}
			}
		}
		// millis() is the system clock's cheapest read; floored to whole seconds like getEpochSecond().
		long now = Math.floorDiv(this.clock.millis(), 1000);
		Long exp = numericDate(expValue, "exp");
		if (exp == null) {
			throw new InvalidTokenException(Reason.MISSING_CLAIM, "Missing claim: \"exp\" is required");
		}
		if (now - this.clockSkewSeconds >= exp) {
			throw new InvalidTokenException(Reason.EXPIRED, "Token expired at " + Instant.ofEpochSecond(exp)
					+ "; current time " + Instant.ofEpochSecond(now) + ", allowed clock skew " + this.clockSkewSeconds + "s");
		}
		Long nbf = numericDate(nbfValue, "nbf");
		if (nbf != null && nbf > now + this.clockSkewSeconds) {
			throw new InvalidTokenException(Reason.NOT_YET_VALID, "Token is not valid before " + Instant.ofEpochSecond(nbf)
					+ "; current time " + Instant.ofEpochSecond(now) + ", allowed clock skew " + this.clockSkewSeconds + "s");
		}
		Long iat = numericDate(iatValue, "iat");
		if (iat != null && iat > now + this.clockSkewSeconds) {
			throw new InvalidTokenException(Reason.NOT_YET_VALID, "Token is issued in the future, at "
					+ Instant.ofEpochSecond(iat) + "; current time " + Instant.ofEpochSecond(now) + ", allowed clock skew "
					+ this.clockSkewSeconds + "s");
		}
		if (iat != null && exp <= iat) {
			// A token that expires when or before it is issued was never valid; Spring's Jwt (and
			// RFC 6749 §5.1's expires_in) cannot represent it either.
			throw invalid("\"exp\" must be after \"iat\"");
		}
		String issuer = string(issValue, "iss");
		if (!this.issuers.isEmpty()) {
			if (issuer == null) {
				throw new InvalidTokenException(Reason.MISSING_CLAIM, "Missing claim: \"iss\" is required");
			}
			if (!this.issuers.contains(issuer)) {
				throw new InvalidTokenException(Reason.WRONG_ISSUER, "Wrong issuer: the token's \"iss\" is not accepted");
			}
		}
		Object aud = (audValue == ABSENT) ? null : audValue;
		checkAudience(aud);
		String clientId = clientId(string(clientIdValue, "client_id"), string(azpValue, "azp"), aud);
		String subject = string(subValue, "sub");
		String tokenId = string(jtiValue, "jti");
		List<String> scope = scope(scpValue, scopeValue);
		return new Credentials(subject, scope, clientId, issuer, tokenId, (iat != null) ? Instant.ofEpochSecond(iat) : null,
				Instant.ofEpochSecond(exp), claims);
	}

	private void checkAudience(Object aud) {
		if (aud != null && !(aud instanceof String) && !isStringList(aud)) {
			throw invalid("\"aud\" must be a string or an array of strings");
		}
		if (this.audiences.isEmpty()) {
			return;
		}
		if (aud == null) {
			throw new InvalidTokenException(Reason.MISSING_CLAIM, "Missing claim: \"aud\" is required");
		}
		if (aud instanceof String) {
			if (this.audiences.contains(aud)) {
				return;
			}
		}
		else {
			for (Object each : (List<?>) aud) {
				if (this.audiences.contains(each)) {
					return;
				}
			}
		}
		throw new InvalidTokenException(Reason.WRONG_AUDIENCE, "Wrong audience: the token is not meant for this server");
	}

	/**
	 * RFC 9068's {@code client_id} when present, else OpenID Connect's authorized party
	 * {@code azp} (the client Keycloak, Entra ID and Auth0 name there), else PyJOAT's {@code aud}
	 * (one string).
	 */
	private static String clientId(@Nullable String clientId, @Nullable String authorizedParty, @Nullable Object aud) {
		if (clientId != null) {
			return clientId;
		}
		if (authorizedParty != null) {
			return authorizedParty;
		}
		if (aud instanceof String) {
			return (String) aud;
		}
		if (aud == null) {
			throw new InvalidTokenException(Reason.MISSING_CLAIM,
					"Missing claim: the client is named by neither \"client_id\", \"azp\" nor \"aud\"");
		}
		throw invalid("\"aud\" must be one string naming the client when there is no \"client_id\" nor \"azp\"");
	}

	/**
	 * PyJOAT's {@code scp} array of scope tokens, or RFC 9068's space-delimited {@code scope}
	 * string (RFC 6749 §3.3), or a {@code scope} array of scope tokens, as Spring Authorization
	 * Server writes it and Spring Security reads it; none means no scope. Both claims at once is
	 * ambiguous and refused.
	 */
	private static List<String> scope(Object scp, Object scope) {
		if (scp != ABSENT && scope != ABSENT) {
			throw invalid("a token may carry \"scp\" or \"scope\", not both");
		}
		if (scp != ABSENT) {
			return scopeTokens(scp, "scp");
		}
		if (scope instanceof String text) {
			return splitScope(text);
		}
		if (scope != ABSENT) {
			if (!isStringList(scope)) {
				throw invalid("\"scope\" must be a space-delimited string or an array of strings");
			}
			return scopeTokens(scope, "scope");
		}
		return Collections.emptyList();
	}

	/** An array of strings, each an RFC 6749 scope token. */
	private static List<String> scopeTokens(Object value, String claim) {
		if (!isStringList(value)) {
			throw invalid("\"" + claim + "\" must be an array of strings");
		}
		@SuppressWarnings("unchecked")
		List<String> tokens = (List<String>) value;
		for (String token : tokens) {
			if (!ScopeToken.isValid(token)) {
				throw invalid("\"" + claim + "\" holds a value that is not an RFC 6749 scope token");
			}
		}
		return tokens;
	}

	private static List<String> splitScope(String scope) {
		if (scope.isEmpty()) {
			return Collections.emptyList();
		}
		List<String> tokens = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= scope.length(); i++) {
			if (i == scope.length() || scope.charAt(i) == ' ') {
				String token = scope.substring(start, i);
				if (!ScopeToken.isValid(token)) {
					throw invalid("\"scope\" must be RFC 6749 scope tokens separated by single spaces");
				}
				tokens.add(token);
				start = i + 1;
			}
		}
		return Collections.unmodifiableList(tokens);
	}

	private static boolean isStringList(Object value) {
		if (!(value instanceof List)) {
			return false;
		}
		for (Object each : (List<?>) value) {
			if (!(each instanceof String)) {
				return false;
			}
		}
		return true;
	}

	/** An optional string claim: absent is {@code null}, any other type is refused. */
	private static String string(Object value, String name) {
		if (value == ABSENT) {
			return null;
		}
		if (!(value instanceof String)) {
			throw invalid("\"" + name + "\" must be a string");
		}
		return (String) value;
	}

	/**
	 * An optional NumericDate (RFC 7519 §2): a non-negative integer number of seconds. Fractions,
	 * strings, booleans and values beyond what an {@code Instant} holds are refused.
	 */
	private static Long numericDate(Object value, String name) {
		if (value == ABSENT) {
			return null;
		}
		if (value instanceof Long seconds && seconds >= 0 && seconds <= MAX_NUMERIC_DATE) {
			return seconds;
		}
		if (value instanceof Long || value instanceof BigInteger) {
			throw invalid("\"" + name + "\" is out of range");
		}
		throw invalid("\"" + name + "\" must be a NumericDate (whole seconds since the epoch)");
	}

	private static InvalidTokenException invalid(String why) {
		return new InvalidTokenException(Reason.INVALID_CLAIM, "Invalid claim: " + why);
	}

}
