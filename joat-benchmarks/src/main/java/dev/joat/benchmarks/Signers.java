package dev.joat.benchmarks;

import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import io.fusionauth.jwt.JWTEncoder;
import io.fusionauth.jwt.hmac.HMACSigner;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The signers {@link Sign} measures, each built once and checked by {@link SetupCheck}: its token
 * must pass joat's parser with the benchmark claims. Each signs a fresh claims set per call, built
 * with the library's own API, with the fixed {@code iat} and {@code exp} of {@link BenchmarkTokens}
 * (joat's generator gets a fixed clock), so no library pays for reading the clock.
 */
public final class Signers {

	private Signers() {
	}

	/** The floor: one pre-keyed {@link Mac} over the ASCII bytes of {@code header.payload}. */
	@State(Scope.Thread)
	public static class RawHmac {

		Mac mac;

		byte[] signingInput;

		@Setup
		public void setup() throws GeneralSecurityException {
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(BenchmarkTokens.SECRET, "HmacSHA256"));
			this.signingInput = BenchmarkTokens.signingInputBytes(BenchmarkTokens.FIXED.valid());
			byte[] expected = BenchmarkTokens.signatureBytes(BenchmarkTokens.FIXED.valid());
			if (!Arrays.equals(sign(), expected)) {
				throw new IllegalStateException("The raw HMAC sign floor does not reproduce the benchmark signature");
			}
		}

		byte[] sign() {
			this.mac.update(this.signingInput);
			return this.mac.doFinal();
		}

	}

	/** joat's {@link TokenGenerator}, given a {@link TokenRequest} built per call as a server would. */
	@State(Scope.Benchmark)
	public static class Joat {

		TokenGenerator generator;

		@Setup
		public void setup() {
			this.generator = TokenGenerator.builder(BenchmarkTokens.ISSUER, SecretResolver.of(BenchmarkTokens.SECRET))
				.clock(Clock.fixed(Instant.ofEpochSecond(BenchmarkTokens.ISSUED_AT), ZoneOffset.UTC))
				.lifetime(Duration.ofSeconds(BenchmarkTokens.EXPIRES_AT - BenchmarkTokens.ISSUED_AT))
				.build();
			SetupCheck.requireSigner("joat TokenGenerator", this::sign);
		}

		String sign() {
			return this.generator.issueToken(TokenRequest.builder(BenchmarkTokens.CLIENT_ID, BenchmarkTokens.SCOPE)
				.userId(BenchmarkTokens.USER_ID)
				.build());
		}

	}

	/** Spring Security's {@code NimbusJwtEncoder.withSecretKey(…).build()}, HS256. */
	@State(Scope.Benchmark)
	public static class SpringNimbusJwtEncoder {

		NimbusJwtEncoder encoder;

		JwsHeader header;

		Instant issuedAt;

		Instant expiresAt;

		@Setup
		public void setup() {
			this.encoder = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(BenchmarkTokens.SECRET, "HmacSHA256")).build();
			this.header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
			this.issuedAt = Instant.ofEpochSecond(BenchmarkTokens.ISSUED_AT);
			this.expiresAt = Instant.ofEpochSecond(BenchmarkTokens.EXPIRES_AT);
			SetupCheck.requireSigner("Spring NimbusJwtEncoder", this::sign);
		}

		String sign() {
			JwtClaimsSet claims = JwtClaimsSet.builder()
				.audience(List.of(BenchmarkTokens.CLIENT_ID))
				.issuer(BenchmarkTokens.ISSUER)
				.expiresAt(this.expiresAt)
				.issuedAt(this.issuedAt)
				.claim("scp", BenchmarkTokens.SCOPE)
				.subject(BenchmarkTokens.USER_ID)
				.build();
			return this.encoder.encode(JwtEncoderParameters.from(this.header, claims)).getTokenValue();
		}

	}

	/** Nimbus JOSE+JWT used directly: a {@link MACSigner} and a {@link SignedJWT}. */
	@State(Scope.Benchmark)
	public static class Nimbus {

		MACSigner signer;

		JWSHeader header;

		Date issuedAt;

		Date expiresAt;

		@Setup
		public void setup() throws JOSEException {
			this.signer = new MACSigner(BenchmarkTokens.SECRET);
			this.header = new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build();
			this.issuedAt = new Date(BenchmarkTokens.ISSUED_AT * 1000);
			this.expiresAt = new Date(BenchmarkTokens.EXPIRES_AT * 1000);
			SetupCheck.requireSigner("Nimbus JOSE+JWT", this::sign);
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

	/**
	 * jjwt 0.13 with its Jackson 2 JSON support. {@code aud} is set as a plain claim: jjwt's
	 * {@code audience().add(…)} writes an array, and its single-string form is deprecated, while a
	 * PyJOAT token names its one client as a string.
	 */
	@State(Scope.Benchmark)
	public static class Jjwt {

		SecretKey key;

		Date issuedAt;

		Date expiresAt;

		@Setup
		public void setup() {
			this.key = Keys.hmacShaKeyFor(BenchmarkTokens.SECRET);
			this.issuedAt = new Date(BenchmarkTokens.ISSUED_AT * 1000);
			this.expiresAt = new Date(BenchmarkTokens.EXPIRES_AT * 1000);
			SetupCheck.requireSigner("jjwt", this::sign);
		}

		String sign() {
			return Jwts.builder()
				.header().type("JWT").and()
				.claim("aud", BenchmarkTokens.CLIENT_ID)
				.issuer(BenchmarkTokens.ISSUER)
				.expiration(this.expiresAt)
				.issuedAt(this.issuedAt)
				.claim("scp", BenchmarkTokens.SCOPE)
				.subject(BenchmarkTokens.USER_ID)
				.signWith(this.key, Jwts.SIG.HS256)
				.compact();
		}

	}

	/** auth0 {@code java-jwt}: {@code JWT.create()} and {@code Algorithm.HMAC256}. */
	@State(Scope.Benchmark)
	public static class Auth0 {

		Algorithm algorithm;

		Instant issuedAt;

		Instant expiresAt;

		@Setup
		public void setup() {
			this.algorithm = Algorithm.HMAC256(BenchmarkTokens.SECRET);
			this.issuedAt = Instant.ofEpochSecond(BenchmarkTokens.ISSUED_AT);
			this.expiresAt = Instant.ofEpochSecond(BenchmarkTokens.EXPIRES_AT);
			SetupCheck.requireSigner("auth0 java-jwt", this::sign);
		}

		String sign() {
			return JWT.create()
				.withHeader(Map.of("typ", "JWT"))
				.withAudience(BenchmarkTokens.CLIENT_ID)
				.withIssuer(BenchmarkTokens.ISSUER)
				.withExpiresAt(this.expiresAt)
				.withIssuedAt(this.issuedAt)
				.withClaim("scp", BenchmarkTokens.SCOPE)
				.withSubject(BenchmarkTokens.USER_ID)
				.sign(this.algorithm);
		}

	}

	/** jose4j: {@link JwtClaims} serialised into a {@link JsonWebSignature}. */
	@State(Scope.Benchmark)
	public static class Jose4j {

		HmacKey key;

		@Setup
		public void setup() {
			this.key = new HmacKey(BenchmarkTokens.SECRET);
			SetupCheck.requireSigner("jose4j", this::sign);
		}

		String sign() throws JoseException {
			JwtClaims claims = new JwtClaims();
			claims.setAudience(BenchmarkTokens.CLIENT_ID);
			claims.setIssuer(BenchmarkTokens.ISSUER);
			claims.setExpirationTime(NumericDate.fromSeconds(BenchmarkTokens.EXPIRES_AT));
			claims.setIssuedAt(NumericDate.fromSeconds(BenchmarkTokens.ISSUED_AT));
			claims.setStringListClaim("scp", BenchmarkTokens.SCOPE);
			claims.setSubject(BenchmarkTokens.USER_ID);
			JsonWebSignature jws = new JsonWebSignature();
			jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
			jws.setHeader("typ", "JWT");
			jws.setPayload(claims.toJson());
			jws.setKey(this.key);
			return jws.getCompactSerialization();
		}

	}

	/**
	 * fusionauth-jwt 5.3: an {@link io.fusionauth.jwt.domain.JWT} built per call, {@code JWT.getEncoder().encode(jwt,
	 * HMACSigner.newSHA256Signer(secret))}, Jackson 2 JSON. It writes the header
	 * {@code {"alg":"HS256","typ":"JWT"}} by default.
	 */
	@State(Scope.Benchmark)
	public static class FusionAuth {

		JWTEncoder encoder;

		HMACSigner signer;

		ZonedDateTime issuedAt;

		ZonedDateTime expiresAt;

		@Setup
		public void setup() {
			this.encoder = io.fusionauth.jwt.domain.JWT.getEncoder();
			this.signer = HMACSigner.newSHA256Signer(BenchmarkTokens.SECRET);
			this.issuedAt = ZonedDateTime.ofInstant(Instant.ofEpochSecond(BenchmarkTokens.ISSUED_AT), ZoneOffset.UTC);
			this.expiresAt = ZonedDateTime.ofInstant(Instant.ofEpochSecond(BenchmarkTokens.EXPIRES_AT), ZoneOffset.UTC);
			SetupCheck.requireSigner("fusionauth-jwt", this::sign);
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

}
