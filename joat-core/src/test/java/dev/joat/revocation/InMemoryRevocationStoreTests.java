package dev.joat.revocation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.joat.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InMemoryRevocationStoreTests {

	private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

	private static final long NOW_SECOND = NOW.getEpochSecond();

	private final MutableClock clock = new MutableClock(NOW);

	private final InMemoryRevocationStore store = InMemoryRevocationStore.builder().clock(this.clock).build();

	@Test
	void isRevokedWhenNothingRevokedThenFalse() {
		assertThat(this.store.isRevoked("t-1", "client", "user", NOW_SECOND)).isFalse();
		assertThat(this.store.entryCount()).isZero();
	}

	@Test
	void entriesWhenRevokedThenOneLiveEntryPerKeyThatRevokesTheSameTokens() {
		this.store.revokeToken("t-1", NOW.plusSeconds(60));
		this.store.revokeToken("t-2", NOW.plusSeconds(1));
		this.store.revokeClientTokens("client", NOW.plusMillis(500), NOW.plusSeconds(3600));
		this.store.revokeClientTokens("client", NOW.minusSeconds(10), NOW.plusSeconds(7200));
		this.store.revokeSubjectTokens("user", NOW, NOW.plusSeconds(120));
		this.store.revokeClientSubjectTokens("client", "user", NOW, NOW.plusSeconds(90));
		this.clock.advance(Duration.ofSeconds(1));

		assertThat(this.store.entries()).containsExactlyInAnyOrder(Revocation.ofToken("t-1", NOW.plusSeconds(60)),
				Revocation.ofClient("client", NOW.plusSeconds(1), NOW.plusSeconds(7200)),
				Revocation.ofSubject("user", NOW, NOW.plusSeconds(120)),
				Revocation.ofClientSubject("client", "user", NOW, NOW.plusSeconds(90)));
		InMemoryRevocationStore copy = InMemoryRevocationStore.builder().clock(this.clock).build();
		copy.replaceAll(this.store.entries());
		assertThat(copy.entries()).isEqualTo(this.store.entries());
		assertThat(copy.isRevoked("any", "client", null, NOW_SECOND)).isTrue();
		assertThat(copy.isRevoked("any", "client", null, NOW_SECOND + 1)).isFalse();
	}

	@Test
	void isRevokedWhenTokenIdRevokedThenTrueForThatTokenOnly() {
		this.store.revokeToken("t-1", NOW.plusSeconds(3600));
		assertThat(this.store.isRevoked("t-1", "client", "user", NOW_SECOND)).isTrue();
		assertThat(this.store.isRevoked("t-2", "client", "user", NOW_SECOND)).isFalse();
		assertThat(this.store.entryCount()).isEqualTo(1);
	}

	@Test
	void isRevokedWhenClientRevokedThenTokensIssuedBeforeCutoffRevokedAndLaterAccepted() {
		this.store.revokeClientTokens("client", NOW, NOW.plusSeconds(3600));
		assertThat(this.store.isRevoked("t-1", "client", "user", NOW_SECOND - 1)).isTrue();
		assertThat(this.store.isRevoked("t-1", "client", "user", NOW_SECOND)).isFalse();
		assertThat(this.store.isRevoked("t-1", "other", "user", NOW_SECOND - 1)).isFalse();
	}

	@Test
	void isRevokedWhenCutoffHasFractionOfSecondThenTokenIssuedInThatSecondRevoked() {
		// iat is whole seconds: a token issued at NOW (floor) may have been issued before NOW + 0.5 s.
		this.store.revokeClientTokens("client", NOW.plusMillis(500), NOW.plusSeconds(3600));
		assertThat(this.store.isRevoked("t-1", "client", null, NOW_SECOND)).isTrue();
		assertThat(this.store.isRevoked("t-1", "client", null, NOW_SECOND + 1)).isFalse();
	}

	@Test
	void isRevokedWhenClientSubjectRevokedThenThatPairOnlyWithOrWithoutTokenId() {
		this.store.revokeClientSubjectTokens("client", "user", NOW, NOW.plusSeconds(3600));
		assertThat(this.store.isRevoked(null, "client", "user", NOW_SECOND - 1)).isTrue();
		assertThat(this.store.isRevoked("t-1", "client", "user", NOW_SECOND - 1)).isTrue();
		assertThat(this.store.isRevoked(null, "client", "user", NOW_SECOND)).isFalse();
		assertThat(this.store.isRevoked(null, "other", "user", NOW_SECOND - 1)).isFalse();
		assertThat(this.store.isRevoked(null, "client", "other", NOW_SECOND - 1)).isFalse();
		assertThat(this.store.isRevoked(null, "client", null, NOW_SECOND - 1)).isFalse();
		// The length prefix keeps pairs apart that concatenate alike.
		assertThat(this.store.isRevoked(null, "clientu", "ser", NOW_SECOND - 1)).isFalse();
		assertThat(this.store.entryCount()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(3600));
		assertThat(this.store.removeExpired()).isEqualTo(1);
	}

	@Test
	void ofClientSubjectWhenKeyOutOfBoundsThenRefusedNamingIt() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Revocation.ofClientSubject("", "user", NOW, NOW.plusSeconds(1)))
			.withMessageContaining("clientId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Revocation.ofClientSubject("client", "u".repeat(1025), NOW, NOW.plusSeconds(1)))
			.withMessageContaining("subject");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Revocation(Revocation.Kind.CLIENT_SUBJECT, "clientuser", NOW, NOW.plusSeconds(1)))
			.withMessageContaining("Revocation.clientSubjectKey");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Revocation(Revocation.Kind.CLIENT_SUBJECT, "9:client", NOW, NOW.plusSeconds(1)));
		assertThat(new Revocation(Revocation.Kind.CLIENT_SUBJECT, "6:clientuser", NOW, NOW.plusSeconds(1)))
			.isEqualTo(Revocation.ofClientSubject("client", "user", NOW, NOW.plusSeconds(1)));
	}

	@Test
	void isRevokedWhenSubjectRevokedThenTokensOfThatSubjectIssuedBeforeCutoffRevoked() {
		this.store.revokeSubjectTokens("user", NOW, NOW.plusSeconds(3600));
		assertThat(this.store.isRevoked("t-1", "client", "user", NOW_SECOND - 10)).isTrue();
		assertThat(this.store.isRevoked("t-1", "client", "user", NOW_SECOND + 10)).isFalse();
		assertThat(this.store.isRevoked("t-1", "client", null, NOW_SECOND - 10)).isFalse();
		assertThat(this.store.isRevoked("t-1", "client", "other", NOW_SECOND - 10)).isFalse();
	}

	@Test
	void isRevokedWhenTokenHasNoIssueTimeThenRevokedByAnyCutoff() {
		this.store.revokeSubjectTokens("user", NOW, NOW.plusSeconds(3600));
		assertThat(this.store.isRevoked("t-1", "client", "user", Long.MIN_VALUE)).isTrue();
	}

	@Test
	void isRevokedWhenKeysOfDifferentKindsCoincideThenEachKindMatchesItsOwnClaim() {
		this.store.revokeClientTokens("same", NOW, NOW.plusSeconds(3600));
		assertThat(this.store.isRevoked("same", "client", "same", NOW_SECOND - 1)).isFalse();
	}

	@Test
	void revokeClientTokensWhenRevokedAgainThenLaterCutoffAndLaterExpiryWin() {
		this.store.revokeClientTokens("client", NOW.plusSeconds(100), NOW.plusSeconds(200));
		this.store.revokeClientTokens("client", NOW, NOW.plusSeconds(300));
		assertThat(this.store.entryCount()).isEqualTo(1);
		assertThat(this.store.isRevoked("t", "client", null, NOW_SECOND + 99)).isTrue();
		this.clock.advance(Duration.ofSeconds(250));
		assertThat(this.store.removeExpired()).isZero();
		assertThat(this.store.isRevoked("t", "client", null, NOW_SECOND + 99)).isTrue();
		this.clock.advance(Duration.ofSeconds(50));
		assertThat(this.store.removeExpired()).isEqualTo(1);
		assertThat(this.store.isRevoked("t", "client", null, NOW_SECOND + 99)).isFalse();
	}

	@Test
	void revokeTokenWhenRevokedTwiceThenOneEntry() {
		this.store.revokeToken("t-1", NOW.plusSeconds(60));
		this.store.revokeToken("t-1", NOW.plusSeconds(60));
		this.store.revokeToken("t-1", NOW.plusSeconds(30));
		assertThat(this.store.entryCount()).isEqualTo(1);
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(this.store.removeExpired()).isZero();
		assertThat(this.store.isRevoked("t-1", "c", null, NOW_SECOND)).isTrue();
	}

	@Test
	void removeExpiredWhenTokenWouldHaveExpiredThenEntryRemoved() {
		this.store.revokeToken("t-1", NOW.plusSeconds(60));
		this.store.revokeToken("t-2", NOW.plusSeconds(120));
		this.store.revokeSubjectTokens("user", NOW, NOW.plusSeconds(60));
		this.clock.advance(Duration.ofSeconds(59));
		assertThat(this.store.removeExpired()).isZero();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.store.removeExpired()).isEqualTo(2);
		assertThat(this.store.isRevoked("t-1", "c", "user", NOW_SECOND - 1)).isFalse();
		assertThat(this.store.isRevoked("t-2", "c", null, NOW_SECOND)).isTrue();
		assertThat(this.store.entryCount()).isEqualTo(1);
	}

	@Test
	void revokeWhenEarlierEntriesExpiredThenWriteRemovesThem() {
		this.store.revokeToken("t-1", NOW.plusSeconds(60));
		this.clock.advance(Duration.ofSeconds(60));
		this.store.revokeToken("t-2", NOW.plusSeconds(120));
		assertThat(this.store.entryCount()).isEqualTo(1);
		assertThat(this.store.isRevoked("t-1", "c", null, NOW_SECOND)).isFalse();
	}

	@Test
	void revokeTokenWhenAlreadyExpiredThenNothingKept() {
		this.store.revokeToken("t-1", NOW);
		assertThat(this.store.entryCount()).isZero();
	}

	@Test
	void revokeTokenWhenFullThenRefusedLoudlyAndNothingEvicted() {
		InMemoryRevocationStore small = InMemoryRevocationStore.builder().maxEntries(2).clock(this.clock).build();
		small.revokeToken("t-1", NOW.plusSeconds(90));
		small.revokeSubjectTokens("user", NOW, NOW.plusSeconds(60));
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> small.revokeToken("t-3", NOW.plusSeconds(120)))
			.withMessage("Revocation store full: it holds its maximum of 2 live entries (maxEntries) until the earliest"
					+ " expires at 2026-01-01T00:01:00Z; raise maxEntries or shorten token lifetimes")
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(60)));
		assertThat(small.isRevoked("t-1", "c", null, NOW_SECOND)).isTrue();
		assertThat(small.isRevoked("t-3", "c", null, NOW_SECOND)).isFalse();
		// Re-revoking a key already held needs no room.
		small.revokeToken("t-1", NOW.plusSeconds(100));
		this.clock.advance(Duration.ofSeconds(60));
		small.revokeToken("t-3", NOW.plusSeconds(120));
		assertThat(small.isRevoked("t-3", "c", null, NOW_SECOND)).isTrue();
	}

	@Test
	void replaceAllWhenLoadedThenOnlyNewLiveEntriesHeld() {
		this.store.revokeToken("old", NOW.plusSeconds(60));
		this.store.replaceAll(List.of(Revocation.ofToken("t-1", NOW.plusSeconds(60)),
				Revocation.ofToken("expired", NOW.minusSeconds(1)), Revocation.ofClient("client", NOW, NOW.plusSeconds(60)),
				Revocation.ofClient("client", NOW.minusSeconds(10), NOW.plusSeconds(90))));
		assertThat(this.store.entryCount()).isEqualTo(2);
		assertThat(this.store.isRevoked("old", "c", null, NOW_SECOND)).isFalse();
		assertThat(this.store.isRevoked("t-1", "c", null, NOW_SECOND)).isTrue();
		assertThat(this.store.isRevoked("t", "client", null, NOW_SECOND - 1)).isTrue();
		this.clock.advance(Duration.ofSeconds(60));
		assertThat(this.store.removeExpired()).isEqualTo(1);
		assertThat(this.store.isRevoked("t", "client", null, NOW_SECOND - 1)).isTrue();
	}

	@Test
	void replaceAllWhenMoreThanMaxEntriesThenRefusedAndCurrentEntriesKept() {
		InMemoryRevocationStore small = InMemoryRevocationStore.builder().maxEntries(1).clock(this.clock).build();
		small.revokeToken("kept", NOW.plusSeconds(60));
		assertThatExceptionOfType(RevocationUnavailableException.class).isThrownBy(() -> small.replaceAll(
				List.of(Revocation.ofToken("a", NOW.plusSeconds(60)), Revocation.ofToken("b", NOW.plusSeconds(60)))));
		assertThat(small.isRevoked("kept", "c", null, NOW_SECOND)).isTrue();
		assertThat(small.isRevoked("a", "c", null, NOW_SECOND)).isFalse();
	}

	@Test
	void revokeWhenArgumentsInvalidThenRefusedNamingTheArgument() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.revokeToken(null, NOW))
			.withMessage("tokenId cannot be null or empty");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.revokeToken("t", null))
			.withMessage("expiresAt cannot be null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.revokeClientTokens("", NOW, NOW))
			.withMessage("clientId cannot be null or empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.revokeSubjectTokens("u", NOW, NOW.minusSeconds(1)))
			.withMessage("until cannot be before issuedBefore");
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.revokeSubjectTokens("u", null, NOW))
			.withMessage("issuedBefore cannot be null");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.store.revokeToken("x".repeat(Revocation.MAX_KEY_LENGTH + 1), NOW))
			.withMessage("tokenId cannot be longer than 1024 characters");
		assertThatIllegalArgumentException().isThrownBy(() -> InMemoryRevocationStore.builder().maxEntries(0))
			.withMessage("maxEntries must be positive");
	}

	@Test
	void revocationToStringWhenLoggedThenKeyLeftOut() {
		assertThat(Revocation.ofToken("secret-jti", NOW)).hasToString("Revocation[kind=TOKEN, issuedBefore=null,"
				+ " expiresAt=2026-01-01T00:00:00Z]");
	}

	@Test
	void isRevokedWhenStoreHoldsEveryKindThenLookUpAllocatesNothing() {
		for (int i = 0; i < 1_000; i++) {
			this.store.revokeToken("t-" + i, NOW.plusSeconds(3600));
			this.store.revokeClientTokens("c-" + i, NOW, NOW.plusSeconds(3600));
			this.store.revokeSubjectTokens("u-" + i, NOW, NOW.plusSeconds(3600));
		}
		String tokenId = "not-revoked";
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
			.getThreadMXBean();
		long thread = Thread.currentThread().getId();
		boolean revoked = false;
		for (int i = 0; i < 20_000; i++) {
			revoked |= this.store.isRevoked(tokenId, "client", "user", NOW_SECOND);
		}
		long before = threads.getThreadAllocatedBytes(thread);
		for (int i = 0; i < 100_000; i++) {
			revoked |= this.store.isRevoked(tokenId, "client", "user", NOW_SECOND);
		}
		long allocated = threads.getThreadAllocatedBytes(thread) - before;
		assertThat(revoked).isFalse();
		// Not a timing: the look-up of a String in concurrent hash maps allocates nothing, interpreted or compiled.
		// One object per call would be at least 1.6 MB here; the bound leaves room for the few hundred bytes to
		// a few kilobytes the JVM itself sometimes charges to the thread (compilation, the MXBean's own call).
		assertThat(allocated).isLessThan(16_000);
	}

	@Test
	void isRevokedWhenWritersAndReadersConcurrentThenEveryRevocationSeenOnceWritten() throws Exception {
		int writers = 4;
		int perWriter = 2_000;
		InMemoryRevocationStore shared = InMemoryRevocationStore.builder().maxEntries(writers * perWriter)
			.clock(this.clock)
			.build();
		ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				futures.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < perWriter; i++) {
						String tokenId = "w" + writer + "-" + i;
						shared.revokeToken(tokenId, NOW.plusSeconds(60 + (i % 50)));
						// Once revokeToken returns, every reader sees the revocation.
						assertThat(shared.isRevoked(tokenId, "c", null, NOW_SECOND)).isTrue();
					}
					return null;
				}));
			}
			for (int r = 0; r < 2; r++) {
				futures.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < perWriter * writers; i++) {
						assertThat(shared.isRevoked("never-" + i, "c", null, NOW_SECOND)).isFalse();
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(shared.entryCount()).isEqualTo(writers * perWriter);
		assertThatExceptionOfType(RevocationUnavailableException.class)
			.isThrownBy(() -> shared.revokeToken("one-more", NOW.plusSeconds(60)));
		this.clock.advance(Duration.ofSeconds(110));
		assertThat(shared.removeExpired()).isEqualTo(writers * perWriter);
		assertThat(shared.entryCount()).isZero();
	}

}
