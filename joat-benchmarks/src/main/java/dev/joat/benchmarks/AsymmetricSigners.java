package dev.joat.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import io.fusionauth.jwt.JWTEncoder;
import io.fusionauth.jwt.ec.ECSigner;
import io.fusionauth.jwt.rsa.RSASigner;
import io.jsonwebtoken.Jwts;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The signers {@link SignAsymmetric} measures, over one key pair per algorithm ({@link Keys}), each
 * built once and checked in its setup ({@link #requireToken}): its token's signature must verify
 * with the JDK and the public key, and its payload must hold the benchmark claims. Each signs a
 * fresh claims set per call, built with the library's own API, with the fixed {@code iat} and
 * {@code exp} of {@link BenchmarkTokens}, and writes a {@code kid}, as an issuer with a JWK Set does.
 */
public final class AsymmetricSigners {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AsymmetricSigners() {
	}

	/** One key pair of the algorithm under test, shared by every signer of the run. */
	@State(Scope.Benchmark)
	public static class Keys {

		@Param({ "ES256", "EdDSA", "RS256" })
		String algorithm;

		SignatureAlgorithm signatureAlgorithm;

		KeyPair pair;

		String keyId;

		@Setup
		public void setup() throws GeneralSecurityException {
			this.signatureAlgorithm = SignatureAlgorithm.valueOf(this.algorithm);
			this.pair = generate(this.signatureAlgorithm);
			this.keyId = "bench-" + this.algorithm;
		}

	}

	/**
	 * The floor: one {@link Signature} initialised with the private key once, over the ASCII bytes
	 * of joat's {@code header.payload} for the same key.
	 */
	@State(Scope.Thread)
	public static class JdkSignature {

		Signature signature;

		byte[] signingInput;

		@Setup
		public void setup(Keys keys) throws GeneralSecurityException {
			this.signature = Signature.getInstance(jcaName(keys.signatureAlgorithm));
			this.signature.initSign(keys.pair.getPrivate());
			String token = new Joat().generator(keys).issueToken(request());
			this.signingInput = token.substring(0, token.lastIndexOf('.')).getBytes(StandardCharsets.US_ASCII);
			byte[] signature = sign();
			requireToken("JDK Signature", keys, token.substring(0, token.lastIndexOf('.')) + '.'
					+ Base64.getUrlEncoder().withoutPadding().encodeToString(signature));
		}

		byte[] sign() throws GeneralSecurityException {
			this.signature.update(this.signingInput);
			return this.signature.sign();
		}

	}

	/** joat's {@link TokenGenerator} with a {@link SigningKey}, given a {@link TokenRequest} built per call. */
	@State(Scope.Benchmark)
	public static class Joat {

		TokenGenerator generator;

		@Setup
		public void setup(Keys keys) {
			this.generator = generator(keys);
			requireToken("joat TokenGenerator", keys, sign());
		}

		TokenGenerator generator(Keys keys) {
			return TokenGenerator.builder(BenchmarkTokens.ISSUER,
					SigningKey.of(keys.signatureAlgorithm, keys.pair).withKeyId(keys.keyId))
				.clock(Clock.fixed(Instant.ofEpochSecond(BenchmarkTokens.ISSUED_AT), ZoneOffset.UTC))
				.lifetime(Duration.ofSeconds(BenchmarkTokens.EXPIRES_AT - BenchmarkTokens.ISSUED_AT))
				.build();
		}

		String sign() {
			return this.generator.issueToken(request());
		}

	}

	/**
	 * Nimbus JOSE+JWT used directly: its signer for the key and a {@link SignedJWT}. Nimbus signs
	 * Ed25519 only through Google Tink, a library this build does not take on, so this state has its
	 * own algorithms (ES256, RS256) and key pair.
	 */
	@State(Scope.Benchmark)
	public static class Nimbus {

		@Param({ "ES256", "RS256" })
		String nimbusAlgorithm;

		JWSSigner signer;

		JWSHeader header;

		Date issuedAt;

		Date expiresAt;

		@Setup
		public void setup() throws GeneralSecurityException, JOSEException {
			Keys keys = new Keys();
			keys.algorithm = this.nimbusAlgorithm;
			keys.setup();
			PrivateKey privateKey = keys.pair.getPrivate();
			this.signer = (keys.signatureAlgorithm == SignatureAlgorithm.ES256)
					? new ECDSASigner((ECPrivateKey) privateKey) : new RSASSASigner(privateKey);
			this.header = new JWSHeader.Builder(JWSAlgorithm.parse(keys.algorithm)).type(JOSEObjectType.JWT)
				.keyID(keys.keyId)
				.build();
			this.issuedAt = new Date(BenchmarkTokens.ISSUED_AT * 1000);
			this.expiresAt = new Date(BenchmarkTokens.EXPIRES_AT * 1000);
			requireToken("Nimbus JOSE+JWT", keys, sign());
		}

		String sign() throws JOSEException {
			JWTClaimsSet claims = new JWTClaimsSet.Builder()
				.audience(BenchmarkTokens.CLIENT_ID)
				.issuer(BenchmarkTokens.ISSUER)
				.expirationTime(this.expiresAt)
				.issueTime(this.issuedAt)
				.claim("scp", BenchmarkTokens.SCOPE)
				.subject(BenchmarkTokens.USER_ID)
				.build();
			SignedJWT jwt = new SignedJWT(this.header, claims);
			jwt.sign(this.signer);
			return jwt.serialize();
		}

	}

	/** jjwt 0.13 with its Jackson 2 JSON support, {@code signWith(privateKey, Jwts.SIG.…)}. */
	@State(Scope.Benchmark)
	public static class Jjwt {

		PrivateKey key;

		io.jsonwebtoken.security.SignatureAlgorithm algorithm;

		String keyId;

		Date issuedAt;

		Date expiresAt;

		@Setup
		public void setup(Keys keys) {
			this.key = keys.pair.getPrivate();
			this.algorithm = switch (keys.signatureAlgorithm) {
				case ES256 -> Jwts.SIG.ES256;
				case RS256 -> Jwts.SIG.RS256;
				default -> Jwts.SIG.EdDSA;
			};
			this.keyId = keys.keyId;
			this.issuedAt = new Date(BenchmarkTokens.ISSUED_AT * 1000);
			this.expiresAt = new Date(BenchmarkTokens.EXPIRES_AT * 1000);
			requireToken("jjwt", keys, sign());
		}

		String sign() {
			return Jwts.builder()
				.header().type("JWT").keyId(this.keyId).and()
				.claim("aud", BenchmarkTokens.CLIENT_ID)
				.issuer(BenchmarkTokens.ISSUER)
				.expiration(this.expiresAt)
				.issuedAt(this.issuedAt)
				.claim("scp", BenchmarkTokens.SCOPE)
				.subject(BenchmarkTokens.USER_ID)
				.signWith(this.key, this.algorithm)
				.compact();
		}

	}

	/**
	 * fusionauth-jwt 5.3: {@code ECSigner} or {@code RSASigner} with a {@code kid}. It has no EdDSA
	 * signer, so this state has its own algorithms and key pair.
	 */
	@State(Scope.Benchmark)
	public static class FusionAuth {

		@Param({ "ES256", "RS256" })
		String fusionAuthAlgorithm;

		JWTEncoder encoder;

		io.fusionauth.jwt.Signer signer;

		ZonedDateTime issuedAt;

		ZonedDateTime expiresAt;

		@Setup
		public void setup() throws GeneralSecurityException {
			Keys keys = new Keys();
			keys.algorithm = this.fusionAuthAlgorithm;
			keys.setup();
			this.encoder = io.fusionauth.jwt.domain.JWT.getEncoder();
			this.signer = (keys.signatureAlgorithm == SignatureAlgorithm.ES256)
					? ECSigner.newSHA256Signer(keys.pair.getPrivate(), keys.keyId)
					: RSASigner.newSHA256Signer(keys.pair.getPrivate(), keys.keyId);
			this.issuedAt = ZonedDateTime.ofInstant(Instant.ofEpochSecond(BenchmarkTokens.ISSUED_AT), ZoneOffset.UTC);
			this.expiresAt = ZonedDateTime.ofInstant(Instant.ofEpochSecond(BenchmarkTokens.EXPIRES_AT), ZoneOffset.UTC);
			requireToken("fusionauth-jwt", keys, sign());
		}

		String sign() {
			io.fusionauth.jwt.domain.JWT jwt = new io.fusionauth.jwt.domain.JWT()
				.setAudience(BenchmarkTokens.CLIENT_ID)
				.setIssuer(BenchmarkTokens.ISSUER)
				.setExpiration(this.expiresAt)
				.setIssuedAt(this.issuedAt)
				.addClaim("scp", BenchmarkTokens.SCOPE)
				.setSubject(BenchmarkTokens.USER_ID);
			return this.encoder.encode(jwt, this.signer);
		}

	}

	static TokenRequest request() {
		return TokenRequest.builder(BenchmarkTokens.CLIENT_ID, BenchmarkTokens.SCOPE).userId(BenchmarkTokens.USER_ID).build();
	}

	static KeyPair generate(SignatureAlgorithm algorithm) throws GeneralSecurityException {
		KeyPairGenerator generator;
		switch (algorithm) {
			case ES256 -> {
				generator = KeyPairGenerator.getInstance("EC");
				generator.initialize(new ECGenParameterSpec("secp256r1"));
			}
			case RS256 -> {
				generator = KeyPairGenerator.getInstance("RSA");
				generator.initialize(2048);
			}
			case EdDSA -> generator = KeyPairGenerator.getInstance("Ed25519");
			default -> throw new IllegalArgumentException("Not benchmarked: " + algorithm);
		}
		return generator.generateKeyPair();
	}

	/** The JDK's name of the algorithm, ECDSA as the raw {@code r || s} of JWS. */
	static String jcaName(SignatureAlgorithm algorithm) {
		return switch (algorithm) {
			case ES256 -> "SHA256withECDSAinP1363Format";
			case RS256 -> "SHA256withRSA";
			case EdDSA -> "Ed25519";
			default -> throw new IllegalArgumentException("Not benchmarked: " + algorithm);
		};
	}

	/**
	 * Fails the setup unless {@code token} has the algorithm and key id in its header, the
	 * benchmark claims in its payload, and a signature the JDK verifies with the public key.
	 */
	static void requireToken(String signer, Keys keys, String token) {
		String[] parts = token.split("\\.");
		JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
		JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
		JsonNode audience = payload.path("aud");
		String aud = audience.isArray() && audience.size() == 1 ? audience.get(0).asString() : audience.asString();
		boolean claims = header.path("alg").asString().equals(keys.algorithm)
				&& header.path("kid").asString().equals(keys.keyId) && aud.equals(BenchmarkTokens.CLIENT_ID)
				&& payload.path("iss").asString().equals(BenchmarkTokens.ISSUER)
				&& payload.path("sub").asString().equals(BenchmarkTokens.USER_ID)
				&& payload.path("exp").asLong() == BenchmarkTokens.EXPIRES_AT
				&& payload.path("scp").size() == BenchmarkTokens.SCOPE.size();
		if (!claims) {
			throw new IllegalStateException(signer + " wrote " + header + "." + payload);
		}
		try {
			Signature verifier = Signature.getInstance(jcaName(keys.signatureAlgorithm));
			verifier.initVerify(keys.pair.getPublic());
			verifier.update((parts[0] + '.' + parts[1]).getBytes(StandardCharsets.US_ASCII));
			if (!verifier.verify(Base64.getUrlDecoder().decode(parts[2]))) {
				throw new IllegalStateException(signer + "'s " + keys.algorithm + " signature does not verify");
			}
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(signer + "'s " + keys.algorithm + " signature does not verify", ex);
		}
	}

}
