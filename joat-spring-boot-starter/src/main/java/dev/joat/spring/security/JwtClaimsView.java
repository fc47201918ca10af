package dev.joat.spring.security;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

import dev.joat.Credentials;

/**
 * A verified token's claims as Spring's decoders present them, without a copy: {@code exp},
 * {@code iat} and {@code nbf} as {@link Instant}s, a single {@code aud} as a one-element list, and
 * the client id as {@code sub} when the token has no {@code sub} (RFC 9068 §2.2). Spring's
 * {@code Jwt} copies its claims into a map of its own, so this view is what it copies from; it is
 * read-only, built for one token, and its entries are only valid until the iteration moves on
 * (see {@link Entries}): hand it to nothing else.
 */
final class JwtClaimsView extends AbstractMap<String, Object> {

	private final Credentials credentials;

	private final boolean addsSubject;

	private Set<Entry<String, Object>> entrySet;

	JwtClaimsView(Credentials credentials) {
		this.credentials = credentials;
		this.addsSubject = credentials.userId() == null;
	}

	@Override
	public int size() {
		return this.credentials.claims().size() + (this.addsSubject ? 1 : 0);
	}

	@Override
	public Set<Entry<String, Object>> entrySet() {
		if (this.entrySet == null) {
			this.entrySet = new Entries();
		}
		return this.entrySet;
	}

	/** The value Spring's decoders give claim {@code name} whose JSON value is {@code value}. */
	private Object springValue(String name, Object value) {
		switch (name) {
			case "exp":
				return this.credentials.expiresAt();
			case "iat":
				return this.credentials.issuedAt();
			case "nbf":
				return (value instanceof Long seconds) ? Instant.ofEpochSecond(seconds) : value;
			case "aud":
				return (value instanceof String audience) ? List.of(audience) : value;
			default:
				return value;
		}
	}

	/**
	 * The claims in token order, {@code sub} last when added. To spare an entry per claim, the
	 * iterator answers one entry that each {@code next()} refills: read it before the next call,
	 * as the copy constructors of {@code HashMap} and {@code LinkedHashMap} (which {@code Jwt}'s
	 * constructor uses) do; never keep it.
	 */
	private final class Entries extends AbstractSet<Entry<String, Object>> {

		@Override
		public int size() {
			return JwtClaimsView.this.size();
		}

		@Override
		public Iterator<Entry<String, Object>> iterator() {
			return new Refilled(JwtClaimsView.this.credentials.claims().entrySet().iterator());
		}

	}

	/** An iterator over the claims that is also the one entry it answers. */
	private final class Refilled implements Iterator<Entry<String, Object>>, Entry<String, Object> {

		private final Iterator<Entry<String, Object>> claims;

		private boolean subjectAdded = !JwtClaimsView.this.addsSubject;

		private String name;

		private Object value;

		Refilled(Iterator<Entry<String, Object>> claims) {
			this.claims = claims;
		}

		@Override
		public boolean hasNext() {
			return this.claims.hasNext() || !this.subjectAdded;
		}

		@Override
		public Entry<String, Object> next() {
			if (this.claims.hasNext()) {
				Entry<String, Object> claim = this.claims.next();
				this.name = claim.getKey();
				this.value = springValue(this.name, claim.getValue());
				return this;
			}
			if (!this.subjectAdded) {
				this.subjectAdded = true;
				this.name = "sub";
				this.value = JwtClaimsView.this.credentials.clientId();
				return this;
			}
			throw new NoSuchElementException();
		}

		@Override
		public String getKey() {
			return this.name;
		}

		@Override
		public Object getValue() {
			return this.value;
		}

		@Override
		public Object setValue(Object value) {
			throw new UnsupportedOperationException("read-only");
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof Entry<?, ?> entry) && Objects.equals(this.name, entry.getKey())
					&& Objects.equals(this.value, entry.getValue());
		}

		@Override
		public int hashCode() {
			return Objects.hashCode(this.name) ^ Objects.hashCode(this.value);
		}

		@Override
		public String toString() {
			return this.name + "=" + this.value;
		}

	}

}
