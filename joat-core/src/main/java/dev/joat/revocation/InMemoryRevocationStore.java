package dev.joat.revocation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A revocation store and list in this JVM's memory, for a single node, or as the local replica of
 * a shared store (a replica loads it with {@link #replaceAll(Collection)} and applies each change
 * with {@link #revoke(Revocation)}).
 *
 * <pre>{@code
 * InMemoryRevocationStore revocations = InMemoryRevocationStore.builder().build();
 * TokenParser parser = TokenParser.builder(SecretResolver.of(secret)).revocationList(revocations).build();
 * revocations.revokeToken(credentials.tokenId(), credentials.expiresAt());
 * }</pre>
 *
 * <p>Bounded: it holds at most {@link Builder#maxEntries(int) maxEntries} live entries (one per
 * revoked token id, client, subject, or subject of one client). An entry is removed once the tokens it revokes have
 * expired anyway: at the latest by the next write or {@link #removeExpired()} after its expiry
 * (call that periodically when writes are rare, to give the memory back). When the store is full of
 * live entries, a new revocation is refused with {@link RevocationUnavailableException}, never
 * dropped silently and never evicting another one.
 *
 * <p>Thread-safe. {@link #isRevoked} reads concurrent hash maps without locking or allocating;
 * writes are serialized (revocations are rare next to verifications).
 */
public final class InMemoryRevocationStore implements RevocationStore, RevocationList {

	private final int maxEntries;

	private final Clock clock;

	/** Guards every write; readers never take it. */
	private final Object lock = new Object();

	/** Replaced whole by {@link #replaceAll(Collection)}; otherwise written under {@link #lock}. */
	private volatile Tables tables = new Tables();

	private InMemoryRevocationStore(Builder builder) {
		this.maxEntries = builder.maxEntries;
		this.clock = builder.clock;
	}

	/**
	 * Starts a store.
	 * @return a builder with the defaults described on its methods
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public boolean isRevoked(String tokenId, String clientId, String subject, long issuedAtEpochSecond) {
		Tables tables = this.tables;
		if (tokenId != null && tables.tokens.containsKey(tokenId)) {
			return true;
		}
		if (!tables.clients.isEmpty()) {
			Cutoff cutoff = tables.clients.get(clientId);
			if (cutoff != null && issuedAtEpochSecond < cutoff.issuedBeforeSecond) {
				return true;
			}
		}
		if (subject == null) {
			return false;
		}
		if (!tables.subjects.isEmpty()) {
			Cutoff cutoff = tables.subjects.get(subject);
			if (cutoff != null && issuedAtEpochSecond < cutoff.issuedBeforeSecond) {
				return true;
			}
		}
		if (!tables.clientSubjects.isEmpty()) {
			// The only look-up that builds a key; it runs only while some pair is revoked.
			Cutoff cutoff = tables.clientSubjects.get(Revocation.clientSubjectKey(clientId, subject));
			return cutoff != null && issuedAtEpochSecond < cutoff.issuedBeforeSecond;
		}
		return false;
	}

	/**
	 * The number of entries held now, expired ones not yet removed included.
	 * @return the entry count
	 */
	@Override
	public int entryCount() {
		Tables tables = this.tables;
		return tables.tokens.size() + tables.clients.size() + tables.subjects.size() + tables.clientSubjects.size();
	}

	/**
	 * The most entries this store holds.
	 * @return the bound set on the builder
	 */
	public int maxEntries() {
		return this.maxEntries;
	}

	/**
	 * Records one revocation; an entry that has already expired is ignored. Idempotent: for a key
	 * already held, the later cut-off and the later expiry win.
	 * @param revocation the entry
	 * @throws RevocationUnavailableException when the store holds {@code maxEntries} live entries
	 * and this one names a new key
	 */
	@Override
	public void revoke(Revocation revocation) {
		Objects.requireNonNull(revocation, "revocation cannot be null");
		synchronized (this.lock) {
			long now = this.clock.millis();
			Tables tables = this.tables;
			tables.removeExpired(now);
			tables.add(revocation, now, this.maxEntries);
		}
	}

	/**
	 * Replaces every entry with {@code revocations} at once, as a replica does when it loads or
	 * resynchronizes the shared list: readers see the old entries or the new ones, never a mix.
	 * Expired entries are skipped; entries with the same kind and key are merged as
	 * {@link #revoke(Revocation)} merges them.
	 * @param revocations the complete list
	 * @throws RevocationUnavailableException when they hold more than {@code maxEntries} live
	 * entries; the store then keeps its current entries
	 */
	public void replaceAll(Collection<Revocation> revocations) {
		Objects.requireNonNull(revocations, "revocations cannot be null");
		synchronized (this.lock) {
			long now = this.clock.millis();
			Tables replacement = new Tables();
			for (Revocation revocation : revocations) {
				replacement.add(Objects.requireNonNull(revocation, "revocations cannot contain null"), now, this.maxEntries);
			}
			this.tables = replacement;
		}
	}

	/**
	 * A snapshot of the live entries, one per revoked token id, client and subject (entries merged
	 * by {@link #revoke(Revocation)} as one, a cut-off rounded up to whole seconds), for a replica
	 * that compares its copy with the shared store.
	 * @return the entries not expired now, in no particular order
	 */
	public List<Revocation> entries() {
		synchronized (this.lock) {
			long now = this.clock.millis();
			Tables tables = this.tables;
			List<Revocation> entries = new ArrayList<>(tables.expiries.size());
			for (Expiry expiry : tables.expiries.tailSet(new Expiry(now + 1, Revocation.Kind.TOKEN, ""))) {
				Instant until = Instant.ofEpochMilli(expiry.atMillis());
				Revocation.Kind kind = expiry.kind();
				entries.add((kind == Revocation.Kind.TOKEN) ? Revocation.ofToken(expiry.key(), until)
						: new Revocation(kind, expiry.key(), cutoff(tables.cutoffs(kind).get(expiry.key()), until), until));
			}
			return entries;
		}
	}

	/** A cut-off as an instant, never after the entry's expiry (a cut-off rounded up may pass it). */
	private static Instant cutoff(Cutoff cutoff, Instant until) {
		Instant issuedBefore = Instant.ofEpochSecond(cutoff.issuedBeforeSecond);
		return issuedBefore.isAfter(until) ? until : issuedBefore;
	}

	/**
	 * Removes every entry whose tokens have all expired.
	 * @return how many entries were removed
	 */
	public int removeExpired() {
		synchronized (this.lock) {
			return this.tables.removeExpired(this.clock.millis());
		}
	}

	/** A client's or subject's cut-off: {@code iat} before {@code issuedBeforeSecond} is revoked. */
	private record Cutoff(long issuedBeforeSecond, long untilMillis) {
	}

	/** When an entry may be forgotten; ordered by time, then kind and key, so each entry has one. */
	private record Expiry(long atMillis, Revocation.Kind kind, String key) {

		static final Comparator<Expiry> ORDER = Comparator.comparingLong(Expiry::atMillis)
			.thenComparing(Expiry::kind)
			.thenComparing(Expiry::key);

	}

	/** The entries: maps read lock-free, and the expiry order written and read under the lock. */
	private static final class Tables {

		/** Revoked token ids, to the time their entry expires (epoch millis). */
		final ConcurrentHashMap<String, Long> tokens = new ConcurrentHashMap<>();

		final ConcurrentHashMap<String, Cutoff> clients = new ConcurrentHashMap<>();

		final ConcurrentHashMap<String, Cutoff> subjects = new ConcurrentHashMap<>();

		/** Keyed by {@link Revocation#clientSubjectKey}. */
		final ConcurrentHashMap<String, Cutoff> clientSubjects = new ConcurrentHashMap<>();

		/** One element per entry of the four maps. */
		final TreeSet<Expiry> expiries = new TreeSet<>(Expiry.ORDER);

		void add(Revocation revocation, long nowMillis, int maxEntries) {
			long until = revocation.expiresAt().toEpochMilli();
			if (until <= nowMillis) {
				return;
			}
			Revocation.Kind kind = revocation.kind();
			String key = revocation.key();
			if (kind == Revocation.Kind.TOKEN) {
				Long held = this.tokens.get(key);
				if (held == null) {
					ensureRoom(maxEntries, nowMillis);
				}
				else if (held >= until) {
					return;
				}
				else {
					this.expiries.remove(new Expiry(held, kind, key));
				}
				this.tokens.put(key, until);
			}
			else {
				ConcurrentHashMap<String, Cutoff> cutoffs = cutoffs(kind);
				long issuedBefore = ceilingSecond(revocation.issuedBefore());
				Cutoff held = cutoffs.get(key);
				if (held == null) {
					ensureRoom(maxEntries, nowMillis);
				}
				else {
					if (held.issuedBeforeSecond >= issuedBefore && held.untilMillis >= until) {
						return;
					}
					issuedBefore = Math.max(issuedBefore, held.issuedBeforeSecond);
					this.expiries.remove(new Expiry(held.untilMillis, kind, key));
					until = Math.max(until, held.untilMillis);
				}
				cutoffs.put(key, new Cutoff(issuedBefore, until));
			}
			this.expiries.add(new Expiry(until, kind, key));
		}

		int removeExpired(long nowMillis) {
			int removed = 0;
			while (!this.expiries.isEmpty() && this.expiries.first().atMillis() <= nowMillis) {
				Expiry expiry = this.expiries.pollFirst();
				switch (expiry.kind()) {
					case TOKEN -> this.tokens.remove(expiry.key());
					default -> cutoffs(expiry.kind()).remove(expiry.key());
				}
				removed++;
			}
			return removed;
		}

		private ConcurrentHashMap<String, Cutoff> cutoffs(Revocation.Kind kind) {
			return switch (kind) {
				case CLIENT -> this.clients;
				case SUBJECT -> this.subjects;
				case CLIENT_SUBJECT -> this.clientSubjects;
				case TOKEN -> throw new IllegalArgumentException("a token revocation has no cut-off");
			};
		}

		private void ensureRoom(int maxEntries, long nowMillis) {
			if (this.expiries.size() < maxEntries) {
				return;
			}
			long earliest = this.expiries.first().atMillis();
			throw new RevocationUnavailableException("Revocation store full: it holds its maximum of " + maxEntries
					+ " live entries (maxEntries) until the earliest expires at " + Instant.ofEpochMilli(earliest)
					+ "; raise maxEntries or shorten token lifetimes", Duration.ofMillis(Math.max(1, earliest - nowMillis)));
		}

		/** {@code iat} is whole seconds: {@code iat < ceil(instant)} is {@code iat < instant}. */
		private static long ceilingSecond(Instant instant) {
			return instant.getEpochSecond() + ((instant.getNano() > 0) ? 1 : 0);
		}

	}

	/**
	 * Configures an {@link InMemoryRevocationStore}. Not thread-safe; the store it builds is.
	 */
	public static final class Builder {

		/** The default bound on live entries. */
		public static final int DEFAULT_MAX_ENTRIES = 100_000;

		private int maxEntries = DEFAULT_MAX_ENTRIES;

		private Clock clock = Clock.systemUTC();

		private Builder() {
		}

		/**
		 * The most live entries held; {@value #DEFAULT_MAX_ENTRIES} by default. A new revocation
		 * beyond it is refused ({@link RevocationUnavailableException}) until entries expire.
		 * @param maxEntries a positive bound
		 * @return this builder
		 */
		public Builder maxEntries(int maxEntries) {
			if (maxEntries <= 0) {
				throw new IllegalArgumentException("maxEntries must be positive");
			}
			this.maxEntries = maxEntries;
			return this;
		}

		/**
		 * The clock that says when entries expire; {@link Clock#systemUTC()} by default.
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(Clock clock) {
			this.clock = Objects.requireNonNull(clock, "clock cannot be null");
			return this;
		}

		/**
		 * Builds the store, empty.
		 * @return a thread-safe store
		 */
		public InMemoryRevocationStore build() {
			return new InMemoryRevocationStore(this);
		}

	}

}
