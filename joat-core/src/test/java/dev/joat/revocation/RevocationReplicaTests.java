package dev.joat.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.joat.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RevocationReplicaTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final long NOW_SECOND = NOW.getEpochSecond();

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryRevocationStore local = InMemoryRevocationStore.builder().clock(this.clock).build();

	private final List<Duration> staleAnswers = new ArrayList<>();

	@Test
	void isRevokedWhenNeverConfirmedFreshThenFailsClosed() {
		RevocationReplica replica = RevocationReplica.builder(this.local).clock(this.clock).build();
		assertThat(replica.confirmedFreshAt()).isNull();
		assertThat(replica.isFresh()).isFalse();
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> replica.isRevoked("t", "c", null, NOW_SECOND))
			.withMessage("Revocation list unavailable: not loaded yet")
			.satisfies((ex) -> assertThat(ex.getRetryAfterSeconds()).isEqualTo(5))
			.satisfies((ex) -> assertThat(ex.getStackTrace()).isEmpty());
	}

	@Test
	void isRevokedWhenFreshThenAnswersFromLocalList() {
		RevocationReplica replica = RevocationReplica.builder(this.local).clock(this.clock).build();
		this.local.revokeToken("t", NOW.plusSeconds(600));
		replica.confirmFresh(this.clock.instant());
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(replica.isFresh()).isTrue();
		assertThat(replica.isRevoked("t", "c", null, NOW_SECOND)).isTrue();
		assertThat(replica.isRevoked("u", "c", null, NOW_SECOND)).isFalse();
		assertThat(replica.entryCount()).isEqualTo(1);
	}

	@Test
	void isRevokedWhenStaleBeyondBoundThenFailsClosedUntilConfirmedAgain() {
		RevocationReplica replica = RevocationReplica.builder(this.local)
			.maxStaleness(Duration.ofSeconds(10))
			.retryAfter(Duration.ofMillis(1500))
			.clock(this.clock)
			.build();
		replica.confirmFresh(this.clock.instant());
		this.clock.advance(Duration.ofMillis(10_001));
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> replica.isRevoked("t", "c", null, NOW_SECOND))
			.withMessage("Revocation list unavailable: last confirmed fresh 10001 ms ago, beyond the 10000 ms allowed")
			.satisfies((ex) -> assertThat(ex.getRetryAfterSeconds()).isEqualTo(2));
		replica.confirmFresh(this.clock.instant());
		assertThat(replica.isRevoked("t", "c", null, NOW_SECOND)).isFalse();
	}

	@Test
	void isRevokedWhenStaleAndFailOpenThenAnswersAndTellsListener() {
		RevocationReplica replica = RevocationReplica.builder(this.local)
			.maxStaleness(Duration.ofSeconds(10))
			.failOpen()
			.listener(this.staleAnswers::add)
			.clock(this.clock)
			.build();
		this.local.revokeToken("t", NOW.plusSeconds(600));
		assertThat(replica.isRevoked("t", "c", null, NOW_SECOND)).isTrue();
		replica.confirmFresh(this.clock.instant());
		this.clock.advance(Duration.ofSeconds(11));
		assertThat(replica.isRevoked("u", "c", null, NOW_SECOND)).isFalse();
		assertThat(this.staleAnswers).containsExactly(null, Duration.ofSeconds(11));
	}

	@Test
	void confirmFreshWhenOlderThanLatestThenIgnored() {
		RevocationReplica replica = RevocationReplica.builder(this.local).clock(this.clock).build();
		replica.confirmFresh(NOW);
		replica.confirmFresh(NOW.minusSeconds(60));
		assertThat(replica.confirmedFreshAt()).isEqualTo(NOW);
	}

	@Test
	void confirmFreshWhenLaterThanTheClockThenCountsAsNowAndTheBoundStillHolds() {
		RevocationReplica replica = RevocationReplica.builder(this.local)
			.maxStaleness(Duration.ofSeconds(10))
			.clock(this.clock)
			.build();
		replica.confirmFresh(this.clock.instant().plusSeconds(60));
		assertThat(replica.confirmedFreshAt()).isEqualTo(this.clock.instant());
		this.clock.advance(Duration.ofMillis(10_001));
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> replica.isRevoked("t", "c", null, NOW_SECOND));
	}

	@Test
	void builderWhenDurationsNotPositiveThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RevocationReplica.builder(this.local).maxStaleness(Duration.ZERO))
			.withMessage("maxStaleness must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RevocationReplica.builder(this.local).retryAfter(Duration.ofSeconds(-1)))
			.withMessage("retryAfter must be positive");
	}

}
