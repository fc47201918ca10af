package dev.joat.docs;

import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.crypto.spec.SecretKeySpec;

import dev.joat.TokenGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Migrating from Spring's NimbusJwtDecoder": the decoder bean an app removes, and the properties
 * that replace it, accept the same tokens, so the switch can be rolled out node by node.
 */
class NimbusMigrationExamplesTests {

	private static final String SECRET = "0123456789abcdef0123456789abcdef";

	@Test
	void beforeAndAfterWhenSameSecretAndIssuerThenBothAcceptTheSameToken() {
		// Spring's decoder reads iss as a URL: an issuer named "My OAuth2 Provider" fails there.
		ConfigurationExamplesTests.runner("getting-started.properties")
			.withPropertyValues("JOAT_SECRET=" + SECRET, "joat.issuer=https://auth.example.com")
			.run((context) -> {
				String token = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
				Jwt before = new Before().jwtDecoder(SECRET).decode(token);
				Jwt after = context.getBean(JwtDecoder.class).decode(token);
				assertThat(before.getIssuer()).hasToString("https://auth.example.com");
				assertThat(after.getIssuer()).hasToString("https://auth.example.com");
				assertThat(after.getSubject()).isEqualTo(before.getSubject()).isEqualTo("abcd");
				assertThat(after.getExpiresAt()).isEqualTo(before.getExpiresAt());
				assertThat(after.getClaimAsStringList("scp")).isEqualTo(before.getClaimAsStringList("scp"))
					.containsExactly("read");
			});
	}

	/** The configuration an app had before joat. */
	static class Before {

		// tag::before[]
		@Bean
		JwtDecoder jwtDecoder(@Value("${jwt.secret}") String secret) {
			SecretKeySpec key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
			NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
			decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer("https://auth.example.com"));
			return decoder;
		}
		// end::before[]

	}

}
