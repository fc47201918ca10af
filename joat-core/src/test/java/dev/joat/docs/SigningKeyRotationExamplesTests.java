package dev.joat.docs;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.joat.KeySet;
import dev.joat.SignatureAlgorithm;
import dev.joat.SigningKey;
import dev.joat.SigningKeyRing;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Keys and rotation": an issuer's private keys in a {@link SigningKeyRing}; the next key is
 * published before it signs, and the old one stays published until its last token has expired.
 */
class SigningKeyRotationExamplesTests {

	@Test
	void signingKeyRingWhenNextKeyIsPromotedThenOldTokensVerifyUntilTheOldKeyIsDropped() {
		Instant now = Instant.now();
		Duration tokenLifetime = Duration.ofHours(1);

		// tag::signing-key[]
		SigningKey key = SigningKey.generate(SignatureAlgorithm.ES256).withKeyId("2026-12");
		// or SigningKey.fromPem(SignatureAlgorithm.ES256, pemText): PKCS #8 "PRIVATE KEY" and its "PUBLIC KEY"
		TokenGenerator generator = TokenGenerator.builder("https://auth.example.com", key).build();
		String token = generator.issueToken("abcd", List.of("read"));   // header {"alg":"ES256","typ":"JWT","kid":"2026-12"}

		KeySet published = KeySet.of(key.verificationKey());            // public half only
		String jwkSetJson = published.toJwkSetJson();                    // serve at the issuer's jwks_uri
		TokenParser parser = TokenParser.withKeys(published).issuer("https://auth.example.com").build();
		// end::signing-key[]

		assertThat(parser.parseToken(token).clientId()).isEqualTo("abcd");
		assertThat(jwkSetJson).contains("\"kid\":\"2026-12\"").doesNotContain("\"d\"");

		// tag::signing-key-ring[]
		SigningKeyRing ring = SigningKeyRing.of(key);                        // "2026-12" signs
		SigningKey next = SigningKey.generate(SignatureAlgorithm.ES256).withKeyId("2027-01");
		ring = ring.withNext(next);                                          // published, not signing yet
		// ... once every resource server has fetched the JWK Set with "2027-01":
		ring = ring.promote("2027-01", now.plus(tokenLifetime));            // "2026-12" retired, still published
		TokenGenerator rotated = TokenGenerator.builder("https://auth.example.com", ring).build();
		KeySet toPublish = ring.publishedKeys(now);                          // both keys, until the old one's tokens expire
		// end::signing-key-ring[]

		TokenParser both = TokenParser.withKeys(toPublish).issuer("https://auth.example.com").build();
		assertThat(both.parseToken(token).clientId()).isEqualTo("abcd");
		assertThat(both.parseToken(rotated.issueToken("efgh", List.of("read"))).clientId()).isEqualTo("efgh");
		assertThat(ring.publishedKeys(now.plus(tokenLifetime).plusSeconds(1)).keys()).hasSize(1);
	}

}
