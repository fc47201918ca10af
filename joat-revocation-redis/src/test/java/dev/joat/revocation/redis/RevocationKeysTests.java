package dev.joat.revocation.redis;

import java.time.Instant;

import dev.joat.revocation.Revocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RevocationKeysTests {

	private final RevocationKeys keys = new RevocationKeys("joat:revocation:");

	private final Instant issuedBefore = Instant.parse("2026-12-01T08:00:00.250Z");

	private final Instant expiresAt = Instant.parse("2026-12-01T09:00:00Z");

	@Test
	void keyWhenTokenThenExpiryThenIdAndParsedBack() {
		Revocation token = Revocation.ofToken("a:b c\u00e9\ud83d\ude00", this.expiresAt);

		String key = this.keys.key(token);

		assertThat(key).isEqualTo("joat:revocation:t:1796115600000:a:b c\u00e9\ud83d\ude00");
		assertThat(this.keys.parse(key)).isEqualTo(token);
	}

	@Test
	void keyWhenClientOrSubjectThenExpiryCutOffThenIdAndParsedBack() {
		Revocation client = Revocation.ofClient("client:1", this.issuedBefore, this.expiresAt);
		Revocation subject = Revocation.ofSubject("user 1", this.issuedBefore, this.expiresAt);

		assertThat(this.keys.key(client)).isEqualTo("joat:revocation:c:1796115600000:1796112000250:client:1");
		assertThat(this.keys.key(subject)).isEqualTo("joat:revocation:s:1796115600000:1796112000250:user 1");
		assertThat(this.keys.parse(this.keys.key(client))).isEqualTo(client);
		assertThat(this.keys.parse(this.keys.key(subject))).isEqualTo(subject);
	}

	@Test
	void keyWhenClientSubjectThenExpiryCutOffThenLengthPrefixedPairAndParsedBack() {
		Revocation pair = Revocation.ofClientSubject("client:1", "user 1", this.issuedBefore, this.expiresAt);

		assertThat(this.keys.key(pair)).isEqualTo("joat:revocation:p:1796115600000:1796112000250:8:client:1user 1");
		assertThat(this.keys.parse(this.keys.key(pair))).isEqualTo(pair);
		assertThat(this.keys.parse("joat:revocation:p:1796115600000:1796112000250:9:client:1")).isNull();
		assertThat(this.keys.parse("joat:revocation:p:1796115600000:1796112000250:client:1user 1")).isNull();
	}

	@Test
	void parseWhenNotAnEntryThenNull() {
		assertThat(this.keys.parse("other:t:1796115600000:jti")).isNull();
		assertThat(this.keys.parse("joat:revocation:x:1796115600000:jti")).isNull();
		assertThat(this.keys.parse("joat:revocation:t:soon:jti")).isNull();
		assertThat(this.keys.parse("joat:revocation:t:1796115600000")).isNull();
		assertThat(this.keys.parse("joat:revocation:t:1796115600000:")).isNull();
		assertThat(this.keys.parse("joat:revocation:c:1796115600000:client")).isNull();
		assertThat(this.keys.parse("joat:revocation:c:1796115600000:1796115700000:client")).isNull();
		assertThat(this.keys.parse("joat:revocation:t:1796115600000:" + "j".repeat(Revocation.MAX_KEY_LENGTH + 1)))
			.isNull();
		assertThat(this.keys.parse("joat:revocation:")).isNull();
	}

	@Test
	void canaryKeyWhenReadAsAnEntryThenNotOne() {
		assertThat(this.keys.canaryKey()).isEqualTo("joat:revocation:canary");
		assertThat(this.keys.parse(this.keys.canaryKey())).isNull();
		assertThat(new RevocationKeys("").parse(new RevocationKeys("").canaryKey())).isNull();
	}

	@Test
	void scanPatternWhenPrefixHasGlobCharactersThenEscaped() {
		assertThat(this.keys.scanPattern()).isEqualTo("joat:revocation:[tcsp]:*");
		assertThat(new RevocationKeys("app*[1]?\\:").scanPattern()).isEqualTo("app\\*\\[1\\]\\?\\\\:[tcsp]:*");
	}

}
