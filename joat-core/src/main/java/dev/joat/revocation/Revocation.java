package dev.joat.revocation;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a revocation list: a revoked token id, or a client, a subject, or one subject of one
 * client, whose tokens issued before a cut-off are revoked, each kept until {@link #expiresAt()}. The value a replicated store
 * sends between nodes and loads in bulk ({@link InMemoryRevocationStore#replaceAll}).
 *
 * @param kind what {@link #key()} names
 * @param key the token's {@code jti}, the client id or the subject, each not empty and at most
 * {@value #MAX_KEY_LENGTH} characters; for {@link Kind#CLIENT_SUBJECT} the pair as
 * {@link #clientSubjectKey(String, String)} writes it
 * @param issuedBefore for {@link Kind#CLIENT}, {@link Kind#SUBJECT} and {@link Kind#CLIENT_SUBJECT}:
 * tokens whose {@code iat} is before it are revoked; {@code null} for {@link Kind#TOKEN}
 * @param expiresAt when the last token this entry revokes expires: the entry is kept until then;
 * not before {@code issuedBefore}
 */
public record Revocation(Kind kind, String key, @Nullable Instant issuedBefore, Instant expiresAt) {

	/** The longest key accepted, in characters: token ids and client ids are short in practice. */
	public static final int MAX_KEY_LENGTH = 1024;

	/** What a revocation names. */
	public enum Kind {

		/** One token, by its {@code jti}. */
		TOKEN,

		/** Every token issued to a client ({@code client_id}, or PyJOAT's {@code aud}) before a cut-off. */
		CLIENT,

		/** Every token of a user ({@code sub}) issued before a cut-off. */
		SUBJECT,

		/**
		 * Every token of one user ({@code sub}) issued to one client before a cut-off: the narrowest
		 * cut-off that covers a token without {@code jti}.
		 */
		CLIENT_SUBJECT

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
			case CLIENT_SUBJECT -> "clientId and subject";
		};
		if (kind == Kind.CLIENT_SUBJECT) {
			if (key == null || !isClientSubjectKey(key)) {
				throw new IllegalArgumentException(
						"key of a CLIENT_SUBJECT revocation must be written by Revocation.clientSubjectKey");
			}
		}
		else if (!isRecordable(key)) {
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
	 * The revocation of every token of a user issued to one client before a cut-off; this is how a
	 * token without {@code jti} is revoked, by a cut-off just after its {@code iat}.
	 * @param clientId the client
	 * @param subject the user ({@code sub})
	 * @param issuedBefore the cut-off
	 * @param until when the last such token expires
	 * @return the entry
	 * @throws IllegalArgumentException when an argument is {@code null} or out of bounds
	 */
	public static Revocation ofClientSubject(String clientId, String subject, Instant issuedBefore, Instant until) {
		if (!isRecordable(clientId)) {
			throw new IllegalArgumentException("clientId cannot be null, empty or longer than " + MAX_KEY_LENGTH
					+ " characters");
		}
		if (!isRecordable(subject)) {
			throw new IllegalArgumentException("subject cannot be null, empty or longer than " + MAX_KEY_LENGTH
					+ " characters");
		}
		return new Revocation(Kind.CLIENT_SUBJECT, clientSubjectKey(clientId, subject), issuedBefore, until);
	}

	/**
	 * The key of a {@link Kind#CLIENT_SUBJECT} entry: the client id's length in decimal, {@code :},
	 * the client id, then the subject. The length makes the pair unambiguous whatever characters
	 * either holds.
	 * @param clientId the client, 1 to {@value #MAX_KEY_LENGTH} characters
	 * @param subject the subject, 1 to {@value #MAX_KEY_LENGTH} characters
	 * @return the key
	 */
	public static String clientSubjectKey(String clientId, String subject) {
		return new StringBuilder(clientId.length() + subject.length() + 5).append(clientId.length())
			.append(':')
			.append(clientId)
			.append(subject)
			.toString();
	}

	/** Whether {@code key} is one that {@link #clientSubjectKey} writes. */
	private static boolean isClientSubjectKey(String key) {
		int colon = key.indexOf(':');
		if (colon < 1 || colon > 4 || (colon > 1 && key.charAt(0) == '0')) {
			return false;
		}
		int clientLength = 0;
		for (int i = 0; i < colon; i++) {
			char c = key.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
			clientLength = clientLength * 10 + (c - '0');
		}
		int subjectStart = colon + 1 + clientLength;
		return clientLength >= 1 && clientLength <= MAX_KEY_LENGTH && subjectStart < key.length()
				&& key.length() - subjectStart <= MAX_KEY_LENGTH;
	}

	/**
	 * The rule of a revocation's key, which the parser also applies to a token's {@code jti},
	 * client id and {@code sub} when it checks revocation.
	 * @param key a token id, client id or subject
	 * @return {@code true} when it has 1 to {@value #MAX_KEY_LENGTH} characters
	 */
	public static boolean isRecordable(@Nullable String key) {
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
