package dev.joat.interop;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.jsonwebtoken.Jwts;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * The other JOSE implementations, each configured as close to joat's defaults as it allows: one
 * HS256 secret, the issuer required. Each answers the claims it read, or throws.
 */
final class OtherLibraries {

	/** A library's verifier: the claims it reads from a token it accepts, as plain Java values. */
	interface Verifier {

		Map<String, Object> verify(String token) throws Exception;

	}

	private OtherLibraries() {
	}

	static Map<String, Verifier> verifiers(byte[] secret, String issuer) {
		return verifiers(secret, issuer, "HS256");
	}

	/** The verifiers for one HMAC algorithm, {@code HS256}, {@code HS384} or {@code HS512}. */
	static Map<String, Verifier> verifiers(byte[] secret, String issuer, String algorithm) {
		Map<String, Verifier> verifiers = new LinkedHashMap<>();
		verifiers.put("spring-nimbus", springNimbus(secret, issuer, algorithm));
		verifiers.put("nimbus", nimbus(secret, issuer, algorithm));
		verifiers.put("jjwt", jjwt(secret, issuer, algorithm));
		verifiers.put("auth0", auth0(secret, issuer, algorithm));
		return verifiers;
	}

	private static String jca(String algorithm) {
		return "HmacSHA" + algorithm.substring(2);
	}

	/** Spring Security's {@code NimbusJwtDecoder.withSecretKey}, with the issuer validator. */
	static Verifier springNimbus(byte[] secret, String issuer, String algorithm) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, jca(algorithm)))
			.macAlgorithm(MacAlgorithm.from(algorithm))
			.build();
		decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(issuer));
		return (token) -> {
			Map<String, Object> claims = new LinkedHashMap<>(decoder.decode(token).getClaims());
			claims.replaceAll((name, value) -> (value instanceof Instant instant) ? instant.getEpochSecond() : value);
			claims.computeIfPresent("aud", (name, value) -> (value instanceof List<?> list && list.size() == 1) ? list.get(0) : value);
			claims.computeIfPresent("iss", (name, value) -> value.toString());
			return claims;
		};
	}

	/** Nimbus JOSE+JWT directly: a processor for HS256 with that secret, requiring iss and exp. */
	static Verifier nimbus(byte[] secret, String issuer, String algorithm) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.parse(algorithm), new ImmutableSecret<>(secret)));
		processor.setJWTClaimsSetVerifier(
				new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp")));
		return (token) -> {
			Map<String, Object> claims = new LinkedHashMap<>(processor.process(token, null).getClaims());
			claims.replaceAll((name, value) -> (value instanceof Date date) ? date.getTime() / 1000 : value);
			claims.computeIfPresent("aud", (name, value) -> (value instanceof List<?> list && list.size() == 1) ? list.get(0) : value);
			return claims;
		};
	}

	/** jjwt: {@code Jwts.parser().verifyWith(key).requireIssuer(issuer)}. */
	static Verifier jjwt(byte[] secret, String issuer, String algorithm) {
		SecretKey key = new SecretKeySpec(secret, jca(algorithm));
		var parser = Jwts.parser().verifyWith(key).requireIssuer(issuer).build();
		return (token) -> {
			Map<String, Object> claims = new LinkedHashMap<>(parser.parseSignedClaims(token).getPayload());
			claims.replaceAll((name, value) -> (value instanceof Date date) ? date.getTime() / 1000 : value);
			claims.computeIfPresent("aud", (name, value) -> (value instanceof Set<?> set && set.size() == 1) ? set.iterator().next() : value);
			return claims;
		};
	}

	/** auth0 java-jwt: {@code JWT.require(Algorithm.HMAC256(secret)).withIssuer(issuer)}. */
	static Verifier auth0(byte[] secret, String issuer, String algorithm) {
		Algorithm hmac = switch (algorithm) {
			case "HS384" -> Algorithm.HMAC384(secret);
			case "HS512" -> Algorithm.HMAC512(secret);
			default -> Algorithm.HMAC256(secret);
		};
		var verifier = JWT.require(hmac).withIssuer(issuer).build();
		return (token) -> {
			var jwt = verifier.verify(token);
			Map<String, Object> claims = new LinkedHashMap<>();
			jwt.getClaims().forEach((name, claim) -> claims.put(name, claim.as(Object.class)));
			claims.replaceAll((name, value) -> (value instanceof Integer number) ? number.longValue() : value);
			return claims;
		};
	}

	/** Tokens in PyJOAT's layout, signed by each library. */
	static Map<String, String> pyjoatTokens(byte[] secret, String issuer, Instant issuedAt) throws Exception {
		Instant expiresAt = issuedAt.plusSeconds(3600);
		List<String> scope = List.of("profile", "read");
		Map<String, String> tokens = new LinkedHashMap<>();
		SignedJWT nimbus = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
				new JWTClaimsSet.Builder().audience("abcd").issuer(issuer).expirationTime(Date.from(expiresAt))
					.issueTime(Date.from(issuedAt)).claim("scp", scope).subject("1234").build());
		nimbus.sign(new MACSigner(secret));
		tokens.put("nimbus", nimbus.serialize());
		tokens.put("jjwt", Jwts.builder().header().type("JWT").and().audience().single("abcd").issuer(issuer)
			.expiration(Date.from(expiresAt)).issuedAt(Date.from(issuedAt)).claim("scp", scope).subject("1234")
			.signWith(new SecretKeySpec(secret, "HmacSHA256"), Jwts.SIG.HS256).compact());
		tokens.put("auth0", JWT.create().withAudience("abcd").withIssuer(issuer).withExpiresAt(expiresAt)
			.withIssuedAt(issuedAt).withClaim("scp", scope).withSubject("1234").sign(Algorithm.HMAC256(secret)));
		return tokens;
	}

	/**
	 * Tokens in PyJOAT's barest layout, signed by each library: no {@code typ} in the header, and
	 * neither {@code jti} nor {@code sub} among the claims ({@code aud}, {@code iss}, {@code exp},
	 * {@code iat}, {@code scp}). auth0 always writes {@code typ}, so it signs one without
	 * {@code sub} and {@code jti} only.
	 */
	static Map<String, String> barePyjoatTokens(byte[] secret, String issuer, Instant issuedAt) throws Exception {
		Instant expiresAt = issuedAt.plusSeconds(3600);
		List<String> scope = List.of("read");
		Map<String, String> tokens = new LinkedHashMap<>();
		SignedJWT nimbus = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).build(),
				new JWTClaimsSet.Builder().audience("abcd").issuer(issuer).expirationTime(Date.from(expiresAt))
					.issueTime(Date.from(issuedAt)).claim("scp", scope).build());
		nimbus.sign(new MACSigner(secret));
		tokens.put("nimbus", nimbus.serialize());
		tokens.put("jjwt", Jwts.builder().audience().single("abcd").issuer(issuer).expiration(Date.from(expiresAt))
			.issuedAt(Date.from(issuedAt)).claim("scp", scope)
			.signWith(new SecretKeySpec(secret, "HmacSHA256"), Jwts.SIG.HS256).compact());
		tokens.put("auth0", JWT.create().withAudience("abcd").withIssuer(issuer).withExpiresAt(expiresAt)
			.withIssuedAt(issuedAt).withClaim("scp", scope).sign(Algorithm.HMAC256(secret)));
		return tokens;
	}

	static byte[] bytes(String secret) {
		return secret.getBytes(StandardCharsets.UTF_8);
	}

}
