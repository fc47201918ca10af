package dev.joat.benchmarks;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.SignatureAlgorithm;
import dev.joat.TokenParser;
import dev.joat.benchmarks.SetupCheck.SeenClaims;
import dev.joat.spring.security.JoatJwtDecoder;
import io.fusionauth.jwt.InvalidJWTException;
import io.fusionauth.jwt.JWTDecoder;
import io.fusionauth.jwt.ec.ECVerifier;
import io.fusionauth.jwt.rsa.RSAVerifier;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The verifiers {@link VerifyPublicKey} measures beside joat's {@code parseToken} and the JDK floor,
 * over the key pair and token of {@link PublicKeyTokens}: joat behind Spring Security's interface,
 * and the other libraries, each configured once as a resource server with the issuer's cached key
 * (or JWK Set) would configure it, and checked by {@link SetupCheck} before it is measured. Every
 * one checks the signature with the algorithm it was configured for, {@code exp}, {@code iss} and
 * {@code aud}: with the library's own options where it has them, after its decode where it does not
 * (said on the class).
 *
 * <p>A library that cannot verify an algorithm without a dependency this build does not take on has
 * no row for it, through its own {@code @Param} list: Nimbus (and so Spring's
 * {@code NimbusJwtDecoder}) verifies Ed25519 only through Google Tink; auth0 {@code java-jwt} 4.6
 * and fusionauth-jwt 5.3 have no EdDSA at all. Those states run RS256 and ES256 only.
 */
public final class PublicKeyVerifiers {

	private PublicKeyVerifiers() {
	}

	/**
	 * joat behind Spring Security's {@code JwtDecoder}, as the starter builds it in keys mode: a
	 * {@link TokenParser#withKeys(KeySource)} over the issuer's keys (here one snapshot of its JWK
	 * Set, what a {@code JwkSetKeySource} serves between refreshes), with the keys' algorithms,
	 * the issuer, the audience and the system clock, then {@code new JoatJwtDecoder(parser)} with no
	 * application validator, certificate-bound tokens refused, no observation.
	 */
	@State(Scope.Benchmark)
	public static class JoatDecoder {

		@Param({ "RS256", "ES256", "EdDSA" })
		String algorithm;

		JoatJwtDecoder decoder;

		String token;

		@Setup
		public void setup() {
			PublicKeyTokens keys = PublicKeyTokens.of(this.algorithm);
			KeySet keySet = keys.keySet();
			KeySource keySource = keySet;
			TokenParser parser = TokenParser.withKeys(keySource)
				.signatureAlgorithms(keySet.algorithms().stream().sorted().toArray(SignatureAlgorithm[]::new))
				.issuer(BenchmarkTokens.ISSUER)
				.audience(BenchmarkTokens.CLIENT_ID)
				.clock(Clock.systemUTC())
				.build();
			this.decoder = new JoatJwtDecoder(parser);
			this.token = keys.tokens().valid();
			SetupCheck.requireVerifier("joat JoatJwtDecoder (" + this.algorithm + ")", keys.tokens(),
					(token) -> seen(this.decoder.decode(token)));
		}

	}

	/**
	 * What Spring users run today against an issuer's JWK Set, with the set cached:
	 * {@code NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(set))} for the one algorithm, the
	 * default validators plus the issuer and the audience, as Boot configures it when an issuer and
	 * audiences are set. It checks {@code exp} when present but does not require it.
	 */
	@State(Scope.Benchmark)
	public static class SpringNimbusJwtDecoder {

		@Param({ "RS256", "ES256" })
		String algorithm;

		NimbusJwtDecoder decoder;

		String token;

		@Setup
		public void setup() throws JOSEException {
			PublicKeyTokens keys = PublicKeyTokens.of(this.algorithm);
			this.decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(nimbusJwkSet(keys)))
				.jwsAlgorithm(org.springframework.security.oauth2.jose.jws.SignatureAlgorithm.from(this.algorithm))
				.build();
			this.decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(
					new JwtIssuerValidator(BenchmarkTokens.ISSUER), new JwtAudienceValidator(BenchmarkTokens.CLIENT_ID)));
			this.token = keys.tokens().valid();
			SetupCheck.requireVerifier("Spring NimbusJwtDecoder (" + this.algorithm + ")", keys.tokens(),
					(token) -> seen(this.decoder.decode(token)));
		}

	}

	/**
	 * Nimbus JOSE+JWT used directly, as its documentation configures a resource server: a
	 * {@link DefaultJWTProcessor} with a {@link JWSVerificationKeySelector} for the one algorithm over
	 * the cached JWK Set ({@link ImmutableJWKSet}), and a {@link DefaultJWTClaimsVerifier} requiring
	 * the audience, {@code exp} and the issuer.
	 */
	@State(Scope.Benchmark)
	public static class Nimbus {

		@Param({ "RS256", "ES256" })
		String algorithm;

		DefaultJWTProcessor<SecurityContext> processor;

		String token;

		@Setup
		public void setup() throws JOSEException {
			PublicKeyTokens keys = PublicKeyTokens.of(this.algorithm);
			this.processor = new DefaultJWTProcessor<>();
			this.processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(this.algorithm),
					new ImmutableJWKSet<>(nimbusJwkSet(keys))));
			this.processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(BenchmarkTokens.CLIENT_ID,
					new JWTClaimsSet.Builder().issuer(BenchmarkTokens.ISSUER).build(), Set.of("exp")));
			this.token = keys.tokens().valid();
			SetupCheck.requireVerifier("Nimbus JOSE+JWT (" + this.algorithm + ")", keys.tokens(), (token) -> {
				JWTClaimsSet claims = verify(token);
				return new SeenClaims(claims.getSubject(), SeenClaims.onlyAudience(claims.getAudience()),
						claims.getIssuer(), claims.getStringListClaim("scp"), SeenClaims.seconds(claims.getExpirationTime()));
			});
		}

		JWTClaimsSet verify(String token) throws ParseException, BadJOSEException, JOSEException {
			return this.processor.process(token, null);
		}

	}

	/**
	 * jjwt 0.13 with its Jackson 2 JSON support: {@code verifyWith(publicKey)}, the issuer and the
	 * audience required. jjwt takes the algorithm from the token's header and checks that the key
	 * suits it (an RSA key verifies RS256, RS384, RS512, PS256 … alike). It checks {@code exp} when
	 * present but cannot be told to require it.
	 */
	@State(Scope.Benchmark)
	public static class Jjwt {

		@Param({ "RS256", "ES256", "EdDSA" })
		String algorithm;

		JwtParser parser;

		String token;

		@Setup
		public void setup() {
			PublicKeyTokens keys = PublicKeyTokens.of(this.algorithm);
			this.parser = Jwts.parser()
				.verifyWith(keys.keyPair().getPublic())
				.requireIssuer(BenchmarkTokens.ISSUER)
				.requireAudience(BenchmarkTokens.CLIENT_ID)
				.build();
			this.token = keys.tokens().valid();
			SetupCheck.requireVerifier("jjwt (" + this.algorithm + ")", keys.tokens(), (token) -> {
				Claims claims = this.parser.parseSignedClaims(token).getPayload();
				return new SeenClaims(claims.getSubject(), SeenClaims.onlyAudience(claims.getAudience()),
						claims.getIssuer(), stringList(claims.get("scp", List.class)),
						SeenClaims.seconds(claims.getExpiration()));
			});
		}

	}

	/** auth0 {@code java-jwt}: {@code RSA256} or {@code ECDSA256} with the public key, the issuer, the audience, {@code exp} required. */
	@State(Scope.Benchmark)
	public static class Auth0 {

		@Param({ "RS256", "ES256" })
		String algorithm;

		JWTVerifier verifier;

		String token;

		@Setup
		public void setup() {
			PublicKeyTokens keys = PublicKeyTokens.of(this.algorithm);
			PublicKey publicKey = keys.keyPair().getPublic();
			Algorithm algorithm = (publicKey instanceof RSAPublicKey rsa) ? Algorithm.RSA256(rsa)
					: Algorithm.ECDSA256((ECPublicKey) publicKey);
			this.verifier = JWT.require(algorithm)
				.withIssuer(BenchmarkTokens.ISSUER)
				.withAudience(BenchmarkTokens.CLIENT_ID)
				.withClaimPresence("exp")
				.build();
			this.token = keys.tokens().valid();
			SetupCheck.requireVerifier("auth0 java-jwt (" + this.algorithm + ")", keys.tokens(), (token) -> {
				DecodedJWT jwt = this.verifier.verify(token);
				return new SeenClaims(jwt.getSubject(), SeenClaims.onlyAudience(jwt.getAudience()), jwt.getIssuer(),
						jwt.getClaim("scp").asList(String.class), SeenClaims.seconds(jwt.getExpiresAtAsInstant()));
			});
		}

	}

	/** jose4j: the public key, the one algorithm permitted, {@code exp} required, the issuer and the audience. */
	@State(Scope.Benchmark)
	public static class Jose4j {

		@Param({ "RS256", "ES256", "EdDSA" })
		String algorithm;

		JwtConsumer consumer;

		String token;

		@Setup
		public void setup() {
			PublicKeyTokens keys = PublicKeyTokens.of(this.algorithm);
			this.consumer = new JwtConsumerBuilder()
				.setVerificationKey(keys.keyPair().getPublic())
				.setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, this.algorithm)
				.setRequireExpirationTime()
				.setExpectedIssuer(BenchmarkTokens.ISSUER)
				.setExpectedAudience(BenchmarkTokens.CLIENT_ID)
				.build();
			this.token = keys.tokens().valid();
			SetupCheck.requireVerifier("jose4j (" + this.algorithm + ")", keys.tokens(), (token) -> {
				JwtClaims claims = this.consumer.processToClaims(token);
				return new SeenClaims(claims.getSubject(), SeenClaims.onlyAudience(claims.getAudience()),
						claims.getIssuer(), claims.getStringListClaimValue("scp"), claims.getExpirationTime().getValue());
			});
		}

	}

	/**
	 * fusionauth-jwt 5.3: {@code JWT.getDecoder().decode(token, verifier)} with an {@link RSAVerifier}
	 * or {@link ECVerifier} over the public key, Jackson 2 JSON. Its decoder checks the signature and,
	 * when present, {@code exp} and {@code nbf}; it has no option for the rest, so {@link #verify}
	 * checks after the decode, in the measured code, what the other verifiers are configured to
	 * check: the algorithm is the configured one (its verifiers also accept the SHA-384 and SHA-512
	 * variants with the same key), {@code exp} is present, and {@code iss} and {@code aud} are the
	 * expected ones.
	 */
	@State(Scope.Benchmark)
	public static class FusionAuth {

		@Param({ "RS256", "ES256" })
		String algorithm;

		JWTDecoder decoder;

		io.fusionauth.jwt.Verifier verifier;

		io.fusionauth.jwt.domain.Algorithm expectedAlgorithm;

		String token;

		@Setup
		public void setup() {
			PublicKeyTokens keys = PublicKeyTokens.of(this.algorithm);
			PublicKey publicKey = keys.keyPair().getPublic();
			this.decoder = io.fusionauth.jwt.domain.JWT.getDecoder();
			this.verifier = (publicKey instanceof RSAPublicKey) ? RSAVerifier.newVerifier(publicKey)
					: ECVerifier.newVerifier(publicKey);
			this.expectedAlgorithm = io.fusionauth.jwt.domain.Algorithm.valueOf(this.algorithm);
			this.token = keys.tokens().valid();
			SetupCheck.requireVerifier("fusionauth-jwt (" + this.algorithm + ")", keys.tokens(), (token) -> {
				io.fusionauth.jwt.domain.JWT jwt = verify(token);
				return new SeenClaims(jwt.subject, (String) jwt.audience, jwt.issuer, stringList(jwt.getList("scp")),
						jwt.expiration.toEpochSecond());
			});
		}

		io.fusionauth.jwt.domain.JWT verify(String token) {
			io.fusionauth.jwt.domain.JWT jwt = this.decoder.decode(token, this.verifier);
			if (jwt.header.algorithm != this.expectedAlgorithm || jwt.expiration == null
					|| !BenchmarkTokens.ISSUER.equals(jwt.issuer) || !BenchmarkTokens.CLIENT_ID.equals(jwt.audience)) {
				throw new InvalidJWTException("Not a " + this.expectedAlgorithm
						+ " token for this issuer and audience with an expiry");
			}
			return jwt;
		}

	}

	/** What Spring's {@link Jwt} says of the benchmark claims. */
	static SeenClaims seen(Jwt jwt) {
		return new SeenClaims(jwt.getSubject(), SeenClaims.onlyAudience(jwt.getAudience()), jwt.getClaimAsString("iss"),
				jwt.getClaimAsStringList("scp"), SeenClaims.seconds(jwt.getExpiresAt()));
	}

	/**
	 * The issuer's JWK Set as Nimbus holds it, built by Nimbus from the JDK public key: the key with
	 * its {@code kid}, {@code use} {@code sig} and {@code alg}.
	 */
	static JWKSet nimbusJwkSet(PublicKeyTokens keys) throws JOSEException {
		PublicKey publicKey = keys.keyPair().getPublic();
		JWSAlgorithm algorithm = JWSAlgorithm.parse(keys.algorithm().jwsName());
		JWK jwk = switch (keys.algorithm()) {
			case RS256 -> new RSAKey.Builder((RSAPublicKey) publicKey).keyID(PublicKeyTokens.KEY_ID)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(algorithm)
				.build();
			case ES256 -> new ECKey.Builder(Curve.P_256, (ECPublicKey) publicKey).keyID(PublicKeyTokens.KEY_ID)
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(algorithm)
				.build();
			default -> throw new JOSEException("Nimbus verifies " + keys.algorithm()
					+ " only through Google Tink, which this build does not take on");
		};
		return new JWKSet(jwk);
	}

	@SuppressWarnings("unchecked")
	private static List<String> stringList(List<?> list) {
		return (List<String>) list;
	}

}
