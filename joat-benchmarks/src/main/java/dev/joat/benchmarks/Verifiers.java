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
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The raw-HMAC floor and the other libraries' verifiers that {@link Verify} and {@link Scaling}
 * measure (joat's are in {@link JoatVerifiers}), each configured once as a resource server would
 * configure it and checked by {@link SetupCheck} before it is measured. Every one checks the HS256
 * signature, {@code exp} and {@code iss}.
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
	 * the default validators plus the issuer, as Boot configures it when an issuer is set. It
	 * checks {@code exp} when present but does not require it.
	 */
	@State(Scope.Benchmark)
	public static class SpringNimbusJwtDecoder {

		NimbusJwtDecoder decoder;

		String token;

		@Setup
		public void setup() {
			this.decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(BenchmarkTokens.SECRET, "HmacSHA256")).build();
			this.decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(BenchmarkTokens.ISSUER));
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
	 * a {@link MACVerifier}, then a {@link DefaultJWTClaimsVerifier} requiring {@code exp} and the issuer.
	 */
	@State(Scope.Benchmark)
	public static class Nimbus {

		MACVerifier verifier;

		DefaultJWTClaimsVerifier<SecurityContext> claimsVerifier;

		String token;

		@Setup
		public void setup() throws JOSEException {
			this.verifier = new MACVerifier(BenchmarkTokens.SECRET);
			this.claimsVerifier = new DefaultJWTClaimsVerifier<>(
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

	/** auth0 {@code java-jwt}: HMAC256, the issuer, and {@code exp} required. */
	@State(Scope.Benchmark)
	public static class Auth0 {

		JWTVerifier verifier;

		String token;

		@Setup
		public void setup() {
			this.verifier = JWT.require(Algorithm.HMAC256(BenchmarkTokens.SECRET))
				.withIssuer(BenchmarkTokens.ISSUER)
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
	 * jose4j: HS256 only, {@code exp} required, the issuer; its default audience check is skipped,
	 * as joat does not check {@code aud} unless told to.
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
				.setSkipDefaultAudienceValidation()
				.build();
			this.token = BenchmarkTokens.FIXED.valid();
			SetupCheck.requireVerifier("jose4j", BenchmarkTokens.FIXED, (token) -> {
				JwtClaims claims = this.consumer.processToClaims(token);
				return new SeenClaims(claims.getSubject(), SeenClaims.onlyAudience(claims.getAudience()),
						claims.getIssuer(), claims.getStringListClaimValue("scp"), claims.getExpirationTime().getValue());
			});
		}

	}

}
