package dev.joat.spring.boot.actuate;

import java.util.concurrent.TimeUnit;

import dev.joat.InvalidTokenException.Reason;
import dev.joat.TokenProfile;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * {@link JoatTokenMetrics} on its own: tag values as documented, one set of counters per key id.
 */
class JoatTokenMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final JoatTokenMetrics metrics = new JoatTokenMetrics(this.registry);

	@Test
	void tokenIssuedWhenRfc9068ThenProfileTagAsJoatProfileNamesIt() {
		this.metrics.tokenIssued("HS384", "2026-07", TokenProfile.RFC_9068);
		this.metrics.tokenIssued("HS256", "none", TokenProfile.PYJOAT);
		assertThat(this.registry.get("joat.tokens.issued").tags("algorithm", "HS384", "kid", "2026-07", "profile", "rfc9068")
			.counter()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("joat.tokens.issued").tags("algorithm", "HS256", "kid", "none", "profile", "pyjoat")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void tokenRefusedWhenFirstSeenKeyIdThenEveryReasonRegisteredAtZeroAndOneCounted() {
		this.metrics.tokenRefused(Reason.EXPIRED, "k1");
		this.metrics.tokenRefused(Reason.EXPIRED, "k1");
		assertThat(this.registry.get("joat.tokens.verified").tag("kid", "k1").counters()).hasSize(Reason.values().length + 1);
		assertThat(this.registry.get("joat.tokens.verified").tags("outcome", "refused", "reason", "EXPIRED", "kid", "k1")
			.counter()
			.count()).isEqualTo(2);
		assertThat(this.registry.get("joat.tokens.verified").tags("outcome", "accepted", "reason", "none", "kid", "k1")
			.counter()
			.count()).isZero();
	}

	@Test
	void tokenAcceptedWhenEqualKeyIdsOfDifferentInstancesThenOneSetOfCountersCountsBoth() {
		String ringKeyId = "2026-07";
		String equalKeyId = new String(ringKeyId.toCharArray());
		this.metrics.tokenAccepted(ringKeyId);
		this.metrics.tokenAccepted(equalKeyId);
		this.metrics.tokenAccepted(ringKeyId);
		this.metrics.tokenRefused(Reason.EXPIRED, equalKeyId);
		assertThat(this.registry.get("joat.tokens.verified").counters()).hasSize(Reason.values().length + 1);
		assertThat(this.registry.get("joat.tokens.verified").tags("outcome", "accepted", "reason", "none", "kid", "2026-07")
			.counter()
			.count()).isEqualTo(3);
		assertThat(this.registry.get("joat.tokens.verified").tags("outcome", "refused", "reason", "EXPIRED", "kid", "2026-07")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void tokenAcceptedWhenMoreKeyIdsThanKnownByIdentityThenEachCountedUnderItsOwnKid() {
		int keyIds = 40;
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < keyIds; i++) {
				this.metrics.tokenAccepted("k" + i);
			}
		}
		for (int i = 0; i < keyIds; i++) {
			assertThat(this.registry.get("joat.tokens.verified").tags("outcome", "accepted", "reason", "none", "kid", "k" + i)
				.counter()
				.count()).isEqualTo(2);
		}
		assertThat(this.registry.get("joat.tokens.verified").tag("outcome", "accepted").counters()).hasSize(keyIds);
	}

	@Test
	void verificationAcceptedWhenCalledTwiceThenOneTimerRecordsBoth() {
		this.metrics.verificationAccepted(1_000);
		this.metrics.verificationAccepted(3_000);
		assertThat(this.registry.get("joat.tokens.verification").timers()).hasSize(1);
		Timer timer = this.registry.get("joat.tokens.verification").tags("outcome", "accepted", "reason", "none", "error", "none").timer();
		assertThat(timer.count()).isEqualTo(2);
		assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isEqualTo(4_000);
		assertThat(timer.max(TimeUnit.NANOSECONDS)).isEqualTo(3_000);
	}

	@Test
	void constructorWhenNullRegistryThenThrows() {
		assertThatNullPointerException().isThrownBy(() -> new JoatTokenMetrics(null)).withMessage("registry cannot be null");
	}

}
