package dev.joat.interop;

import dev.joat.interop.issuer.AuthorizationServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issuer fixture itself, checked with Spring Security's stock decoder: what the joat tests
 * rely on (discovery, RS256 tokens, rotation, restart at the same address) is what a stock
 * resource server sees too.
 */
class AuthorizationServerTests {

	private static AuthorizationServer issuer;

	@BeforeAll
	static void startIssuer() {
		issuer = AuthorizationServer.start();
	}

	@AfterAll
	static void stopIssuer() {
		issuer.close();
	}

	@Test
	void tokenWhenClientCredentialsThenStockDecoderVerifiesItThroughIssuerUri() {
		JwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer.issuer());
		Jwt jwt = decoder.decode(issuer.token("read write"));
		assertThat(jwt.getIssuer()).hasToString(issuer.issuer());
		assertThat(jwt.getSubject()).isEqualTo("interop-client");
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsEntry("kid", issuer.keys().currentKeyId());
		assertThat(jwt.getClaimAsStringList("scope")).containsExactlyInAnyOrder("read", "write");
	}

	@Test
	void rotateWhenRotatedThenNewTokensCarryTheNewKeyId() {
		String before = issuer.keys().currentKeyId();
		String after = issuer.keys().rotate();
		assertThat(after).isNotEqualTo(before);
		Jwt jwt = JwtDecoders.fromIssuerLocation(issuer.issuer()).decode(issuer.token("read"));
		assertThat(jwt.getHeaders()).containsEntry("kid", after);
	}

}
