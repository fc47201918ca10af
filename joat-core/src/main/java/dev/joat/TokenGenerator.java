package dev.joat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Issues signed access tokens for one provider (issuer): PyJOAT's {@code TokenGenerator}.
 *
 * <pre>{@code
 * TokenGenerator generator = TokenGenerator.builder("My OAuth2 Provider", SecretResolver.of(secret)).build();
 * String token = generator.issueToken("abcd", List.of("profile", "read"));
 * }</pre>
 *
 * <p>By default tokens have PyJOAT's layout: header {@code {"alg":"HS256","typ":"JWT"}} and the claims
 * {@code aud} (the client id), {@code iss} (the provider), {@code exp}, {@code iat}, {@code scp}
 * (the scope as a JSON array), {@code sub} (the user id, or the client id for a token without a
 * user, RFC 9068 §2.2) and {@code jti} (the request's, or 128 random bits, so that every token can be
 * revoked on its own). The {@link SecretResolver} sees the
 * header and these complete claims before the token is signed, as PyJOAT's {@code salt_generator}
 * did. {@link Builder#profile(TokenProfile) profile(TokenProfile.RFC_9068)} issues RFC 9068
 * access tokens instead, and {@link Builder#keyId(String) keyId} (or a {@link SecretRing}) writes a
 * {@code kid} for secret rotation.
 *
 * <p>With a {@link SigningKey} (or the signing key of a {@link SigningKeyRing}) it signs with a
 * private key instead, with any {@link SignatureAlgorithm} (ES256, EdDSA, RS256, PS256, …), and
 * writes the key's id as {@code kid}: {@code {"alg":"ES256","typ":"JWT","kid":"2026-12"}}
 * ({@code at+jwt} in the RFC 9068 profile). Resource servers then verify with the public key alone,
 * published as a JWK Set ({@link SigningKeyRing#publishedKeys(java.time.Instant)},
 * {@link KeySet#toJwkSetJson()}).
 *
 * <p>Instances are immutable and thread-safe: build one and share it.
 */
public final class TokenGenerator {

	private final String provider;

	/** {@code null} when the generator signs with {@link #signingKey}. */
	private final @Nullable SecretResolver secretResolver;

	private final Duration lifetime;

	/** {@code null} when the generator signs with {@link #signingKey}. */
	private final @Nullable HmacAlgorithm algorithm;

	/** {@code null} when the generator signs with HMAC. */
	private final @Nullable SigningKey signingKey;

	/** The JWS {@code alg} of every token, as the header and the listener have it. */
	private final String algorithmName;

	private final Clock clock;

	private final boolean allowShortSecrets;

	private final TokenProfile profile;

	private final List<String> audiences;

	private final Map<String, Object> header;

	private final byte[] encodedHeader;

	/** The length of a base64url signature of {@link #algorithm}. */
	private final int encodedSignatureLength;

	/** {@code null} when none is set: then issuing calls nothing. */
	private final TokenIssuanceListener listener;

	private final String listenerKeyId;

	private TokenGenerator(Builder builder) {
		this.provider = builder.provider;
		this.secretResolver = builder.secretResolver;
		this.lifetime = builder.lifetime;
		this.signingKey = builder.signingKey;
		this.algorithm = (this.signingKey == null) ? builder.algorithm : null;
		this.algorithmName = (this.signingKey != null) ? this.signingKey.algorithm().jwsName()
				: builder.algorithm.jwsName();
		this.clock = builder.clock;
		this.allowShortSecrets = builder.allowShortSecrets;
		this.profile = builder.profile;
		this.listener = builder.listener;
		this.listenerKeyId = (builder.keyId != null) ? builder.keyId : TokenVerificationListener.NO_KEY_ID;
		this.audiences = builder.audiences;
		if (this.profile == TokenProfile.RFC_9068 && this.audiences.isEmpty()) {
			throw new IllegalArgumentException("an RFC 9068 token needs an audience: set audience(...) to the resource"
					+ " server's identifier");
		}
		if (this.profile == TokenProfile.PYJOAT && !this.audiences.isEmpty()) {
			throw new IllegalArgumentException("audience applies to the RFC 9068 profile only: in PyJOAT's layout"
					+ " \"aud\" is the client id");
		}
		Map<String, Object> header = new LinkedHashMap<>();
		header.put("alg", this.algorithmName);
		header.put("typ", (this.profile == TokenProfile.RFC_9068) ? TokenType.AT_JWT.headerValue()
				: TokenType.JWT.headerValue());
		if (builder.keyId != null) {
			header.put("kid", builder.keyId);
		}
		this.header = Collections.unmodifiableMap(header);
		this.encodedHeader = JsonObjectWriter.writeBase64Url(this.header);
		// An HMAC is as long as its hash, which RFC 7518 §3.2 also makes the minimum secret length.
		this.encodedSignatureLength = Base64Url.encodedLength((this.signingKey != null)
				? this.signingKey.signatureLength() : builder.algorithm.minimumSecretLength());
	}

	/**
	 * Starts a generator for {@code provider}, signing with secrets from {@code secretResolver}.
	 * @param provider the issuer, written as {@code iss}
	 * @param secretResolver where the HMAC secret of each token comes from
	 * @return a builder with the defaults described on its methods
	 */
	public static Builder builder(String provider, SecretResolver secretResolver) {
		return new Builder(provider, secretResolver);
	}

	/**
	 * Starts a generator for {@code provider} that signs with the signing secret of
	 * {@code secretRing}, writing its key id as {@code kid} and using the algorithm it is bound to.
	 * @param provider the issuer, written as {@code iss}
	 * @param secretRing the secrets by key id
	 * @return a builder with the ring's key id and algorithm and the defaults described on its methods
	 */
	public static Builder builder(String provider, SecretRing secretRing) {
		return new Builder(provider, secretRing).keyId(secretRing.signingKeyId()).algorithm(secretRing.signingAlgorithm());
	}

	/**
	 * Starts a generator for {@code provider} that signs with the private key {@code signingKey},
	 * with the algorithm it is bound to, writing its key id (if it has one) as {@code kid}.
	 * @param provider the issuer, written as {@code iss}
	 * @param signingKey the private key and its algorithm
	 * @return a builder with the key's id and algorithm and the defaults described on its methods
	 */
	public static Builder builder(String provider, SigningKey signingKey) {
		return new Builder(provider, signingKey);
	}

	/**
	 * Starts a generator for {@code provider} that signs with the {@linkplain SigningKeyRing#signingKey()
	 * current key} of {@code signingKeyRing}. The generator keeps that key: after the ring changes its
	 * current key, build a new generator from the new ring.
	 * @param provider the issuer, written as {@code iss}
	 * @param signingKeyRing the issuer's private keys
	 * @return a builder with the current key's id and algorithm and the defaults described on its methods
	 */
	public static Builder builder(String provider, SigningKeyRing signingKeyRing) {
		Objects.requireNonNull(signingKeyRing, "signingKeyRing cannot be null");
		return new Builder(provider, signingKeyRing.signingKey());
	}

	/**
	 * The provider (issuer) this generator writes as {@code iss}.
	 * @return the provider
	 */
	public String provider() {
		return this.provider;
	}

	/**
	 * The lifetime of the tokens this generator issues, unless a request overrides it.
	 * @return the default lifetime
	 */
	public Duration lifetime() {
		return this.lifetime;
	}

	/**
	 * Issues a token to {@code clientId} for {@code scope}, with no user and a random {@code jti}.
	 * @param clientId the client the token is issued to
	 * @param scope the granted scope values
	 * @return the compact, signed token
	 * @throws IllegalArgumentException naming an invalid argument
	 */
	public String issueToken(String clientId, List<String> scope) {
		return issueToken(TokenRequest.builder(clientId, scope).build());
	}

	/**
	 * Issues the token {@code request} describes.
	 * @param request the token's contents
	 * @return the compact, signed token
	 * @throws IllegalStateException when the secret resolver gives no usable secret
	 */
	public String issueToken(TokenRequest request) {
		Objects.requireNonNull(request, "request cannot be null");
		// millis() is the system clock's cheapest read; floored to whole seconds like getEpochSecond().
		long issuedAt = (request.issuedAt() != null) ? request.issuedAt().getEpochSecond()
				: Math.floorDiv(this.clock.millis(), 1000);
		Duration lifetime = (request.lifetime() != null) ? request.lifetime() : this.lifetime;
		long expiresAt = Math.addExact(issuedAt, lifetime.getSeconds());
		String subject = (request.userId() != null) ? request.userId() : request.clientId();
		Map<String, Object> extraClaims = request.extraClaims();
		// At most ten registered claims; TokenRequest keeps the extra ones from repeating them.
		ClaimsInOrder claims = new ClaimsInOrder(10 + extraClaims.size());
		if (this.profile == TokenProfile.RFC_9068) {
			claims.add("iss", this.provider);
			claims.add("sub", subject);
			claims.add("aud", (this.audiences.size() == 1) ? this.audiences.get(0) : this.audiences);
			claims.add("exp", expiresAt);
			claims.add("iat", issuedAt);
			claims.add("jti", (request.tokenId() != null) ? request.tokenId() : RandomTokenIds.next());
			claims.add("client_id", request.clientId());
			if (!request.scope().isEmpty()) {
				claims.add("scope", String.join(" ", request.scope()));
			}
		}
		else {
			claims.add("aud", request.clientId());
			claims.add("iss", this.provider);
			claims.add("exp", expiresAt);
			claims.add("iat", issuedAt);
			claims.add("scp", request.scope());
			claims.add("sub", subject);
			claims.add("jti", (request.tokenId() != null) ? request.tokenId() : RandomTokenIds.next());
		}
		for (Map.Entry<String, Object> extra : extraClaims.entrySet()) {
			claims.add(extra.getKey(), extra.getValue());
		}
		ReadOnlyJsonObject claimsSet = claims.build();
		byte[] secret = (this.signingKey == null) ? resolveSecret(claimsSet) : null;
		String token;
		JsonObjectWriter json = JsonObjectWriter.acquire();
		try {
			json.writeValue(claimsSet);
			token = sign(secret, json.bytes(), json.length());
		}
		finally {
			json.release();
		}
		if (this.listener != null) {
			this.listener.tokenIssued(this.algorithmName, this.listenerKeyId, this.profile);
		}
		return token;
	}

	/**
	 * {@code header.payload.signature} for the claims JSON {@code json[0, jsonLength)}: encoded
	 * straight into one array, which is copied once into the string.
	 */
	private String sign(byte @Nullable [] secret, byte[] json, int jsonLength) {
		int payloadStart = this.encodedHeader.length + 1;
		int signingInputLength = payloadStart + Base64Url.encodedLength(jsonLength);
		byte[] token = new byte[signingInputLength + 1 + this.encodedSignatureLength];
		System.arraycopy(this.encodedHeader, 0, token, 0, this.encodedHeader.length);
		token[this.encodedHeader.length] = '.';
		Base64Url.encodeInto(json, jsonLength, token, payloadStart);
		token[signingInputLength] = '.';
		if (this.signingKey != null) {
			this.signingKey.signInto(token, signingInputLength, token, signingInputLength + 1);
			return new String(token, StandardCharsets.ISO_8859_1);
		}
		// A fixed secret is never modified, so the pooled Mac keyed with it needs no comparison.
		byte[] signature = Hmac.sign(this.algorithm, secret, this.secretResolver instanceof FixedSecret, token,
				signingInputLength);
		if (Base64Url.encodedLength(signature.length) != this.encodedSignatureLength) {
			throw new IllegalStateException("A " + this.algorithm.jcaName() + " signature of unexpected length");
		}
		Base64Url.encodeInto(signature, signature.length, token, signingInputLength + 1);
		return new String(token, StandardCharsets.ISO_8859_1);
	}

	private byte[] resolveSecret(Map<String, Object> claims) {
		// A fixed secret is never modified here, so it needs no defensive copy.
		byte[] secret = (this.secretResolver instanceof FixedSecret fixed) ? fixed.secret()
				: this.secretResolver.resolveSecret(this.header, claims);
		if (secret == null || secret.length == 0) {
			// RFC 9068 names the client in client_id (aud is the resource server); PyJOAT in aud.
			Object clientId = claims.containsKey("client_id") ? claims.get("client_id") : claims.get("aud");
			throw new IllegalStateException("The secret resolver returned no secret for client " + clientId);
		}
		if (!this.allowShortSecrets && secret.length < this.algorithm.minimumSecretLength()) {
			throw new IllegalStateException("The secret for " + this.algorithm.jwsName() + " is shorter than the "
					+ this.algorithm.minimumSecretLength() + " bytes RFC 7518 §3.2 requires; for a legacy PyJOAT"
					+ " deployment, opt in with allowShortSecrets()");
		}
		return secret;
	}

	/** A token's claims as they are added, in that order, for a {@link ReadOnlyJsonObject}. */
	private static final class ClaimsInOrder {

		private final String[] names;

		private final Object[] values;

		private int size;

		ClaimsInOrder(int capacity) {
			this.names = new String[capacity];
			this.values = new Object[capacity];
		}

		void add(String name, Object value) {
			this.names[this.size] = name;
			this.values[this.size] = value;
			this.size++;
		}

		ReadOnlyJsonObject build() {
			return new ReadOnlyJsonObject(this.names, this.values, this.size);
		}

	}

	/** Configures a {@link TokenGenerator}. Not thread-safe; the generator it builds is. */
	public static final class Builder {

		/** The default token lifetime: one hour, as PyJOAT issued. */
		public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

		private final String provider;

		private final @Nullable SecretResolver secretResolver;

		private final @Nullable SigningKey signingKey;

		private Duration lifetime = DEFAULT_LIFETIME;

		private HmacAlgorithm algorithm = HmacAlgorithm.HS256;

		private Clock clock = Clock.systemUTC();

		private boolean allowShortSecrets;

		private String keyId;

		private TokenProfile profile = TokenProfile.PYJOAT;

		private List<String> audiences = List.of();

		private TokenIssuanceListener listener;

		private Builder(String provider, SecretResolver secretResolver) {
			if (provider == null || provider.isBlank()) {
				throw new IllegalArgumentException("provider cannot be null or blank");
			}
			WellFormedText.require(provider, "provider");
			this.provider = provider;
			this.secretResolver = Objects.requireNonNull(secretResolver, "secretResolver cannot be null");
			this.signingKey = null;
		}

		private Builder(String provider, SigningKey signingKey) {
			if (provider == null || provider.isBlank()) {
				throw new IllegalArgumentException("provider cannot be null or blank");
			}
			WellFormedText.require(provider, "provider");
			this.provider = provider;
			this.secretResolver = null;
			this.signingKey = Objects.requireNonNull(signingKey, "signingKey cannot be null");
			this.keyId = signingKey.keyId();
		}

		/**
		 * How long issued tokens live; one hour by default.
		 * @param lifetime at least one second
		 * @return this builder
		 */
		public Builder lifetime(Duration lifetime) {
			Objects.requireNonNull(lifetime, "lifetime cannot be null");
			if (lifetime.isNegative() || lifetime.getSeconds() == 0) {
				throw new IllegalArgumentException("lifetime must be at least one second");
			}
			this.lifetime = lifetime;
			return this;
		}

		/**
		 * The HMAC signing algorithm; {@link HmacAlgorithm#HS256} by default. A generator with a
		 * {@link SigningKey} signs with the key's algorithm, and refuses this.
		 * @param algorithm the algorithm
		 * @return this builder
		 * @throws IllegalStateException when the generator signs with a {@link SigningKey}
		 */
		public Builder algorithm(HmacAlgorithm algorithm) {
			requireHmac("algorithm(HmacAlgorithm)", "a SigningKey signs with the algorithm it is bound to");
			this.algorithm = Objects.requireNonNull(algorithm, "algorithm cannot be null");
			return this;
		}

		/**
		 * The clock that gives {@code iat}; {@link Clock#systemUTC()} by default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock cannot be null");
			return this;
		}

		/**
		 * The {@code kid} to write in the header, so that the parser's resolver can pick the secret
		 * (see {@link SecretRing}); none by default. A generator with a {@link SigningKey} writes the
		 * key's own id ({@link SigningKey#withKeyId(String)}), so that it is the {@code kid} its JWK
		 * is published under, and refuses this.
		 * @param keyId the key id; not empty, without unpaired surrogates
		 * @return this builder
		 * @throws IllegalStateException when the generator signs with a {@link SigningKey}
		 */
		public Builder keyId(String keyId) {
			requireHmac("keyId(String)", "the kid of a SigningKey is its own: set it with SigningKey.withKeyId");
			if (keyId == null || keyId.isEmpty()) {
				throw new IllegalArgumentException("keyId cannot be null or empty");
			}
			WellFormedText.require(keyId, "keyId");
			this.keyId = keyId;
			return this;
		}

		/**
		 * The claim layout; {@link TokenProfile#PYJOAT} by default. {@link TokenProfile#RFC_9068}
		 * also needs an {@link #audience(String...) audience}.
		 * @param profile the profile
		 * @return this builder
		 */
		public Builder profile(TokenProfile profile) {
			this.profile = Objects.requireNonNull(profile, "profile cannot be null");
			return this;
		}

		/**
		 * The resource servers the tokens are for, written as {@code aud} in the RFC 9068 profile
		 * (RFC 9068 §3: the resource indicators); not used by PyJOAT's layout.
		 * @param audiences one or more resource identifiers, none blank or with an unpaired surrogate
		 * @return this builder
		 */
		public Builder audience(String... audiences) {
			Objects.requireNonNull(audiences, "audiences cannot be null");
			if (audiences.length == 0) {
				throw new IllegalArgumentException("audiences cannot be empty");
			}
			for (String audience : audiences) {
				if (audience == null || audience.isBlank()) {
					throw new IllegalArgumentException("audiences cannot contain null or blank values");
				}
				WellFormedText.require(audience, "audience");
			}
			this.audiences = List.of(audiences);
			return this;
		}

		/**
		 * Signs with secrets shorter than RFC 7518 §3.2 requires, as legacy PyJOAT deployments did.
		 * Use this only while migrating such a deployment to a longer secret. Refused by a generator
		 * with a {@link SigningKey}, which has no secret.
		 * @return this builder
		 * @throws IllegalStateException when the generator signs with a {@link SigningKey}
		 */
		public Builder allowShortSecrets() {
			requireHmac("allowShortSecrets()", "a SigningKey has no secret");
			this.allowShortSecrets = true;
			return this;
		}

		/**
		 * The listener told of every token issued, for metrics; none by default, and then issuing
		 * costs nothing more.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(TokenIssuanceListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener cannot be null");
			return this;
		}

		private void requireHmac(String method, String why) {
			if (this.signingKey != null) {
				throw new IllegalStateException(method + " applies to HMAC signing only: " + why);
			}
		}

		/**
		 * Builds the generator.
		 * @return an immutable, thread-safe generator
		 */
		public TokenGenerator build() {
			return new TokenGenerator(this);
		}

	}

}
