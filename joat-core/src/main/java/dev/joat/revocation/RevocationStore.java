package dev.joat.revocation;

import java.time.Instant;

/**
 * The write side of token revocation: records that tokens are withdrawn before they expire, so that
 * every {@link RevocationList} fed by this store refuses them.
 *
 * <p>Every entry is bounded in time: it names when the last token it revokes expires anyway, and
 * the store may forget it from then on. An expiry earlier than the token's own {@code exp} lets the
 * token back in once the entry is forgotten: pass the token's {@code exp} (or, for a client or
 * subject, the issue cut-off plus the longest token lifetime).
 *
 * <p>All methods are idempotent (revoking twice is revoking once; for a client or subject the later
 * cut-off and the later expiry win) and thread-safe. When a revocation cannot be recorded now (a
 * bounded store is full, the backend is unreachable) they throw {@link RevocationUnavailableException}
 * and record nothing: a revocation is never dropped silently.
 */
public interface RevocationStore {

	/**
	 * Revokes the token whose {@code jti} is {@code tokenId}.
	 * @param tokenId the token's {@code jti}; not empty, at most {@value Revocation#MAX_KEY_LENGTH}
	 * characters
	 * @param expiresAt the token's {@code exp}: the entry is kept until then
	 * @throws IllegalArgumentException when an argument is {@code null} or out of bounds
	 * @throws RevocationUnavailableException when the revocation cannot be recorded now
	 */
	default void revokeToken(String tokenId, Instant expiresAt) {
		revoke(Revocation.ofToken(tokenId, expiresAt));
	}

	/**
	 * Revokes every token issued to {@code clientId} before {@code issuedBefore}; tokens issued from
	 * then on are accepted.
	 * @param clientId the client ({@code client_id}, or PyJOAT's {@code aud}); not empty, at most
	 * {@value Revocation#MAX_KEY_LENGTH} characters
	 * @param issuedBefore the cut-off: a token whose {@code iat} is before it is revoked
	 * @param until when the last token issued before the cut-off expires: the entry is kept until then
	 * @throws IllegalArgumentException when an argument is {@code null} or out of bounds, or
	 * {@code until} is before {@code issuedBefore}
	 * @throws RevocationUnavailableException when the revocation cannot be recorded now
	 */
	default void revokeClientTokens(String clientId, Instant issuedBefore, Instant until) {
		revoke(Revocation.ofClient(clientId, issuedBefore, until));
	}

	/**
	 * Revokes every token of the user {@code subject} ({@code sub}) issued before
	 * {@code issuedBefore}; tokens issued from then on are accepted.
	 * @param subject the token's {@code sub}; not empty, at most {@value Revocation#MAX_KEY_LENGTH}
	 * characters
	 * @param issuedBefore the cut-off: a token whose {@code iat} is before it is revoked
	 * @param until when the last token issued before the cut-off expires: the entry is kept until then
	 * @throws IllegalArgumentException when an argument is {@code null} or out of bounds, or
	 * {@code until} is before {@code issuedBefore}
	 * @throws RevocationUnavailableException when the revocation cannot be recorded now
	 */
	default void revokeSubjectTokens(String subject, Instant issuedBefore, Instant until) {
		revoke(Revocation.ofSubject(subject, issuedBefore, until));
	}

	/**
	 * Revokes every token of the user {@code subject} issued to the client {@code clientId} before
	 * {@code issuedBefore}: the narrowest cut-off that covers a token without {@code jti}, which
	 * cannot be revoked on its own. A cut-off one second after the token's {@code iat} revokes it,
	 * and with it every other token of that user and client issued in or before that second.
	 * @param clientId the client ({@code client_id}, or PyJOAT's {@code aud}); not empty, at most
	 * {@value Revocation#MAX_KEY_LENGTH} characters
	 * @param subject the token's {@code sub}; not empty, at most {@value Revocation#MAX_KEY_LENGTH}
	 * characters
	 * @param issuedBefore the cut-off: a token whose {@code iat} is before it is revoked
	 * @param until when the last token issued before the cut-off expires: the entry is kept until then
	 * @throws IllegalArgumentException when an argument is {@code null} or out of bounds, or
	 * {@code until} is before {@code issuedBefore}
	 * @throws RevocationUnavailableException when the revocation cannot be recorded now
	 */
	default void revokeClientSubjectTokens(String clientId, String subject, Instant issuedBefore, Instant until) {
		revoke(Revocation.ofClientSubject(clientId, subject, issuedBefore, until));
	}

	/**
	 * Records one revocation, already checked (see {@link Revocation#ofToken},
	 * {@link Revocation#ofClient}, {@link Revocation#ofSubject}, {@link Revocation#ofClientSubject}). The
	 * four methods above build the
	 * entry and call this one: an implementation implements this method only.
	 * @param revocation the entry
	 * @throws NullPointerException when {@code revocation} is {@code null}
	 * @throws RevocationUnavailableException when the revocation cannot be recorded now
	 */
	void revoke(Revocation revocation);

}
