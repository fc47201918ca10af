package dev.joat.spring.boot;

import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PS256 and EdDSA in keys mode, end to end over real HTTP: a servlet application with Boot's
 * {@code jwk-set-uri} and {@code jws-algorithms} fetches a JWK Set written by independent
 * implementations (Nimbus's RSA JWK bound to PS256, jjwt's Ed25519 OKP JWK) from a real server, and
 * verifies tokens Nimbus (PS256) and jjwt (EdDSA) sign with the private keys; an algorithm outside
 * {@code jws-algorithms} is refused with {@code 401} before any signature work, even with the
 * issuer's own key.
 */
class KeysModeAlgorithmsServerTests {

	private static final String JWT = "spring.security.oauth2.resourceserver.jwt.";

	private static final String PS_KID = "ps-1";

	private static final String ED_KID = "ed-1";

	private final List<AutoCloseable> closeables = new ArrayList<>();

	private final KeyPair rsa = JwksTestServer.generate("RSA");

	private final KeyPair ed25519 = ed25519();

	private JwksTestServer issuer;

	@BeforeEach
	void startIssuer() throws Exception {
		this.issuer = new JwksTestServer(true);
		this.closeables.add(this.issuer);
		String rsaJwk = new RSAKey.Builder((RSAPublicKey) this.rsa.getPublic()).keyID(PS_KID)
			.algorithm(JWSAlgorithm.PS256)
			.keyUse(KeyUse.SIGNATURE)
			.build()
			.toJSONString();
		String okpJwk = Jwks.json(Jwks.builder().key(this.ed25519.getPublic()).id(ED_KID).algorithm("EdDSA").build());
		assertThat(okpJwk).contains("\"kty\":\"OKP\"", "\"crv\":\"Ed25519\"").doesNotContain("\"d\"");
		this.issuer.jwks("{\"keys\":[" + rsaJwk + "," + okpJwk + "]}");
	}

	@AfterEach
	void close() throws Exception {
		for (int i = this.closeables.size() - 1; i >= 0; i--) {
			this.closeables.get(i).close();
		}
	}

	@Test
	void getWhenPs256AndEdDsaAcceptedThenTokensOfNimbusAndJjwtVerify() throws Exception {
		int port = start(JWT + "jws-algorithms=PS256,EdDSA");
		HttpResponse<String> ps256 = HttpCalls.get(port, "/hello", ps256());
		assertThat(ps256.statusCode()).as("%s", ps256.headers().map()).isEqualTo(200);
		assertThat(ps256.body()).isEqualTo("hello client-1");
		HttpResponse<String> eddsa = HttpCalls.get(port, "/hello", eddsa(Instant.now().plusSeconds(3600)));
		assertThat(eddsa.statusCode()).as("%s", eddsa.headers().map()).isEqualTo(200);
		assertThat(eddsa.body()).isEqualTo("hello client-1");
		KeysModeServerTests.assertUnauthorized(HttpCalls.get(port, "/hello", JwksTestServer.tampered(ps256())));
		KeysModeServerTests.assertUnauthorized(
				HttpCalls.get(port, "/hello", JwksTestServer.tampered(eddsa(Instant.now().plusSeconds(3600)))));
		KeysModeServerTests.assertUnauthorized(HttpCalls.get(port, "/hello", eddsa(Instant.now().minusSeconds(3600))),
				"Token expired at ");
	}

	@Test
	void getWhenAlgorithmNotInJwsAlgorithmsThenUnauthorizedEvenWithTheIssuersKey() throws Exception {
		int port = start(JWT + "jws-algorithms=PS256");
		assertThat(HttpCalls.get(port, "/hello", ps256()).statusCode()).isEqualTo(200);
		KeysModeServerTests.assertUnauthorized(HttpCalls.get(port, "/hello", eddsa(Instant.now().plusSeconds(3600))),
				"Unsupported algorithm 'EdDSA'");
		// The same RSA key, with RS256 instead of the PS256 it is published for.
		KeysModeServerTests.assertUnauthorized(HttpCalls.get(port, "/hello", JwksTestServer.token(JWSAlgorithm.RS256,
				PS_KID, new RSASSASigner(this.rsa.getPrivate()), this.issuer.issuer(), Instant.now().plusSeconds(3600))),
				"Unsupported algorithm 'RS256'");
	}

	@Test
	void getWhenOnlyEdDsaAcceptedThenPs256TokenOfThePublishedKeyRefused() throws Exception {
		int port = start(JWT + "jws-algorithms=EdDSA");
		assertThat(HttpCalls.get(port, "/hello", eddsa(Instant.now().plusSeconds(3600))).statusCode()).isEqualTo(200);
		KeysModeServerTests.assertUnauthorized(HttpCalls.get(port, "/hello", ps256()), "Unsupported algorithm 'PS256'");
	}

	/** A PS256 token of {@code ps-1}, minted by Nimbus. */
	private String ps256() {
		return JwksTestServer.token(JWSAlgorithm.PS256, PS_KID, new RSASSASigner(this.rsa.getPrivate()),
				this.issuer.issuer(), Instant.now().plusSeconds(3600));
	}

	/** An EdDSA token of {@code ed-1}, minted by jjwt, expiring at {@code expiresAt}. */
	private String eddsa(Instant expiresAt) {
		return Jwts.builder()
			.header()
			.keyId(ED_KID)
			.and()
			.issuer(this.issuer.issuer())
			.subject("client-1")
			.claim("client_id", "client-1")
			.claim("scope", "read")
			.issuedAt(Date.from(expiresAt.minusSeconds(7200)))
			.expiration(Date.from(expiresAt))
			.signWith(this.ed25519.getPrivate(), Jwts.SIG.EdDSA)
			.compact();
	}

	private int start(String algorithms) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(KeysModeServerTests.Application.class)
			.web(WebApplicationType.SERVLET)
			.properties(JWT + "jwk-set-uri=" + this.issuer.jwkSetUri(), algorithms, "joat.issuer=" + this.issuer.issuer(),
					"joat.jwks.await-first-keys=10s", "server.port=0", "spring.main.banner-mode=off")
			.run();
		this.closeables.add(context);
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static KeyPair ed25519() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
