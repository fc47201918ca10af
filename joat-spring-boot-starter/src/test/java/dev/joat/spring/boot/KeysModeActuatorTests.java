package dev.joat.spring.boot;

import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys mode's observability on a real server: {@code /actuator/joat/jwks} shows each key's kid,
 * algorithm and thumbprint, the source and the last refresh, never a key's parameters; the meters
 * {@code joat.jwks.refresh}, {@code joat.jwks.keys} and {@code joat.jwks.staleness} follow the
 * refreshes.
 */
@SpringBootTest(classes = KeysModeServerTests.Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=joat", "joat.jwks.await-first-keys=10s" })
class KeysModeActuatorTests {

	private static final JwksTestServer issuer = start();

	@LocalServerPort
	private int port;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void issuer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", issuer::jwkSetUri);
		registry.add("spring.security.oauth2.resourceserver.jwt.jws-algorithms", () -> "RS256,ES256");
		registry.add("joat.issuer", issuer::issuer);
	}

	@AfterAll
	static void stop() {
		issuer.close();
	}

	@Test
	void jwksEndpointWhenExposedThenKeysPublicDataOnly() throws Exception {
		HttpResponse<String> response = HttpCalls.get(this.port, "/actuator/joat/jwks", issuer.rs256(issuer.issuer()));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"keyId\":\"rsa-1\"", "\"algorithm\":\"RS256\"", "\"keyId\":\"ec-1\"",
				"\"algorithm\":\"ES256\"", "\"thumbprint\":", "\"source\":\"" + issuer.jwkSetUri() + "\"",
				"\"lastOutcome\":\"SUCCESS\"", "\"lastSuccess\":");
		assertThat(response.body()).doesNotContain("\"n\"", "\"e\"", "\"x\"", "\"y\"", "\"kty\"");
		String modulus = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(((RSAPublicKey) issuer.rsa.getPublic()).getModulus().toByteArray());
		assertThat(response.body()).doesNotContain(modulus.substring(10, 60));
	}

	@Test
	void metersWhenKeysFetchedThenRefreshCountedAndGauges() {
		assertThat(this.meters.get("joat.jwks.refresh").tag("outcome", "success").counter().count())
			.isGreaterThanOrEqualTo(1);
		assertThat(this.meters.get("joat.jwks.keys").gauge().value()).isEqualTo(2);
		assertThat(this.meters.get("joat.jwks.staleness").gauge().value()).isBetween(0.0,
				(double) Duration.ofMinutes(5).toSeconds());
	}

	private static JwksTestServer start() {
		try {
			return new JwksTestServer(true);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
