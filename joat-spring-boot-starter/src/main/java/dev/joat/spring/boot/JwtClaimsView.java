package dev.joat.spring.boot;

import java.time.Instant;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

import dev.joat.Credentials;

/**
 * A verified token's claims as Spring's decoders present them, without a copy: {@code exp},
 * {@code iat} and {@code nbf} as {@link Instant}s, a single {@code aud} as a one-element list, and
 * the client id as {@code sub} when the token has no {@code sub} (RFC 9068 §2.2). Spring's
 * {@code Jwt} copies its claims into a map of its own, so this view is what it copies from; it is
 * read-only and built for one token.
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

	private final class Entries extends AbstractSet<Entry<String, Object>> {

		@Override
		public int size() {
			return JwtClaimsView.this.size();
		}

		@Override
		public Iterator<Entry<String, Object>> iterator() {
			Iterator<Entry<String, Object>> claims = JwtClaimsView.this.credentials.claims().entrySet().iterator();
			return new Iterator<>() {

				private boolean subjectAdded = !JwtClaimsView.this.addsSubject;

				@Override
				public boolean hasNext() {
					return claims.hasNext() || !this.subjectAdded;
				}

				@Override
				public Entry<String, Object> next() {
					if (claims.hasNext()) {
						Entry<String, Object> claim = claims.next();
						return new SimpleImmutableEntry<>(claim.getKey(), springValue(claim.getKey(), claim.getValue()));
					}
					if (!this.subjectAdded) {
						this.subjectAdded = true;
						return new SimpleImmutableEntry<>("sub", JwtClaimsView.this.credentials.clientId());
					}
					throw new NoSuchElementException();
				}

			};
		}

	}

}
