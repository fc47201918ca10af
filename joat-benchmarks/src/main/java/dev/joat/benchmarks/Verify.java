package dev.joat.benchmarks;

import java.text.ParseException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.auth0.jwt.interfaces.DecodedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import dev.joat.Credentials;
import io.fusionauth.jwt.domain.JWT;
import io.jsonwebtoken.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Verifying one HS256 access token on one thread, from the compact string to the claims a
 * resource server uses: subject, client, issuer, scope and expiry, each sent to the
 * {@link Blackhole} (by the {@code consume} methods here, which {@link VerifyPublicKey} shares).
 * {@link #rawHmacFloor} is the floor every other result is compared with.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch" })
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
public class Verify {

	@Benchmark
	public boolean rawHmacFloor(Verifiers.RawHmac floor) {
		return floor.verify(floor.signingInput, floor.signature);
	}

	@Benchmark
	public void joatParseToken(JoatVerifiers.FixedSecret joat, Blackhole bh) {
		consume(joat.parser.parseToken(joat.token), bh);
	}

	@Benchmark
	public void joatJwtDecoder(JoatVerifiers.SpringDecoder joat, Blackhole bh) {
		consume(joat.decoder.decode(joat.token), bh);
	}

	@Benchmark
	public void joatParseTokenClientSecret(JoatVerifiers.ClientSecret joat, Blackhole bh) {
		consume(joat.parser.parseToken(joat.token), bh);
	}

	@Benchmark
	public void joatParseTokenManyClientSecrets(JoatVerifiers.ManyClientSecrets joat, Blackhole bh) {
		consume(joat.parser.parseToken(joat.nextToken()), bh);
	}

	@Benchmark
	public void springNimbusJwtDecoder(Verifiers.SpringNimbusJwtDecoder spring, Blackhole bh) {
		consume(spring.decoder.decode(spring.token), bh);
	}

	static void consume(Jwt jwt, Blackhole bh) {
		bh.consume(jwt.getSubject());
		bh.consume(jwt.getAudience());
		bh.consume(jwt.getClaimAsString("iss"));
		bh.consume(jwt.getClaimAsStringList("scp"));
		bh.consume(jwt.getExpiresAt());
	}

	@Benchmark
	public void nimbusJoseJwt(Verifiers.Nimbus nimbus, Blackhole bh) throws Exception {
		consume(nimbus.verify(nimbus.token), bh);
	}

	@Benchmark
	public void jjwt(Verifiers.Jjwt jjwt, Blackhole bh) {
		consume(jjwt.parser.parseSignedClaims(jjwt.token).getPayload(), bh);
	}

	@Benchmark
	public void auth0JavaJwt(Verifiers.Auth0 auth0, Blackhole bh) {
		consume(auth0.verifier.verify(auth0.token), bh);
	}

	@Benchmark
	public void jose4j(Verifiers.Jose4j jose4j, Blackhole bh) throws Exception {
		consume(jose4j.consumer.processToClaims(jose4j.token), bh);
	}

	@Benchmark
	public void fusionAuthJwt(Verifiers.FusionAuth fusionAuth, Blackhole bh) {
		consume(fusionAuth.verify(fusionAuth.token), bh);
	}

	static void consume(JWTClaimsSet claims, Blackhole bh) throws ParseException {
		bh.consume(claims.getSubject());
		bh.consume(claims.getAudience());
		bh.consume(claims.getIssuer());
		bh.consume(claims.getStringListClaim("scp"));
		bh.consume(claims.getExpirationTime());
	}

	static void consume(Claims claims, Blackhole bh) {
		bh.consume(claims.getSubject());
		bh.consume(claims.getAudience());
		bh.consume(claims.getIssuer());
		bh.consume(claims.get("scp", List.class));
		bh.consume(claims.getExpiration());
	}

	static void consume(DecodedJWT jwt, Blackhole bh) {
		bh.consume(jwt.getSubject());
		bh.consume(jwt.getAudience());
		bh.consume(jwt.getIssuer());
		bh.consume(jwt.getClaim("scp").asList(String.class));
		bh.consume(jwt.getExpiresAtAsInstant());
	}

	static void consume(JwtClaims claims, Blackhole bh) throws MalformedClaimException {
		bh.consume(claims.getSubject());
		bh.consume(claims.getAudience());
		bh.consume(claims.getIssuer());
		bh.consume(claims.getStringListClaimValue("scp"));
		bh.consume(claims.getExpirationTime());
	}

	static void consume(JWT jwt, Blackhole bh) {
		bh.consume(jwt.subject);
		bh.consume(jwt.audience);
		bh.consume(jwt.issuer);
		bh.consume(jwt.getList("scp"));
		bh.consume(jwt.expiration);
	}

	static void consume(Credentials credentials, Blackhole bh) {
		bh.consume(credentials.userId());
		bh.consume(credentials.clientId());
		bh.consume(credentials.provider());
		bh.consume(credentials.authorizedScope());
		bh.consume(credentials.expiresAt());
	}

}
