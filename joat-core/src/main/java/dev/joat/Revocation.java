package dev.joat;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a revocation list: a revoked token id, or a client or subject whose tokens issued
 * before a cut-off are revoked, each kept until {@link #expiresAt()}. The value a replicated store
 * sends between nodes and loads in bulk ({@link InMemoryRevocationStore#replaceAll}).
 *
 * @param kind what {@link #key()} names
 * @param key the token's {@code jti}, the client id or the subject; not empty, at most
 * {@value #MAX_KEY_LENGTH} characters
 * @param issuedBefore for {@link Kind#CLIENT} and {@link Kind#SUBJECT}: tokens whose {@code iat} is
 * before it are revoked; {@code null} for {@link Kind#TOKEN}
 * @param expiresAt when the last token this entry revokes expires: the entry is kept until then;
 * not before {@code issuedBefore}
 */
public record Revocation(Kind kind, String key, Instant issuedBefore, Instant expiresAt) {

	/** The longest key accepted, in characters: token ids and client ids are short in practice. */
	public static final int MAX_KEY_LENGTH = 1024;

	/** What a revocation names. */
	public enum Kind {

		/** One token, by its {@code jti}. */
		TOKEN,

		/** Every token issued to a client ({@code client_id}, or PyJOAT's {@code aud}) before a cut-off. */
		CLIENT,

		/** Every token of a user ({@code sub}) issued before a cut-off. */
		SUBJECT

	}

	/**
	 * Checks the components.
	 * @throws IllegalArgumentException naming the component that is missing or out of bounds
	 */
	public Revocation {
		if (kind == null) {
			throw new IllegalArgumentException("kind cannot be null");
		}
		String name = switch (kind) {
			case TOKEN -> "tokenId";
			case CLIENT -> "clientId";
			case SUBJECT -> "subject";
		};
		if (!isRecordable(key)) {
			throw new IllegalArgumentException(name + ((key == null || key.isEmpty()) ? " cannot be null or empty"
					: " cannot be longer than " + MAX_KEY_LENGTH + " characters"));
		}
		if (expiresAt == null) {
			throw new IllegalArgumentException(((kind == Kind.TOKEN) ? "expiresAt" : "until") + " cannot be null");
		}
		if (kind == Kind.TOKEN) {
			if (issuedBefore != null) {
				throw new IllegalArgumentException("issuedBefore applies to client and subject revocations only");
			}
		}
		else {
			if (issuedBefore == null) {
				throw new IllegalArgumentException("issuedBefore cannot be null");
			}
			if (expiresAt.isBefore(issuedBefore)) {
				throw new IllegalArgumentException("until cannot be before issuedBefore");
			}
		}
	}

	/**
	 * The revocation of one token.
	 * @param tokenId the token's {@code jti}
	 * @param expiresAt the token's {@code exp}
	 * @return the entry
	 */
	public static Revocation ofToken(String tokenId, Instant expiresAt) {
		return new Revocation(Kind.TOKEN, tokenId, null, expiresAt);
	}

	/**
	 * The revocation of every token issued to a client before a cut-off.
	 * @param clientId the client
	 * @param issuedBefore the cut-off
	 * @param until when the last such token expires
	 * @return the entry
	 */
	public static Revocation ofClient(String clientId, Instant issuedBefore, Instant until) {
		return new Revocation(Kind.CLIENT, clientId, issuedBefore, until);
	}

	/**
	 * The revocation of every token of a user issued before a cut-off.
	 * @param subject the user ({@code sub})
	 * @param issuedBefore the cut-off
	 * @param until when the last such token expires
	 * @return the entry
	 */
	public static Revocation ofSubject(String subject, Instant issuedBefore, Instant until) {
		return new Revocation(Kind.SUBJECT, subject, issuedBefore, until);
	}

	/**
	 * The rule of a revocation's key, which the parser also applies to a token's {@code jti},
	 * client id and {@code sub} when it checks revocation.
	 * @param key a token id, client id or subject
	 * @return {@code true} when it has 1 to {@value #MAX_KEY_LENGTH} characters
	 */
	static boolean isRecordable(String key) {
		return key != null && !key.isEmpty() && key.length() <= MAX_KEY_LENGTH;
	}

	/**
	 * Whether this entry is forgotten at {@code now}: the tokens it revokes have all expired.
	 * @param now the current time
	 * @return {@code true} when {@link #expiresAt()} is not after {@code now}
	 */
	public boolean isExpired(Instant now) {
		return !this.expiresAt.isAfter(now);
	}

	/**
	 * The entry's kind and times; the key is left out, as it names a token, client or user.
	 * @return a description safe to log
	 */
	@Override
	public String toString() {
		return "Revocation[kind=" + this.kind + ", issuedBefore=" + this.issuedBefore + ", expiresAt=" + this.expiresAt
				+ "]";
	}

}
