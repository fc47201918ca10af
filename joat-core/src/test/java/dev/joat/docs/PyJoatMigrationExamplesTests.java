package dev.joat.docs;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.joat.Credentials;
import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Migrating from PyJOAT": the token of PyJOAT's README, minted by Python, verifies in Java. */
class PyJoatMigrationExamplesTests {

	@Test
	void seedTokenWhenParsedInsideItsLifetimeThenTheSameCredentialsAsPyJoat() {
		Clock clock = Clock.fixed(Instant.parse("2014-08-06T02:30:00Z"), ZoneOffset.UTC);
		// tag::seed-token[]
		// The token and the (30-byte, too short) secret of PyJOAT's README.
		String token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
				+ ".eyJhdWQiOiJhYmNkIiwiaXNzIjoiTXkgT0F1dGgyIFByb3ZpZGVyIiwiZXhwIjoxNDA3Mjk0NTcyLCJpYXQiOjE0MDcyOTA5NzIsInNjcCI6WyJwcm9maWxlIiwicmVhZCJdLCJzdWIiOiIxMjM0In0"
				+ ".wgNhGiKQ0ppO0XuQhalGZmSommQROjBusCanRa_6Ydc";
		SecretResolver secret = SecretResolver.of("the most secret hmac salt ever");

		TokenParser parser = TokenParser.builder(secret)
			.issuer("My OAuth2 Provider")
			.allowShortSecrets() // only while the PyJOAT deployment moves to a secret of 32 bytes or more
			.clock(clock)        // the token expired in 2014: read it at a time inside its lifetime
			.build();
		Credentials credentials = parser.parseToken(token);
		credentials.asMap(); // {user_id=1234, authorized_scope=[profile, read], client_id=abcd, provider=My OAuth2 Provider}
		// end::seed-token[]
		assertThat(credentials.asMap()).containsExactly(Map.entry("user_id", "1234"),
				Map.entry("authorized_scope", List.of("profile", "read")), Map.entry("client_id", "abcd"),
				Map.entry("provider", "My OAuth2 Provider"));
	}

}
