package dev.joat.docs;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.joat.Credentials;
import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.TokenProfile;
import dev.joat.TokenType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** "Issuing tokens": the RFC 9068 profile in plain Java. */
class Rfc9068ExamplesTests {

	@Test
	void rfc9068WhenIssuedAndParsedThenTypedAtJwtForTheResourceServer() {
		SecretResolver secrets = SecretResolver.of("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
		// tag::rfc9068[]
		TokenGenerator generator = TokenGenerator.builder("https://auth.example.com", secrets)
			.profile(TokenProfile.RFC_9068)          // typ at+jwt, client_id, a scope string, jti
			.audience("https://api.example.com")     // aud: the resource server
			.build();
		TokenParser parser = TokenParser.builder(secrets)
			.issuer("https://auth.example.com")
			.requireType(TokenType.AT_JWT)           // refuses ID tokens and other JWTs signed with the same key
			.audience("https://api.example.com")
			.build();
		// end::rfc9068[]
		Credentials credentials = parser.parseToken(generator.issueToken("demo-client", List.of("read")));
		assertThat(credentials.clientId()).isEqualTo("demo-client");
		assertThat(credentials.authorizedScope()).containsExactly("read");
	}

}
