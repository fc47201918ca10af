package dev.joat.revocation.redis;

import java.time.Instant;
import java.util.Objects;

import dev.joat.revocation.Revocation;
import org.jspecify.annotations.Nullable;

/**
 * The one place that knows how a {@link Revocation} is written as a Redis key, and back. An entry
 * is entirely in its key, so that loading the list is a {@code SCAN} with no further read, and the
 * change message published on the channel is that same key:
 * <ul>
 * <li>{@code <prefix>t:<expiresAtMillis>:<jti>}</li>
 * <li>{@code <prefix>c:<untilMillis>:<issuedBeforeMillis>:<clientId>}</li>
 * <li>{@code <prefix>s:<untilMillis>:<issuedBeforeMillis>:<subject>}</li>
 * <li>{@code <prefix>p:<untilMillis>:<issuedBeforeMillis>:<clientIdLength>:<clientId><subject>}, the
 * pair as {@link Revocation#clientSubjectKey} writes it</li>
 * </ul>
 * The id comes last, so it may contain any character, {@code :} included. Revoking a key twice with
 * other times writes a second key; readers merge them (the later cut-off and expiry win), so no
 * read-modify-write is ever needed in Redis. Immutable and thread-safe.
 */
final class RevocationKeys {

	private final String prefix;

	RevocationKeys(String prefix) {
		this.prefix = Objects.requireNonNull(prefix, "prefix cannot be null");
	}

	String prefix() {
		return this.prefix;
	}

	/**
	 * The canary key {@link RevocationRestorer} watches: {@code <prefix>canary}, which no entry's key
	 * and no {@link #scanPattern() scan} matches.
	 */
	String canaryKey() {
		return this.prefix + "canary";
	}

	/** The {@code SCAN MATCH} pattern of every entry: the prefix, glob characters escaped, then {@code *}. */
	String scanPattern() {
		StringBuilder pattern = new StringBuilder(this.prefix.length() + 8);
		for (int i = 0; i < this.prefix.length(); i++) {
			char c = this.prefix.charAt(i);
			if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
				pattern.append('\\');
			}
			pattern.append(c);
		}
		return pattern.append("[tcsp]:*").toString();
	}

	String key(Revocation revocation) {
		StringBuilder key = new StringBuilder(this.prefix.length() + revocation.key().length() + 32).append(this.prefix);
		switch (revocation.kind()) {
			case TOKEN -> key.append("t:");
			case CLIENT -> key.append("c:");
			case SUBJECT -> key.append("s:");
			case CLIENT_SUBJECT -> key.append("p:");
		}
		key.append(revocation.expiresAt().toEpochMilli()).append(':');
		if (revocation.issuedBefore() != null) {
			key.append(revocation.issuedBefore().toEpochMilli()).append(':');
		}
		return key.append(revocation.key()).toString();
	}

	/**
	 * Reads a key back.
	 * @param key a key from {@code SCAN} or a change message
	 * @return the entry, or {@code null} when {@code key} is not one this class writes
	 */
	@Nullable Revocation parse(String key) {
		if (!key.startsWith(this.prefix) || key.length() < this.prefix.length() + 4
				|| key.charAt(this.prefix.length() + 1) != ':') {
			return null;
		}
		char kind = key.charAt(this.prefix.length());
		int at = this.prefix.length() + 2;
		try {
			int end = key.indexOf(':', at);
			if (end < 0) {
				return null;
			}
			Instant expiresAt = Instant.ofEpochMilli(Long.parseLong(key, at, end, 10));
			if (kind == 't') {
				return Revocation.ofToken(key.substring(end + 1), expiresAt);
			}
			if (kind != 'c' && kind != 's' && kind != 'p') {
				return null;
			}
			at = end + 1;
			end = key.indexOf(':', at);
			if (end < 0) {
				return null;
			}
			Instant issuedBefore = Instant.ofEpochMilli(Long.parseLong(key, at, end, 10));
			String id = key.substring(end + 1);
			return switch (kind) {
				case 'c' -> Revocation.ofClient(id, issuedBefore, expiresAt);
				case 's' -> Revocation.ofSubject(id, issuedBefore, expiresAt);
				default -> new Revocation(Revocation.Kind.CLIENT_SUBJECT, id, issuedBefore, expiresAt);
			};
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			return null;
		}
	}

}
