package dev.joat.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one test token should say, and what should be wrong with it: the fluent part shared by
 * {@link JoatTestToken} and the MockMvc and WebTestClient helpers, so each reads the same way.
 *
 * <pre>{@code
 * .scopes("read").subject("alice")          // a valid token for alice with scope read
 * .scopes("read").expired()                 // the same, expired: refused with 401
 * }</pre>
 *
 * <p>By default the token is valid: issued now by the application's generator to client
 * {@value #DEFAULT_CLIENT_ID}, with no user (so {@code sub} is the client id), no scope and the
 * generator's lifetime. Each defect changes exactly one thing of that token, so that the
 * application's real decoder refuses it for that one reason. Not thread-safe: describe a token in
 * one test.
 *
 * @param <S> the concrete type, returned by every fluent method
 */
public abstract class TokenSpec<S extends TokenSpec<S>> {

	/** The client id of test tokens unless {@link #clientId(String)} names another. */
	public static final String DEFAULT_CLIENT_ID = "joat-test-client";

	private String clientId = DEFAULT_CLIENT_ID;

	private String subject;

	private List<String> scopes = List.of();

	private String tokenId;

	private Duration lifetime;

	private Instant issuedAt;

	private final Map<String, Object> claims = new LinkedHashMap<>();

	private final Set<TokenDefect> defects = EnumSet.noneOf(TokenDefect.class);

	private String algorithm;

	/** For subclasses. */
	protected TokenSpec() {
	}

	/**
	 * The client the token is issued to; {@value #DEFAULT_CLIENT_ID} by default.
	 * @param clientId the client id
	 * @return this
	 */
	public S clientId(String clientId) {
		if (clientId == null || clientId.isBlank()) {
			throw new IllegalArgumentException("clientId cannot be null or blank");
		}
		this.clientId = clientId;
		return self();
	}

	/**
	 * The user the token acts for, written as {@code sub}; none by default, and then {@code sub}
	 * is the client id.
	 * @param subject the user id
	 * @return this
	 */
	public S subject(String subject) {
		if (subject == null || subject.isBlank()) {
			throw new IllegalArgumentException("subject cannot be null or blank");
		}
		this.subject = subject;
		return self();
	}

	/**
	 * The granted scope; none by default (a token without the scope an endpoint needs: the
	 * application answers {@code 403 insufficient_scope}).
	 * @param scopes the scope values, replacing any set before
	 * @return this
	 */
	public S scopes(String... scopes) {
		Objects.requireNonNull(scopes, "scopes cannot be null");
		this.scopes = List.copyOf(Arrays.asList(scopes));
		return self();
	}

	/**
	 * A {@code jti}; none by default (the RFC 9068 profile writes a random one).
	 * @param tokenId the token id
	 * @return this
	 */
	public S tokenId(String tokenId) {
		if (tokenId == null || tokenId.isBlank()) {
			throw new IllegalArgumentException("tokenId cannot be null or blank");
		}
		this.tokenId = tokenId;
		return self();
	}

	/**
	 * How long the token lives; the generator's lifetime by default.
	 * @param lifetime at least one second
	 * @return this
	 */
	public S lifetime(Duration lifetime) {
		this.lifetime = Objects.requireNonNull(lifetime, "lifetime cannot be null");
		return self();
	}

	/**
	 * When the token was issued, written as {@code iat}; {@code exp} follows from it and the
	 * lifetime. Now (the generator's clock) by default. For a token that is still valid by one
	 * clock and already expired by another, as when it expires between two checks; to have a
	 * token refused as expired, {@link #expired()} says so more plainly, and it takes precedence
	 * over this.
	 * @param issuedAt the issue time (whole seconds are written)
	 * @return this
	 */
	public S issuedAt(Instant issuedAt) {
		this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt cannot be null");
		return self();
	}

	/**
	 * Adds a claim beyond those the generator writes (for example the claim named by
	 * {@code joat.principal-claim}, or one an {@code OAuth2TokenValidator} checks).
	 * @param name the claim name; not one the generator writes ({@code iss}, {@code sub},
	 * {@code aud}, {@code exp}, {@code scp} …)
	 * @param value a string, number, boolean, {@code null}, or a list or map of those
	 * @return this
	 */
	public S claim(String name, @Nullable Object value) {
		if (name == null || name.isEmpty()) {
			throw new IllegalArgumentException("name cannot be null or empty");
		}
		this.claims.put(name, value);
		return self();
	}

	/**
	 * Makes the token expired: {@code exp} two days ago, beyond any clock skew the starter allows.
	 * The decoder refuses it as {@code Token expired at …}.
	 * @return this
	 */
	public S expired() {
		return defect(TokenDefect.EXPIRED);
	}

	/**
	 * Makes the token not valid yet: {@code nbf} two days from now. The decoder refuses it as
	 * {@code Token is not valid before …}.
	 * @return this
	 */
	public S notYetValid() {
		return defect(TokenDefect.NOT_YET_VALID);
	}

	/**
	 * Signs the token with a random secret instead of the application's (for tokens signed with a
	 * key pair: with another key of the same algorithm, under the same {@code kid}). The decoder
	 * refuses it as {@code Bad signature}.
	 * @return this
	 */
	public S wrongSignature() {
		return defect(TokenDefect.WRONG_SIGNATURE);
	}

	/**
	 * Writes an issuer the application does not accept ({@value JoatTestTokens#WRONG_ISSUER}), signed
	 * with the application's secret. The decoder refuses it as {@code Wrong issuer: …}.
	 * @return this
	 */
	public S wrongIssuer() {
		return defect(TokenDefect.WRONG_ISSUER);
	}

	/**
	 * Writes an audience no application accepts ({@value JoatTestTokens#WRONG_AUDIENCE}), signed
	 * with the application's secret. Refused as {@code Wrong audience: …} only by an application
	 * that checks audiences ({@code joat.audiences}); PyJOAT's layout names the client in
	 * {@code aud}, which is not checked otherwise.
	 * @return this
	 */
	public S wrongAudience() {
		return defect(TokenDefect.WRONG_AUDIENCE);
	}

	/**
	 * Writes a {@code kid} naming no key ({@value JoatTestTokens#UNKNOWN_KEY_ID}). Refused as
	 * {@code Unknown key: …} by an application whose secrets have key ids ({@code joat.secrets});
	 * an application with one secret and no key ids ignores {@code kid}, so the token stays valid
	 * there.
	 * @return this
	 */
	public S unknownKeyId() {
		return defect(TokenDefect.UNKNOWN_KEY_ID);
	}

	/**
	 * For tokens signed with a key pair: writes {@code "alg":"HS256"} and signs with HMAC keyed by
	 * the public key's encoded bytes, the algorithm-confusion attack of RFC 8725 §2.1. Refused by an
	 * application that verifies with public keys. Minting fails on HMAC test tokens.
	 * @return this description
	 */
	public S hmacWithPublicKey() {
		return defect(TokenDefect.HMAC_WITH_PUBLIC_KEY);
	}

	/**
	 * Writes {@code alg} as given, signed with the application's secret under that algorithm when
	 * it is an HMAC algorithm, with an empty signature for {@code none}, and with random bytes
	 * otherwise. An algorithm the application does not accept ({@code joat.algorithms}) is
	 * refused as {@code Unsupported algorithm …}.
	 * @param algorithm a JWS {@code alg} value, for example {@code "HS512"}, {@code "none"} or
	 * {@code "RS256"}
	 * @return this
	 */
	public S algorithm(String algorithm) {
		if (algorithm == null || algorithm.isEmpty()) {
			throw new IllegalArgumentException("algorithm cannot be null or empty");
		}
		this.algorithm = algorithm;
		return self();
	}

	/**
	 * Mints the token this describes with {@code tokens}.
	 * @param tokens the minting of the application under test
	 * @return the compact token
	 */
	protected final String issueWith(JoatTestTokens tokens) {
		Objects.requireNonNull(tokens, "tokens cannot be null");
		return tokens.issue(this);
	}

	@SuppressWarnings("unchecked")
	private S self() {
		return (S) this;
	}

	private S defect(TokenDefect defect) {
		this.defects.add(defect);
		return self();
	}

	String clientIdValue() {
		return this.clientId;
	}

	String subjectValue() {
		return this.subject;
	}

	List<String> scopeValues() {
		return this.scopes;
	}

	String tokenIdValue() {
		return this.tokenId;
	}

	Duration lifetimeValue() {
		return this.lifetime;
	}

	Instant issuedAtValue() {
		return this.issuedAt;
	}

	Map<String, Object> claimValues() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(this.claims));
	}

	Set<TokenDefect> defectValues() {
		return Collections.unmodifiableSet(EnumSet.copyOf(this.defects));
	}

	String algorithmValue() {
		return this.algorithm;
	}

	/** Why a test token is meant to be refused. */
	enum TokenDefect {

		EXPIRED, NOT_YET_VALID, WRONG_SIGNATURE, WRONG_ISSUER, WRONG_AUDIENCE, UNKNOWN_KEY_ID, HMAC_WITH_PUBLIC_KEY

	}

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[clientId=" + this.clientId + ", subject=" + this.subject + ", scopes="
				+ this.scopes + ", defects=" + new ArrayList<>(this.defects)
				+ ((this.algorithm != null) ? ", alg=" + this.algorithm : "") + "]";
	}

}
