package dev.joat.benchmarks;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import dev.joat.benchmarks.SetupCheck.SeenClaims;
import io.fusionauth.jwt.InvalidJWTException;
import io.fusionauth.jwt.JWTDecoder;
import io.fusionauth.jwt.hmac.HMACVerifier;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The raw-HMAC floor and the other libraries' verifiers that {@link Verify} and {@link Scaling}
 * measure (joat's are in {@link JoatVerifiers}), each configured once as a resource server would
 * configure it and checked by {@link SetupCheck} before it is measured. Every one checks the HS256
 * signature, {@code exp}, {@code iss} and {@code aud} (the client the token was issued to): with
 * the library's own options where it has them, after its decode where it does not (said on the
 * class).
 */
public final class Verifiers {

	private Verifiers() {
	}

	/**
	 * The floor: one pre-keyed {@link Mac} over the ASCII bytes of {@code header.payload}, compared
	 * in constant time with the signature, both taken from the token beforehand. A {@code Mac} is
	 * not thread-safe, hence one per thread.
	 */
	@State(Scope.Thread)
	public static class RawHmac {

		Mac mac;

		byte[] signingInput;

		byte[] signature;

		@Setup
		public void setup() throws GeneralSecurityException {
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(BenchmarkTokens.SECRET, "HmacSHA256"));
			this.signingInput = BenchmarkTokens.signingInputBytes(BenchmarkTokens.FIXED.valid());
			this.signature = BenchmarkTokens.signatureBytes(BenchmarkTokens.FIXED.valid());
			byte[] tampered = BenchmarkTokens.signingInputBytes(BenchmarkTokens.FIXED.tamperedPayload());
			if (!verify(this.signingInput, this.signature) || verify(tampered, this.signature)) {
				throw new IllegalStateException("The raw HMAC floor does not verify the benchmark token");
			}
		}

		boolean verify(byte[] signingInput, byte[] signature) {
			this.mac.update(signingInput);
			return MessageDigest.isEqual(this.mac.doFinal(), signature);
		}

	}

	/**
	 * What Spring users run today: {@code NimbusJwtDecoder.withSecretKey(…).build()} (HS256), with
	 * the default validators plus the issuer and the audience, as Boot configures it when an issuer
	 * and audiences are set. It checks {@code exp} when present but does not require it.
	 */
	@State(Scope.Benchmark)
	public static class SpringNimbusJwtDecoder {

		NimbusJwtDecoder decoder;

		String token;

		@Setup
		public void setup() {
			this.decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(BenchmarkTokens.SECRET, "HmacSHA256")).build();
			this.decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
					new JwtIssuerValidator(BenchmarkTokens.ISSUER), new JwtAudienceValidator(BenchmarkTokens.CLIENT_ID)));
			this.token = BenchmarkTokens.FIXED.valid();
			SetupCheck.requireVerifier("Spring NimbusJwtDecoder", BenchmarkTokens.FIXED, (token) -> {
				Jwt jwt = this.decoder.decode(token);
				return new SeenClaims(jwt.getSubject(), SeenClaims.onlyAudience(jwt.getAudience()),
						jwt.getClaimAsString("iss"), jwt.getClaimAsStringList("scp"), SeenClaims.seconds(jwt.getExpiresAt()));
			});
		}

	}

	/**
	 * Nimbus JOSE+JWT used directly: {@link SignedJWT#parse}, the {@code alg} compared with HS256,
	 * a {@link MACVerifier}, then a {@link DefaultJWTClaimsVerifier} requiring the audience, {@code exp}
	 * and the issuer.
	 */
	@State(Scope.Benchmark)
	public static class Nimbus {

		MACVerifier verifier;

		DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;

		String token;

		@Setup
		public void setup() throws JOSEException {
			this.verifier = new MACVerifier(BenchmarkTokens.SECRET);
			this.claimsVerifier = new DefaultJWTClaimsVerifier<>(BenchmarkTokens.CLIENT_ID,
					new JWTClaimsSet.Builder().issuer(BenchmarkTokens.ISSUER).build(), Set.of("exp"));
			this.token = BenchmarkTokens.FIXED.valid();
			SetupCheck.requireVerifier("Nimbus JOSE+JWT", BenchmarkTokens.FIXED, (token) -> {
				JWTClaimsSet claims = verify(token);
				return new SeenClaims(claims.getSubject(), SeenClaims.onlyAudience(claims.getAudience()),
						claims.getIssuer(), claims.getStringListClaim("scp"), SeenClaims.seconds(claims.getExpirationTime()));
			});
		}

		JWTClaimsSet verify(String token) throws ParseException, JOSEException, BadJOSEException {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(this.verifier)) {
				throw new BadJWSException("Bad signature");
			}
			JWTClaimsSet claims = jwt.getJWTClaimsSet();
			this.claimsVerifier.verify(claims, null);
			return claims;
		}

	}

	/**
	 * jjwt 0.13 with its Jackson 2 JSON support. It checks {@code exp} when present but cannot be
	 * told to require it.
	 */
	@State(Scope.Benchmark)
	public static class Jjwt {

		JwtParser parser;

		String token;

		@Setup
		public void setup() {
			this.parser = Jwts.parser()
				.verifyWith(Keys.hmacShaKeyFor(BenchmarkTokens.SECRET))
				.requireIssuer(BenchmarkTokens.ISSUER)
				.requireAudience(BenchmarkTokens.CLIENT_ID)
				.build();
			this.token = BenchmarkTokens.FIXED.valid();
			SetupCheck.requireVerifier("jjwt", BenchmarkTokens.FIXED, (token) -> {
				Claims claims = this.parser.parseSignedClaims(token).getPayload();
				return new SeenClaims(claims.getSubject(), SeenClaims.onlyAudience(claims.getAudience()),
						claims.getIssuer(), stringList(claims.get("scp", List.class)),
						SeenClaims.seconds(claims.getExpiration()));
			});
		}

		@SuppressWarnings("unchecked")
		private static List<String> stringList(List<?> list) {
			return (List<String>) list;
		}

	}

	/** auth0 {@code java-jwt}: HMAC256, the issuer, the audience, and {@code exp} required. */
	@State(Scope.Benchmark)
	public static class Auth0 {

		JWTVerifier verifier;

		String token;

		@Setup
		public void setup() {
			this.verifier = JWT.require(Algorithm.HMAC256(BenchmarkTokens.SECRET))
				.withIssuer(BenchmarkTokens.ISSUER)
				.withAudience(BenchmarkTokens.CLIENT_ID)
				.withClaimPresence("exp")
				.build();
			this.token = BenchmarkTokens.FIXED.valid();
			SetupCheck.requireVerifier("auth0 java-jwt", BenchmarkTokens.FIXED, (token) -> {
				DecodedJWT jwt = this.verifier.verify(token);
				return new SeenClaims(jwt.getSubject(), SeenClaims.onlyAudience(jwt.getAudience()), jwt.getIssuer(),
						jwt.getClaim("scp").asList(String.class), SeenClaims.seconds(jwt.getExpiresAtAsInstant()));
			});
		}

	}

	/**
	 * jose4j: HS256 only, {@code exp} required, the issuer and the audience.
	 */
	@State(Scope.Benchmark)
	public static class Jose4j {

		JwtConsumer consumer;

		String token;

		@Setup
		public void setup() {
			this.consumer = new JwtConsumerBuilder()
				.setVerificationKey(new HmacKey(BenchmarkTokens.SECRET))
				.setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
				.setRequireExpirationTime()
				.setExpectedIssuer(BenchmarkTokens.ISSUER)
				.setExpectedAudience(BenchmarkTokens.CLIENT_ID)
				.build();
			this.token = BenchmarkTokens.FIXED.valid();
			SetupCheck.requireVerifier("jose4j", BenchmarkTokens.FIXED, (token) -> {
				JwtClaims claims = this.consumer.processToClaims(token);
				return new SeenClaims(claims.getSubject(), SeenClaims.onlyAudience(claims.getAudience()),
						claims.getIssuer(), claims.getStringListClaimValue("scp"), claims.getExpirationTime().getValue());
			});
		}

	}

	/**
	 * fusionauth-jwt 5.3: {@code JWT.getDecoder().decode(token, HMACVerifier.newVerifier(secret))},
	 * Jackson 2 JSON. Its decoder checks the signature and, when present, {@code exp} and
	 * {@code nbf}; it has no option for the rest, so {@link #verify} checks after the decode, in
	 * the measured code, what the other verifiers are configured to check: the algorithm is HS256
	 * (its HMAC verifier also accepts HS384 and HS512 with the same key), {@code exp} is present,
	 * and {@code iss} and {@code aud} are the expected ones.
	 */
	@State(Scope.Benchmark)
	public static class FusionAuth {

		JWTDecoder decoder;

		HMACVerifier verifier;

		String token;

		@Setup
		public void setup() {
			this.decoder = io.fusionauth.jwt.domain.JWT.getDecoder();
			this.verifier = HMACVerifier.newVerifier(BenchmarkTokens.SECRET);
			this.token = BenchmarkTokens.FIXED.valid();
			SetupCheck.requireVerifier("fusionauth-jwt", BenchmarkTokens.FIXED, (token) -> {
				io.fusionauth.jwt.domain.JWT jwt = verify(token);
				return new SeenClaims(jwt.subject, (String) jwt.audience, jwt.issuer, stringList(jwt.getList("scp")),
						jwt.expiration.toEpochSecond());
			});
		}

		io.fusionauth.jwt.domain.JWT verify(String token) {
			io.fusionauth.jwt.domain.JWT jwt = this.decoder.decode(token, this.verifier);
			if (jwt.header.algorithm != io.fusionauth.jwt.domain.Algorithm.HS256 || jwt.expiration == null
					|| !BenchmarkTokens.ISSUER.equals(jwt.issuer) || !BenchmarkTokens.CLIENT_ID.equals(jwt.audience)) {
				throw new InvalidJWTException("Not an HS256 token for this issuer and audience with an expiry");
			}
			return jwt;
		}

		@SuppressWarnings("unchecked")
		private static List<String> stringList(List<?> list) {
			return (List<String>) list;
		}

	}

}
