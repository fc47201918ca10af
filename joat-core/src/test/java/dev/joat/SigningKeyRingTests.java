package dev.joat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SigningKeyRingTests {

	private static final Duration LIFETIME = Duration.ofHours(1);

	private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

	private static final Instant T0 = TestTokens.NOW;

	private final SigningKey old = SigningKey.generate(SignatureAlgorithm.ES256).withKeyId("2026");

	private final SigningKey next = SigningKey.generate(SignatureAlgorithm.ES256).withKeyId("2027");

	@Test
	void withNextWhenAddedThenPublishedBeforeItSigns() throws Exception {
		SigningKeyRing ring = SigningKeyRing.of(this.old).withNext(this.next);

		assertThat(ring.signingKey()).isSameAs(this.old);
		assertThat(ring.state("2027")).isEqualTo(SigningKeyRing.State.NEXT);
		assertThat(ring.publishedKeys(T0).keys()).containsExactly(this.old.verificationKey(),
				this.next.verificationKey());
		String token = TokenGenerator.builder(TestTokens.PROVIDER, ring).build().issueToken("abcd", List.of());
		assertThat(kid(token)).isEqualTo("2026");
	}

	@Test
	void promoteWhenNextKeyThenItSignsAndTheOldKeyStaysPublishedUntilItsLastTokenExpired() throws Exception {
		SigningKeyRing ring = SigningKeyRing.of(this.old).withNext(this.next);
		String oldToken = generator(ring, T0).issueToken("abcd", List.of("read"));
		Instant switchedAt = T0.plusSeconds(600);
		Instant until = switchedAt.plus(LIFETIME).plus(CLOCK_SKEW);

		ring = ring.promote("2027", until);
		String newToken = generator(ring, switchedAt).issueToken("abcd", List.of("read"));

		assertThat(kid(newToken)).isEqualTo("2027");
		assertThat(ring.state("2026")).isEqualTo(SigningKeyRing.State.RETIRED);
		assertThat(ring.retiredUntil("2026")).isEqualTo(until);
		assertThat(verifiesAt(oldToken, ring, T0.plus(LIFETIME))).isTrue();
		assertThat(verifiesAt(newToken, ring, T0.plus(LIFETIME))).isTrue();
		assertThat(ring.publishedKeys(until).find("2026")).isNotNull();
		assertThat(ring.publishedKeys(until.plusSeconds(1)).find("2026")).isNull();
		assertThat(ring.withoutExpired(until.plusSeconds(1)).keyIds()).containsExactly("2027");
		assertThat(ring.withoutExpired(until).keyIds()).containsExactly("2026", "2027");
	}

	/**
	 * A rotation in steps of five minutes, as a resource server that refetches the JWK Set every five
	 * minutes (Spring's default cache) sees it: every token issued so far verifies (through the written JWK Set, read by Nimbus) until it
	 * expires, whatever the ring's state at that minute.
	 */
	@Test
	void rotationWhenEveryFiveMinutesThenNoUnexpiredTokenEverFailsToVerify() throws Exception {
		SigningKeyRing ring = SigningKeyRing.of(this.old);
		List<String> issued = new ArrayList<>();
		List<Instant> expiries = new ArrayList<>();
		Instant now = T0;
		for (int minute = 0; minute <= 200; minute += 5) {
			if (minute == 20) {
				ring = ring.withNext(this.next);
			}
			if (minute == 40) {
				assertThat(ring.publishedKeys(now).find("2027")).as("published before it signs").isNotNull();
				ring = ring.promote("2027", now.plus(LIFETIME).plus(CLOCK_SKEW));
			}
			ring = ring.withoutExpired(now);
			issued.add(generator(ring, now).issueToken("client", List.of("read")));
			expiries.add(now.plus(LIFETIME));
			for (int i = 0; i < issued.size(); i++) {
				if (!now.isAfter(expiries.get(i).plus(CLOCK_SKEW))) {
					assertThat(verifiesAt(issued.get(i), ring, now)).as("token %d at minute %d", i, minute).isTrue();
				}
			}
			now = now.plusSeconds(300);
		}
		assertThat(ring.keyIds()).containsExactly("2027");
	}

	@Test
	void promoteWhenKeyIsNotNextThenRefused() {
		SigningKeyRing ring = SigningKeyRing.of(this.old);
		assertThatIllegalArgumentException().isThrownBy(() -> ring.promote("2026", T0))
			.withMessage("Only a next key can be promoted, so that it is published before it signs; \"2026\" is"
					+ " CURRENT");
		assertThatIllegalArgumentException().isThrownBy(() -> ring.promote("2027", T0))
			.withMessage("keyId \"2027\" is not in the ring");
	}

	@Test
	void builderWhenKeysFromConfigurationThenStatesKept() {
		SigningKey retired = SigningKey.generate(SignatureAlgorithm.EdDSA).withKeyId("2025");
		SigningKeyRing ring = SigningKeyRing.builder()
			.retired(retired, T0)
			.current(this.old)
			.next(this.next)
			.build();

		assertThat(ring.signingKeyId()).isEqualTo("2026");
		assertThat(ring.keyIds()).containsExactly("2025", "2026", "2027");
		assertThat(ring.publishedKeys(T0).size()).isEqualTo(3);
		assertThat(ring.publishedKeys(T0.plusSeconds(1)).size()).isEqualTo(2);
	}

	@Test
	void builderWhenNoCurrentKeyOrTwoThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> SigningKeyRing.builder().next(this.next).build())
			.withMessage("A SigningKeyRing needs a current key, the one that signs");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SigningKeyRing.builder().current(this.old).current(this.next).build())
			.withMessage("A SigningKeyRing has exactly one current key, not \"2026\" and \"2027\"");
	}

	@Test
	void builderWhenKeyHasNoKeyIdOrARepeatedOneThenRefused() {
		SigningKey anonymous = SigningKey.generate(SignatureAlgorithm.ES256);
		assertThatIllegalArgumentException().isThrownBy(() -> SigningKeyRing.of(anonymous))
			.withMessageStartingWith("A key of a SigningKeyRing needs a key id");
		assertThatIllegalArgumentException().isThrownBy(() -> SigningKeyRing.of(this.old).withNext(this.old))
			.withMessage("keyId \"2026\" is already in the ring");
	}

	@Test
	void toStringWhenRingThenShowsStatesKeyIdsAndThumbprintsOnly() {
		SigningKeyRing ring = SigningKeyRing.of(this.old).withNext(this.next);
		assertThat(ring).hasToString("SigningKeyRing[CURRENT=" + this.old + ", NEXT=" + this.next + "]");
		assertThat(this.old.toString()).isEqualTo("SigningKey[ES256, kid=\"2026\", thumbprint="
				+ this.old.thumbprint() + "]");
	}

	private static TokenGenerator generator(SigningKeyRing ring, Instant now) {
		return TokenGenerator.builder(TestTokens.PROVIDER, ring)
			.lifetime(LIFETIME)
			.clock(java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))
			.build();
	}

	/**
	 * What a resource server holding the JWK Set published at {@code now} decides: the key named by
	 * the token's {@code kid}, from the set as JSON, read by Nimbus; the signature; the expiry with
	 * the clock skew.
	 */
	private static boolean verifiesAt(String token, SigningKeyRing ring, Instant now) throws Exception {
		JWKSet published = JWKSet.parse(ring.publishedKeys(now).toJwkSetJson());
		SignedJWT jwt = SignedJWT.parse(token);
		JWK jwk = published.getKeyByKeyId(jwt.getHeader().getKeyID());
		if (jwk == null) {
			return false;
		}
		VerificationKey key = VerificationKey.of(SignatureAlgorithm.ES256, jwk.toECKey().toECPublicKey());
		return jwt.verify(AsymmetricInteropTests.nimbusVerifier(key))
				&& !now.isAfter(jwt.getJWTClaimsSet().getExpirationTime().toInstant().plus(CLOCK_SKEW));
	}

	private static String kid(String token) throws Exception {
		return SignedJWT.parse(token).getHeader().getKeyID();
	}

}
