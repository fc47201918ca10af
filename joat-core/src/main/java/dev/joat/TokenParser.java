package dev.joat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.joat.InvalidTokenException.Reason;
import dev.joat.revocation.Revocation;
import dev.joat.revocation.RevocationList;
import dev.joat.revocation.RevocationUnavailableException;
import org.jspecify.annotations.Nullable;

/**
 * Verifies access tokens and returns their {@link Credentials}: PyJOAT's {@code parse_token}.
 *
 * <pre>{@code
 * TokenParser parser = TokenParser.builder(SecretResolver.of(secret))
 *     .issuer("My OAuth2 Provider")
 *     .build();
 * Credentials credentials = parser.parseToken(token);
 * }</pre>
 *
 * <p>Or, for tokens an issuer signs with an asymmetric key (RS, PS, ES or EdDSA), a parser built
 * {@link #withKeys(KeySource) withKeys} the issuer's public keys:
 *
 * <pre>{@code
 * TokenParser parser = TokenParser.withKeys(KeySet.of(VerificationKey.of(SignatureAlgorithm.ES256, publicKey).withKeyId("2026-12")))
 *     .issuer("https://issuer.example")
 *     .build();
 * }</pre>
 *
 * <p>A parser verifies either with secrets or with public keys, never both: one built for secrets
 * refuses every asymmetric {@code alg}, one built for keys refuses every HMAC {@code alg}, so an
 * HMAC "signed" with a public key as its secret can never verify (RFC 8725 §2.1).
 *
 * <p>A token passes these steps in order, cheapest first; each refuses with one
 * {@link InvalidTokenException.Reason} and nothing later runs on a refused token:
 * <ol>
 * <li>length at most {@link Builder#maxTokenLength(int) maxTokenLength} ({@code TOO_LARGE});</li>
 * <li>exactly three segments of canonical unpadded base64url ({@code MALFORMED});</li>
 * <li>the header: a UTF-8 JSON object without duplicate names, {@code alg} in the allow-list
 * ({@code UNSUPPORTED_ALGORITHM}), no {@code crit} ({@code UNSUPPORTED_HEADER}), {@code typ}
 * absent or {@code JWT}/{@code at+jwt} ({@code WRONG_TYPE});</li>
 * <li>the payload: a UTF-8 JSON object without duplicate names and of bounded depth
 * ({@code MALFORMED});</li>
 * <li>the secret from the {@link SecretResolver}, over read-only unverified header and claims
 * ({@code SECRET_UNAVAILABLE}); or the public key from the {@link KeySource}: the key its
 * {@code kid} names, bound to the token's {@code alg} ({@code UNKNOWN_KEY},
 * {@code UNSUPPORTED_ALGORITHM}), or without {@code kid} at most
 * {@value #MAX_KEYS_WITHOUT_KEY_ID} keys of its {@code alg} ({@code UNKNOWN_KEY}); a key the token
 * names or carries ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) is never used; a source
 * that has no fresh keys throws {@link KeysUnavailableException}, which is not a refusal;</li>
 * <li>the HMAC signature, compared in constant time; or the asymmetric signature, in the one form
 * its algorithm allows ({@code MALFORMED_SIGNATURE}), verified by the JDK
 * ({@code BAD_SIGNATURE});</li>
 * <li>the claims: {@code exp} required (and after {@code iat} when present), {@code nbf} and
 * {@code iat} honoured with the clock skew,
 * {@code iss} and {@code aud} when configured, the types of {@code scp}/{@code scope} and the
 * other registered claims ({@code EXPIRED}, {@code NOT_YET_VALID}, {@code WRONG_ISSUER},
 * {@code WRONG_AUDIENCE}, {@code MISSING_CLAIM}, {@code INVALID_CLAIM});</li>
 * <li>when a {@link Builder#revocationList(RevocationList) revocation list} is set: {@code jti}
 * required only with {@link Builder#requireTokenId(boolean) requireTokenId} ({@code MISSING_CLAIM}),
 * and {@code jti}, the client id and {@code sub}, when present, at most
 * {@value Revocation#MAX_KEY_LENGTH} characters and not empty, as a store can record them
 * ({@code INVALID_CLAIM}), then a local look-up of the token's {@code jti}, client and
 * subject ({@code REVOKED}); a list that cannot answer throws
 * {@link RevocationUnavailableException}, which is not a refusal of the token.</li>
 * </ol>
 *
 * <p>Instances are immutable and thread-safe: build one and share it.
 */
public final class TokenParser {

	/**
	 * The most keys a token without {@code kid} is tried against: the keys of its algorithm in the
	 * {@link KeySource}'s set, when there are at most this many; with more, the token is refused
	 * ({@code UNKNOWN_KEY}). Two covers an issuer that rotates (the old key and the new one) and
	 * omits {@code kid}; beyond that each key tried is a full public-key verification that anyone
	 * can make the server do with one forged token, and an issuer with many keys names them.
	 */
	public static final int MAX_KEYS_WITHOUT_KEY_ID = 2;

	/** {@code null} for a parser built {@link #withKeys(KeySource) withKeys}. */
	private final @Nullable SecretResolver secretResolver;

	private final Set<HmacAlgorithm> algorithms;

	/** {@code null} for a parser built with a {@link SecretResolver}. */
	private final @Nullable KeySource keySource;

	private final Set<SignatureAlgorithm> signatureAlgorithms;

	private final int maxTokenLength;

	private final boolean allowShortSecrets;

	private final TokenType requiredType;

	private final ClaimsValidator claimsValidator;

	private final HeaderCache headerCache = new HeaderCache();

	/** {@code null} when none is set: then verification calls nothing and looks up no key id. */
	private final TokenVerificationListener listener;

	/** {@code null} when none is set: then no token is looked up and {@code jti} stays optional. */
	private final RevocationList revocationList;

	/** Whether a token without {@code jti} is refused when revocation is checked. */
	private final boolean requireTokenId;

	/** The ring's key ids, each mapped to itself, so a listener gets the ring's string, never the token's. */
	private final Map<String, String> ringKeyIds;

	private TokenParser(Builder builder) {
		this.secretResolver = builder.secretResolver;
		this.algorithms = Collections.unmodifiableSet(EnumSet.copyOf(builder.algorithms));
		this.keySource = builder.keySource;
		this.signatureAlgorithms = Collections.unmodifiableSet(EnumSet.copyOf(builder.signatureAlgorithms));
		this.maxTokenLength = builder.maxTokenLength;
		this.allowShortSecrets = builder.allowShortSecrets;
		this.requiredType = builder.requiredType;
		this.claimsValidator = new ClaimsValidator(Set.copyOf(builder.issuers), Set.copyOf(builder.audiences),
				builder.clockSkew.getSeconds(), builder.clock);
		this.listener = builder.listener;
		this.revocationList = builder.revocationList;
		this.requireTokenId = builder.requireTokenId;
		Map<String, String> keyIds = new HashMap<>();
		if (this.secretResolver instanceof SecretRing ring) {
			ring.keyIds().forEach((keyId) -> keyIds.put(keyId, keyId));
		}
		this.ringKeyIds = Map.copyOf(keyIds);
	}

	/**
	 * Starts a parser that takes its secrets from {@code secretResolver}.
	 * @param secretResolver where the HMAC secret of each token comes from
	 * @return a builder with the defaults described on its methods
	 */
	public static Builder builder(SecretResolver secretResolver) {
		return new Builder(secretResolver);
	}

	/**
	 * Starts a parser that takes its secrets from {@code secretRing} by {@code kid}, allowing the
	 * algorithms the ring's secrets are bound to.
	 * @param secretRing the secrets by key id
	 * @return a builder with the ring's algorithms and the defaults described on its methods
	 */
	public static Builder builder(SecretRing secretRing) {
		Builder builder = new Builder(secretRing);
		return builder.algorithms(secretRing.algorithms());
	}

	/**
	 * Starts a parser that verifies tokens signed with an asymmetric key (RFC 7518 §3.3–3.5,
	 * RFC 8037) with the public keys of {@code keys}, accepting {@link SignatureAlgorithm#RS256}
	 * only unless {@link Builder#signatureAlgorithms(SignatureAlgorithm...)} says otherwise (as
	 * Spring Security's {@code jws-algorithms} defaults to RS256). Such a parser never accepts an
	 * HMAC {@code alg}.
	 *
	 * <p>Named apart from {@link #builder(SecretResolver)}: an overload would make
	 * {@code builder(null)} and any argument of a type that is both a resolver and a source
	 * ambiguous.
	 * @param keys where the public keys come from, asked for every token (see {@link KeySource})
	 * @return a builder with the defaults described on its methods
	 */
	public static Builder withKeys(KeySource keys) {
		return new Builder(keys);
	}

	/**
	 * Starts a parser that verifies tokens with the fixed public keys of {@code keys}, accepting
	 * the algorithms its keys are bound to ({@link SignatureAlgorithm#RS256} for an empty set).
	 * @param keys the public keys
	 * @return a builder with the set's algorithms and the defaults described on its methods
	 * @see #withKeys(KeySource)
	 */
	public static Builder withKeys(KeySet keys) {
		Builder builder = new Builder(keys);
		Set<SignatureAlgorithm> algorithms = keys.algorithms();
		return algorithms.isEmpty() ? builder
				: builder.signatureAlgorithms(algorithms.toArray(new SignatureAlgorithm[0]));
	}

	/**
	 * Verifies {@code token} and returns what it grants.
	 * @param token a compact JWS access token
	 * @return the token's credentials
	 * @throws InvalidTokenException for every token that is not valid, with the reason
	 * @throws RevocationUnavailableException when a revocation list is set and cannot answer now
	 * @throws KeysUnavailableException when the parser's {@link KeySource} has no keys fresh enough
	 */
	public Credentials parseToken(String token) {
		return verify(token).credentials();
	}

	/**
	 * Verifies {@code token} as {@link #parseToken(String)} does, and returns its header too.
	 * @param token a compact JWS access token
	 * @return the token's header and credentials
	 * @throws InvalidTokenException for every token that is not valid, with the reason
	 * @throws RevocationUnavailableException when a revocation list is set and cannot answer now
	 * @throws KeysUnavailableException when the parser's {@link KeySource} has no keys fresh enough
	 */
	public VerifiedToken verify(String token) {
		ParseBuffers buffers = ParseBuffers.acquire();
		JoseHeader header = null;
		// With public keys, the set's own key id of the key chosen, once one is: what a listener is told.
		String keyId = null;
		try {
			CompactJws jws = CompactJws.split(token, this.maxTokenLength, buffers);
			header = this.headerCache.find(jws.ascii(), jws.headerLength());
			boolean seenBefore = (header != null);
			if (!seenBefore) {
				header = (this.keySource == null) ? JoseHeader.read(jws.decodeHeader(), this.algorithms, this.requiredType)
						: JoseHeader.readSigned(jws.decodeHeader(), this.signatureAlgorithms, this.requiredType);
			}
			ReadOnlyJsonObject claims = buffers.reader().read(jws.payload(), jws.payloadLength(), "payload");
			if (this.keySource == null) {
				verifySignature(jws, header, resolveSecret(header, claims), this.secretResolver instanceof FixedSecret);
			}
			else {
				List<VerificationKey> candidates = KeySelection.select(this.keySource.keys(header.keyId()), header);
				keyId = KeySelection.listenerKeyId(candidates, header);
				keyId = KeySelection.listenerKeyId(verifySignature(jws, candidates));
			}
			if (!seenBefore) {
				this.headerCache.add(jws.ascii(), jws.headerLength(), header);
			}
			Credentials credentials = this.claimsValidator.validate(claims);
			if (this.revocationList != null) {
				checkNotRevoked(credentials);
			}
			VerifiedToken verified = new VerifiedToken(header.fields(), credentials);
			if (this.listener != null) {
				this.listener.tokenAccepted((keyId != null) ? keyId : keyIdOf(header));
			}
			return verified;
		}
		catch (InvalidTokenException ex) {
			if (this.listener != null) {
				this.listener.tokenRefused(ex.getReason(), (keyId != null) ? keyId : keyIdOf(header));
			}
			throw ex;
		}
		finally {
			buffers.release();
		}
	}

	/**
	 * The signature layer alone (RFC 7515 §5.2): checks the HMAC of an already split token whose
	 * header passed the checks, under {@code secret}, in constant time.
	 */
	static void verifySignature(CompactJws jws, JoseHeader header, byte[] secret) {
		verifySignature(jws, header, secret, false);
	}

	/** As {@link #verifySignature(CompactJws, JoseHeader, byte[])}; {@code immutable}: the secret array never changes. */
	private static void verifySignature(CompactJws jws, JoseHeader header, byte[] secret, boolean immutable) {
		if (!Hmac.verify(header.algorithm(), secret, immutable, jws.ascii(), jws.signingInputLength(), jws.signature())) {
			throw new InvalidTokenException(Reason.BAD_SIGNATURE, "Bad signature");
		}
	}

	/**
	 * The asymmetric signature layer: the first of {@code candidates} (one key, or at most
	 * {@value #MAX_KEYS_WITHOUT_KEY_ID}) under which the token's signature verifies.
	 * @throws InvalidTokenException {@code MALFORMED_SIGNATURE} when the signature has the form
	 * of none of the keys, {@code BAD_SIGNATURE} when it verifies under none
	 */
	static VerificationKey verifySignature(CompactJws jws, List<VerificationKey> candidates) {
		InvalidTokenException malformed = null;
		boolean wellFormed = false;
		for (int i = 0; i < candidates.size(); i++) {
			VerificationKey key = candidates.get(i);
			try {
				if (SignatureVerifier.verify(key, jws.ascii(), jws.signingInputLength(), jws.signature())) {
					return key;
				}
				wellFormed = true;
			}
			catch (InvalidTokenException ex) {
				// Two RSA keys of different sizes: a signature may have the form of one of them only.
				malformed = (malformed != null) ? malformed : ex;
			}
		}
		if (!wellFormed && malformed != null) {
			throw malformed;
		}
		throw new InvalidTokenException(Reason.BAD_SIGNATURE, "Bad signature");
	}

	/** The last step, on a token otherwise valid: a local look-up, never a network call. */
	private void checkNotRevoked(Credentials credentials) {
		String tokenId = credentials.tokenId();
		if (tokenId != null) {
			// What a store cannot record can never be revoked: such a token is refused, not let through.
			requireRevocable(tokenId, "\"jti\"");
		}
		else if (this.requireTokenId) {
			throw new InvalidTokenException(Reason.MISSING_CLAIM,
					"Missing claim: \"jti\" is required when revocation is checked");
		}
		requireRevocable(credentials.clientId(), "client id");
		if (credentials.userId() != null) {
			requireRevocable(credentials.userId(), "\"sub\"");
		}
		Instant issuedAt = credentials.issuedAt();
		long issuedAtSecond = (issuedAt != null) ? issuedAt.getEpochSecond() : Long.MIN_VALUE;
		if (this.revocationList.isRevoked(tokenId, credentials.clientId(), credentials.userId(), issuedAtSecond)) {
			throw new InvalidTokenException(Reason.REVOKED, "Token revoked");
		}
	}

	/** The rule of {@link Revocation}'s keys ({@link Revocation#isRecordable}), applied to a token. */
	private static void requireRevocable(String key, String claim) {
		if (!Revocation.isRecordable(key)) {
			throw new InvalidTokenException(Reason.INVALID_CLAIM, "Invalid claim: " + claim + " must be 1 to "
					+ Revocation.MAX_KEY_LENGTH + " characters when revocation is checked");
		}
	}

	/** The bounded key id a listener is told: the ring's own string, or one of the listener's two constants. */
	private String keyIdOf(JoseHeader header) {
		String keyId = (header != null) ? header.keyId() : null;
		if (keyId == null) {
			return TokenVerificationListener.NO_KEY_ID;
		}
		String ringKeyId = this.ringKeyIds.get(keyId);
		return (ringKeyId != null) ? ringKeyId : TokenVerificationListener.UNKNOWN_KEY_ID;
	}

	/** This parser's cache of verified headers; package-private for tests. */
	HeaderCache headerCache() {
		return this.headerCache;
	}

	private byte[] resolveSecret(JoseHeader header, Map<String, Object> claims) {
		byte[] secret;
		try {
			// A fixed secret is never modified here, so it needs no defensive copy.
			secret = (this.secretResolver instanceof FixedSecret fixed) ? fixed.secret()
					: this.secretResolver.resolveSecret(header.fields(), claims);
		}
		catch (InvalidTokenException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw new InvalidTokenException(Reason.SECRET_UNAVAILABLE, "Secret unavailable: the secret lookup failed", ex);
		}
		if (secret == null || secret.length == 0) {
			throw new InvalidTokenException(Reason.SECRET_UNAVAILABLE, "Secret unavailable: no secret for this token");
		}
		HmacAlgorithm algorithm = Objects.requireNonNull(header.algorithm());
		if (!this.allowShortSecrets && secret.length < algorithm.minimumSecretLength()) {
			// The resolver's fault, not the token's: the cause tells adapters (and their logs) so.
			throw new InvalidTokenException(Reason.SECRET_UNAVAILABLE, "Secret unavailable: the secret for "
					+ algorithm.jwsName() + " is shorter than the " + algorithm.minimumSecretLength()
					+ " bytes RFC 7518 §3.2 requires; for a legacy PyJOAT deployment, opt in with allowShortSecrets()",
					new IllegalStateException("The SecretResolver answered a " + secret.length + "-byte secret for "
							+ algorithm.jwsName()));
		}
		return secret;
	}

	/**
	 * Configures a {@link TokenParser}. Not thread-safe; the parser it builds is.
	 */
	public static final class Builder {

		/** The default largest token accepted, in characters. */
		public static final int DEFAULT_MAX_TOKEN_LENGTH = 8192;

		/** The default clock skew allowed on {@code exp}, {@code nbf} and {@code iat}. */
		public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);

		private final @Nullable SecretResolver secretResolver;

		private final @Nullable KeySource keySource;

		private Set<String> issuers = Set.of();

		private Set<String> audiences = Set.of();

		private Set<HmacAlgorithm> algorithms = EnumSet.of(HmacAlgorithm.HS256);

		private Set<SignatureAlgorithm> signatureAlgorithms = EnumSet.of(SignatureAlgorithm.RS256);

		private Duration clockSkew = DEFAULT_CLOCK_SKEW;

		private Clock clock = Clock.systemUTC();

		private int maxTokenLength = DEFAULT_MAX_TOKEN_LENGTH;

		private boolean allowShortSecrets;

		private TokenType requiredType;

		private TokenVerificationListener listener;

		private RevocationList revocationList;

		private boolean requireTokenId;

		private Builder(SecretResolver secretResolver) {
			this.secretResolver = Objects.requireNonNull(secretResolver, "secretResolver cannot be null");
			this.keySource = null;
		}

		private Builder(KeySource keySource) {
			this.secretResolver = null;
			this.keySource = Objects.requireNonNull(keySource, "keys cannot be null");
		}

		/**
		 * Accepts only tokens whose {@code iss} is one of {@code issuers}. By default the issuer is
		 * not checked, as PyJOAT never did; setting it is strongly recommended.
		 * @param issuers the accepted issuers (providers); at least one
		 * @return this builder
		 */
		public Builder issuer(String... issuers) {
			this.issuers = nonEmptySet(issuers, "issuers");
			return this;
		}

		/**
		 * Accepts only tokens whose {@code aud} names one of {@code audiences} (RFC 7519 §4.1.3).
		 * Not checked by default.
		 * @param audiences the accepted audiences; at least one
		 * @return this builder
		 */
		public Builder audience(String... audiences) {
			this.audiences = nonEmptySet(audiences, "audiences");
			return this;
		}

		/**
		 * The {@code alg} values accepted; {@link HmacAlgorithm#HS256} only by default.
		 * @param algorithms the accepted algorithms; at least one
		 * @return this builder
		 * @throws IllegalStateException on a builder started {@link TokenParser#withKeys(KeySource) withKeys}:
		 * a parser for public keys never accepts an HMAC algorithm
		 */
		public Builder algorithms(HmacAlgorithm... algorithms) {
			if (this.keySource != null) {
				throw new IllegalStateException("algorithms(HmacAlgorithm...) configures a parser of HMAC secrets; "
						+ "this one verifies with public keys: use signatureAlgorithms(SignatureAlgorithm...)");
			}
			Objects.requireNonNull(algorithms, "algorithms cannot be null");
			if (algorithms.length == 0) {
				throw new IllegalArgumentException("algorithms cannot be empty");
			}
			for (HmacAlgorithm algorithm : algorithms) {
				Objects.requireNonNull(algorithm, "algorithms cannot contain null");
			}
			this.algorithms = EnumSet.copyOf(Arrays.asList(algorithms));
			return this;
		}

		/**
		 * The asymmetric {@code alg} values accepted, for a parser started
		 * {@link TokenParser#withKeys(KeySource) withKeys}; {@link SignatureAlgorithm#RS256} only by
		 * default (the set's algorithms when started with a {@link KeySet}). A token is verified only
		 * by a key bound to its {@code alg}.
		 * @param algorithms the accepted algorithms; at least one
		 * @return this builder
		 * @throws IllegalStateException on a builder started with a {@link SecretResolver}: a parser
		 * of HMAC secrets never accepts an asymmetric algorithm
		 */
		public Builder signatureAlgorithms(SignatureAlgorithm... algorithms) {
			if (this.keySource == null) {
				throw new IllegalStateException("signatureAlgorithms(SignatureAlgorithm...) configures a parser of "
						+ "public keys; this one verifies HMAC secrets: use algorithms(HmacAlgorithm...)");
			}
			Objects.requireNonNull(algorithms, "algorithms cannot be null");
			if (algorithms.length == 0) {
				throw new IllegalArgumentException("algorithms cannot be empty");
			}
			for (SignatureAlgorithm algorithm : algorithms) {
				Objects.requireNonNull(algorithm, "algorithms cannot contain null");
			}
			this.signatureAlgorithms = EnumSet.copyOf(Arrays.asList(algorithms));
			return this;
		}

		/**
		 * The clock skew tolerated on {@code exp}, {@code nbf} and {@code iat}; 60 seconds by
		 * default. Sub-second parts are ignored.
		 * @param clockSkew a non-negative duration
		 * @return this builder
		 */
		public Builder clockSkew(Duration clockSkew) {
			Objects.requireNonNull(clockSkew, "clockSkew cannot be null");
			if (clockSkew.isNegative()) {
				throw new IllegalArgumentException("clockSkew cannot be negative");
			}
			if (clockSkew.compareTo(Duration.ofDays(1)) > 0) {
				throw new IllegalArgumentException("clockSkew cannot exceed one day");
			}
			this.clockSkew = clockSkew;
			return this;
		}

		/**
		 * The clock that says what time it is; {@link Clock#systemUTC()} by default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock cannot be null");
			return this;
		}

		/**
		 * The longest token accepted, in characters; {@value #DEFAULT_MAX_TOKEN_LENGTH} by default.
		 * Longer tokens are refused before any decoding.
		 * @param maxTokenLength a positive length
		 * @return this builder
		 */
		public Builder maxTokenLength(int maxTokenLength) {
			if (maxTokenLength <= 0) {
				throw new IllegalArgumentException("maxTokenLength must be positive");
			}
			this.maxTokenLength = maxTokenLength;
			return this;
		}

		/**
		 * Accepts secrets shorter than RFC 7518 §3.2 requires (32, 48 or 64 bytes for HS256, HS384,
		 * HS512), as legacy PyJOAT deployments used. Short secrets can be brute-forced from a single
		 * token: use this only while migrating such a deployment to a longer secret.
		 * @return this builder
		 * @throws IllegalStateException on a builder started {@link TokenParser#withKeys(KeySource) withKeys},
		 * which has no secrets
		 */
		public Builder allowShortSecrets() {
			if (this.keySource != null) {
				throw new IllegalStateException("allowShortSecrets() applies to HMAC secrets; this parser verifies with public keys");
			}
			this.allowShortSecrets = true;
			return this;
		}

		/**
		 * Accepts only tokens whose header names {@code type} as {@code typ}, e.g.
		 * {@link TokenType#AT_JWT} to accept RFC 9068 access tokens only (RFC 8725 §3.11). By
		 * default {@code typ} may be absent, {@code JWT} or {@code at+jwt}.
		 * @param type the required type
		 * @return this builder
		 */
		public Builder requireType(TokenType type) {
			this.requiredType = Objects.requireNonNull(type, "type cannot be null");
			return this;
		}

		/**
		 * The listener told the outcome of every verification, for metrics; none by default, and
		 * then verification costs nothing more.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(TokenVerificationListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener cannot be null");
			return this;
		}

		/**
		 * Refuses revoked tokens: after every other check, the token is looked up in
		 * {@code revocationList} by its {@code jti}, client and subject ({@code REVOKED}). A token
		 * without {@code jti}, as PyJOAT issues them, is accepted and checked against the client and
		 * subject cut-offs that apply to it, unless {@link #requireTokenId(boolean)} refuses it.
		 * None by default: then nothing is looked up. The list answers from memory (see
		 * {@link RevocationList}); when it cannot answer, verification throws its
		 * {@link RevocationUnavailableException}, which no {@link TokenVerificationListener} is
		 * told of.
		 * @param revocationList the list to consult
		 * @return this builder
		 */
		public Builder revocationList(RevocationList revocationList) {
			this.revocationList = Objects.requireNonNull(revocationList, "revocationList cannot be null");
			return this;
		}

		/**
		 * Whether a token without {@code jti} is refused ({@code MISSING_CLAIM}) when a
		 * {@link #revocationList(RevocationList) revocation list} is set; {@code false} by default,
		 * so that the tokens of a PyJOAT issuer, which carry a {@code jti} only when asked to,
		 * verify. Such a token can be revoked only by a cut-off of its client, subject, or subject
		 * of its client, never on its own: require {@code jti} where every token must be
		 * revocable one by one. Without a revocation list, {@code jti} stays optional either way.
		 * @param requireTokenId {@code true} to refuse tokens without {@code jti}
		 * @return this builder
		 */
		public Builder requireTokenId(boolean requireTokenId) {
			this.requireTokenId = requireTokenId;
			return this;
		}

		/**
		 * Builds the parser.
		 * @return an immutable, thread-safe parser
		 */
		public TokenParser build() {
			return new TokenParser(this);
		}

		private static Set<String> nonEmptySet(String[] values, String name) {
			Objects.requireNonNull(values, name + " cannot be null");
			if (values.length == 0) {
				throw new IllegalArgumentException(name + " cannot be empty");
			}
			Set<String> set = new LinkedHashSet<>();
			for (String value : values) {
				if (value == null || value.isEmpty()) {
					throw new IllegalArgumentException(name + " cannot contain null or empty values");
				}
				set.add(value);
			}
			return set;
		}

	}

}
