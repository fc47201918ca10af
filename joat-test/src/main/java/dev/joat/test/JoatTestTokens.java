package dev.joat.test;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.joat.HmacAlgorithm;
import dev.joat.SecretResolver;
import dev.joat.SecretRing;
import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import dev.joat.VerificationKey;
import dev.joat.test.TokenSpec.TokenDefect;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mints real tokens for tests, with the generator and secret of the application under test, so
 * that they go through the application's real decoder, validators and authority converter —
 * valid ones, and ones wrong on purpose to test the refusals.
 *
 * <pre>{@code
 * SecretResolver secrets = SecretResolver.of(secret);
 * JoatTestTokens tokens = JoatTestTokens.of(TokenGenerator.builder("My OAuth2 Provider", secrets).build(), secrets);
 * String token = tokens.token().scopes("read").subject("alice").issue();
 * String expired = tokens.token().scopes("read").expired().issue();
 * }</pre>
 *
 * <p>In a Spring test, {@code ApplicationTestTokens.from(applicationContext)} (package
 * {@code dev.joat.test.context}) builds one from the application's own beans; this class itself
 * needs only joat-core and Jackson, not Spring.
 *
 * <p>A valid token is exactly what the application's {@link TokenGenerator} issues. A token with
 * a defect starts as that token; the claim or header the defect is about is changed and the token
 * is signed again with the application's {@link SecretResolver} (or, for
 * {@link TokenSpec#wrongSignature()}, with a random secret), so the decoder refuses it for that
 * one reason. Immutable and thread-safe.
 */
public final class JoatTestTokens {

	/** The issuer written by {@link TokenSpec#wrongIssuer()}. */
	public static final String WRONG_ISSUER = "joat-test-wrong-issuer";

	/** The audience written by {@link TokenSpec#wrongAudience()}. */
	public static final String WRONG_AUDIENCE = "joat-test-wrong-audience";

	/** The key id written by {@link TokenSpec#unknownKeyId()}. */
	public static final String UNKNOWN_KEY_ID = "joat-test-unknown-kid";

	/** Far enough from now for any clock skew the starter accepts (at most one day). */
	private static final Duration OUT_OF_SKEW = Duration.ofDays(2);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, Object>> JSON_OBJECT = new TypeReference<>() {
	};

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private final TokenGenerator generator;

	private final @Nullable SecretResolver secretResolver;

	/** The algorithm and private key of a generator that signs with a key pair; else {@code null}. */
	private final @Nullable SignatureAlgorithm keyAlgorithm;

	private final @Nullable KeyPair keyPair;

	private final Clock clock;

	private JoatTestTokens(TokenGenerator generator, @Nullable SecretResolver secretResolver,
			@Nullable SignatureAlgorithm keyAlgorithm, @Nullable KeyPair keyPair, Clock clock) {
		this.generator = Objects.requireNonNull(generator, "generator cannot be null");
		this.secretResolver = secretResolver;
		this.keyAlgorithm = keyAlgorithm;
		this.keyPair = keyPair;
		this.clock = Objects.requireNonNull(clock, "clock cannot be null");
	}

	/**
	 * Tokens of {@code generator}, whose secrets come from {@code secretResolver}, on the system
	 * clock.
	 * @param generator the application's generator
	 * @param secretResolver the resolver the application's generator and parser use
	 * @return the test tokens
	 */
	public static JoatTestTokens of(TokenGenerator generator, SecretResolver secretResolver) {
		return of(generator, secretResolver, Clock.systemUTC());
	}

	/**
	 * Tokens of {@code generator}, whose secrets come from {@code secretResolver}; {@code clock}
	 * is the application's clock, which places expired and not-yet-valid tokens in time.
	 * @param generator the application's generator
	 * @param secretResolver the resolver the application's generator and parser use
	 * @param clock the clock of the application's generator and parser
	 * @return the test tokens
	 */
	public static JoatTestTokens of(TokenGenerator generator, SecretResolver secretResolver, Clock clock) {
		Objects.requireNonNull(secretResolver, "secretResolver cannot be null");
		return new JoatTestTokens(generator, secretResolver, null, null, clock);
	}

	/**
	 * Tokens of {@code generator}, which signs with the private key of {@code keyPair} and
	 * {@code algorithm} (built {@code TokenGenerator.builder(issuer, SigningKey.of(algorithm, keyPair))},
	 * usually with a key id): for an application that verifies with public keys. A token with a
	 * defect is signed again with that private key; {@link TokenSpec#wrongSignature()} signs with
	 * another key of the same algorithm under the same {@code kid}, {@link TokenSpec#algorithm(String)}
	 * with a new key of the named algorithm, and {@link TokenSpec#hmacWithPublicKey()} with HS256
	 * keyed by the public key's encoded bytes.
	 * @param generator the generator that signs with {@code keyPair}
	 * @param algorithm the algorithm the generator signs with
	 * @param keyPair the generator's key pair
	 * @param clock the clock of the application's parser
	 * @return the test tokens
	 */
	public static JoatTestTokens of(TokenGenerator generator, SignatureAlgorithm algorithm, KeyPair keyPair,
			Clock clock) {
		Objects.requireNonNull(algorithm, "algorithm cannot be null");
		Objects.requireNonNull(keyPair, "keyPair cannot be null");
		return new JoatTestTokens(generator, null, algorithm, keyPair, clock);
	}

	/**
	 * Tokens of issuer {@code issuer} signed with a new key pair of {@code algorithm} with key id
	 * {@code keyId}, on the system clock: for tests of code that builds its parser with joat-core
	 * alone, {@code TokenParser.withKeys(KeySet.of(tokens.verificationKey()))}.
	 * @param issuer the issuer, written as {@code iss}
	 * @param algorithm the signature algorithm
	 * @param keyId the key id, written as {@code kid}
	 * @return the test tokens
	 */
	public static JoatTestTokens withNewKey(String issuer, SignatureAlgorithm algorithm, String keyId) {
		KeyPair keyPair = generateKeyPair(algorithm);
		SigningKey key = SigningKey.of(algorithm, keyPair).withKeyId(keyId);
		return of(TokenGenerator.builder(issuer, key).build(), algorithm, keyPair, Clock.systemUTC());
	}

	/**
	 * The public key that verifies these tokens, when they are signed with a key pair.
	 * @return the verification key with the generator's key id, or {@code null} for HMAC tokens
	 */
	public @Nullable VerificationKey verificationKey() {
		if (this.keyPair == null || this.keyAlgorithm == null) {
			return null;
		}
		String keyId = keyIdOf(this.generator.issueToken(TokenRequest.builder("joat-test", java.util.List.of()).build()));
		VerificationKey key = VerificationKey.of(this.keyAlgorithm, this.keyPair.getPublic());
		return (keyId != null) ? key.withKeyId(keyId) : key;
	}

	private static @Nullable String keyIdOf(String token) {
		Object kid = readSegment(token.substring(0, token.indexOf('.'))).get("kid");
		return (kid != null) ? kid.toString() : null;
	}

	/**
	 * A new key pair for {@code algorithm}: 2,048-bit RSA, the algorithm's EC curve, or Ed25519.
	 * @param algorithm the algorithm
	 * @return a new key pair
	 */
	public static KeyPair generateKeyPair(SignatureAlgorithm algorithm) {
		Objects.requireNonNull(algorithm, "algorithm cannot be null");
		try {
			java.security.KeyPairGenerator generator;
			switch (algorithm.keyType()) {
				case "RSA" -> {
					generator = java.security.KeyPairGenerator.getInstance("RSA");
					generator.initialize(SignatureAlgorithm.MINIMUM_RSA_KEY_SIZE);
				}
				case "EC" -> {
					generator = java.security.KeyPairGenerator.getInstance("EC");
					generator.initialize(new java.security.spec.ECGenParameterSpec(switch (algorithm) {
						case ES256 -> "secp256r1";
						case ES384 -> "secp384r1";
						default -> "secp521r1";
					}));
				}
				default -> generator = java.security.KeyPairGenerator.getInstance("Ed25519");
			}
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK cannot generate a key for " + algorithm, ex);
		}
	}

	/**
	 * Tokens of issuer {@code issuer} signed with {@code secretResolver}'s secrets and the
	 * generator's defaults (HS256, or the signing key of a {@link SecretRing}; one hour): for
	 * tests of code that builds its parser with joat-core alone.
	 * @param issuer the issuer, written as {@code iss}
	 * @param secretResolver the resolver the parser under test uses
	 * @return the test tokens
	 */
	public static JoatTestTokens of(String issuer, SecretResolver secretResolver) {
		Objects.requireNonNull(secretResolver, "secretResolver cannot be null");
		TokenGenerator generator = (secretResolver instanceof SecretRing ring) ? TokenGenerator.builder(issuer, ring).build()
				: TokenGenerator.builder(issuer, secretResolver).build();
		return of(generator, secretResolver);
	}

	/**
	 * Starts describing a token; {@link JoatTestToken#issue()} mints it.
	 * @return a new description of a valid token (see {@link TokenSpec} for the defaults)
	 */
	public JoatTestToken token() {
		return new JoatTestToken(this);
	}

	String issue(TokenSpec<?> spec) {
		Set<TokenDefect> defects = spec.defectValues();
		Duration lifetime = (spec.lifetimeValue() != null) ? spec.lifetimeValue() : this.generator.lifetime();
		// Expired: exp two days ago, the token otherwise as the generator writes it.
		Instant issuedAt = defects.contains(TokenDefect.EXPIRED) ? this.clock.instant().minus(OUT_OF_SKEW).minus(lifetime)
				: spec.issuedAtValue();
		TokenRequest.Builder request = TokenRequest.builder(spec.clientIdValue(), spec.scopeValues())
			.userId(spec.subjectValue())
			.tokenId(spec.tokenIdValue())
			.issuedAt(issuedAt)
			.lifetime(lifetime);
		spec.claimValues().forEach(request::claim);
		String token = this.generator.issueToken(request.build());
		boolean headerChanges = spec.algorithmValue() != null || defects.contains(TokenDefect.UNKNOWN_KEY_ID);
		boolean claimsChange = defects.contains(TokenDefect.NOT_YET_VALID) || defects.contains(TokenDefect.WRONG_ISSUER)
				|| defects.contains(TokenDefect.WRONG_AUDIENCE);
		boolean hmacWithPublicKey = defects.contains(TokenDefect.HMAC_WITH_PUBLIC_KEY);
		if (hmacWithPublicKey) {
			if (this.keyPair == null) {
				throw new IllegalStateException("hmacWithPublicKey() needs tokens signed with a key pair");
			}
			headerChanges = true;
		}
		if (!headerChanges && !claimsChange && !defects.contains(TokenDefect.WRONG_SIGNATURE)) {
			return token;
		}
		String[] segments = token.split("\\.");
		Map<String, Object> header = readSegment(segments[0]);
		Map<String, Object> claims = readSegment(segments[1]);
		if (spec.algorithmValue() != null) {
			header.put("alg", spec.algorithmValue());
		}
		if (hmacWithPublicKey) {
			header.put("alg", "HS256");
		}
		if (defects.contains(TokenDefect.UNKNOWN_KEY_ID)) {
			header.put("kid", UNKNOWN_KEY_ID);
		}
		if (defects.contains(TokenDefect.NOT_YET_VALID)) {
			long notBefore = this.clock.instant().plus(OUT_OF_SKEW).getEpochSecond();
			claims.put("nbf", notBefore);
			claims.put("exp", notBefore + lifetime.getSeconds());
		}
		if (defects.contains(TokenDefect.WRONG_ISSUER)) {
			claims.put("iss", WRONG_ISSUER);
		}
		if (defects.contains(TokenDefect.WRONG_AUDIENCE)) {
			claims.put("aud", WRONG_AUDIENCE);
		}
		String encodedHeader = headerChanges ? writeSegment(header) : segments[0];
		String encodedClaims = claimsChange ? writeSegment(claims) : segments[1];
		String signingInput = encodedHeader + "." + encodedClaims;
		if (this.keyPair != null && this.keyAlgorithm != null) {
			return signingInput + "." + keySignature(String.valueOf(header.get("alg")), signingInput,
					defects.contains(TokenDefect.WRONG_SIGNATURE));
		}
		byte[] secret = defects.contains(TokenDefect.WRONG_SIGNATURE) ? randomBytes(64) : secretFor(header, claims);
		return signingInput + "." + signature(String.valueOf(header.get("alg")), secret, signingInput);
	}

	/**
	 * The application's secret for the changed token, or random bytes when the application has
	 * none for it (a {@link SecretRing} refuses an unknown {@code kid} and an algorithm its key is
	 * not bound to): the decoder then refuses the token for that reason before any signature check.
	 */
	private byte[] secretFor(Map<String, Object> header, Map<String, Object> claims) {
		byte[] secret;
		try {
			secret = Objects.requireNonNull(this.secretResolver).resolveSecret(Collections.unmodifiableMap(header),
					Collections.unmodifiableMap(claims));
		}
		catch (RuntimeException ex) {
			return randomBytes(64);
		}
		return (secret != null && secret.length > 0) ? secret : randomBytes(64);
	}

	/**
	 * The signature of a token of a key-pair generator: with its private key, or with a new key of
	 * the header's algorithm when that is another algorithm or {@code otherKey}, or HS256 keyed by
	 * the public key's encoded bytes.
	 */
	private String keySignature(String algorithmName, String signingInput, boolean otherKey) {
		KeyPair keyPair = Objects.requireNonNull(this.keyPair);
		if (HmacAlgorithm.fromJwsName(algorithmName) != null) {
			return signature(algorithmName, keyPair.getPublic().getEncoded(), signingInput);
		}
		SignatureAlgorithm algorithm = SignatureAlgorithm.fromJwsName(algorithmName);
		if (algorithm == null) {
			return signature(algorithmName, randomBytes(64), signingInput);
		}
		PrivateKey privateKey = (otherKey || algorithm != this.keyAlgorithm) ? generateKeyPair(algorithm).getPrivate()
				: keyPair.getPrivate();
		try {
			Signature signer = Signature.getInstance(jcaName(algorithm));
			switch (algorithm) {
				case PS256 -> signer.setParameter(pss("SHA-256", MGF1ParameterSpec.SHA256, 32));
				case PS384 -> signer.setParameter(pss("SHA-384", MGF1ParameterSpec.SHA384, 48));
				case PS512 -> signer.setParameter(pss("SHA-512", MGF1ParameterSpec.SHA512, 64));
				default -> {
				}
			}
			signer.initSign(privateKey);
			signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
			return BASE64URL.encodeToString(signer.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK cannot sign with " + algorithm, ex);
		}
	}

	private static PSSParameterSpec pss(String digest, MGF1ParameterSpec mgf, int saltLength) {
		return new PSSParameterSpec(digest, "MGF1", mgf, saltLength, PSSParameterSpec.TRAILER_FIELD_BC);
	}

	private static String jcaName(SignatureAlgorithm algorithm) {
		return switch (algorithm) {
			case RS256 -> "SHA256withRSA";
			case RS384 -> "SHA384withRSA";
			case RS512 -> "SHA512withRSA";
			case PS256, PS384, PS512 -> "RSASSA-PSS";
			case ES256 -> "SHA256withECDSAinP1363Format";
			case ES384 -> "SHA384withECDSAinP1363Format";
			case ES512 -> "SHA512withECDSAinP1363Format";
			case EdDSA -> "Ed25519";
		};
	}

	private static String signature(String algorithm, byte[] secret, String signingInput) {
		if ("none".equals(algorithm)) {
			return "";
		}
		HmacAlgorithm mac = HmacAlgorithm.fromJwsName(algorithm);
		if (mac == null) {
			return BASE64URL.encodeToString(randomBytes(256));
		}
		try {
			Mac hmac = Mac.getInstance(mac.jcaName());
			hmac.init(new SecretKeySpec(secret, mac.jcaName()));
			return BASE64URL.encodeToString(hmac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK cannot compute " + mac.jcaName(), ex);
		}
	}

	private static Map<String, Object> readSegment(String segment) {
		return JSON.readValue(Base64.getUrlDecoder().decode(segment), JSON_OBJECT);
	}

	private static String writeSegment(Map<String, Object> json) {
		return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	@Override
	public String toString() {
		return "JoatTestTokens[issuer=" + this.generator.provider() + "]";
	}

}
