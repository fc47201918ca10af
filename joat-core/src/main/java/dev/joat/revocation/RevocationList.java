package dev.joat.revocation;

import org.jspecify.annotations.Nullable;

/**
 * The read side of token revocation: says whether a verified token has been withdrawn before it
 * expires. A {@link dev.joat.TokenParser} built with {@link dev.joat.TokenParser.Builder#revocationList(RevocationList)}
 * consults it as the last step of every verification, after the signature and the claims have been
 * checked, so it only ever sees tokens that are otherwise valid.
 *
 * <p>A token is revoked when any of these holds:
 * <ul>
 * <li>its {@code jti} was revoked ({@link RevocationStore#revokeToken});</li>
 * <li>its client ({@code client_id}, or PyJOAT's {@code aud}) had every token issued before an
 * instant revoked ({@link RevocationStore#revokeClientTokens}) and the token's {@code iat} is before
 * that instant;</li>
 * <li>the same for its subject ({@code sub}, {@link RevocationStore#revokeSubjectTokens});</li>
 * <li>the same for its subject as a user of its client
 * ({@link RevocationStore#revokeClientSubjectTokens}).</li>
 * </ul>
 *
 * <p>A token without {@code jti} (PyJOAT writes one only when asked to) is checked against every
 * cut-off that applies to it; it cannot be revoked on its own, only by a cut-off.
 *
 * <p>The call is on the hot path of every request: implementations answer from memory, with no
 * I/O, no lock contended by readers and no allocation. A list that mirrors a remote store (see
 * {@link RevocationReplica}) and cannot confirm its data is fresh throws
 * {@link RevocationUnavailableException} instead of answering: the token may be valid, so that is
 * not a refusal of the token. Implementations are thread-safe.
 */
public interface RevocationList {

	/**
	 * Whether the token with these claims is revoked.
	 * @param tokenId the token's {@code jti}, or {@code null} when it has none
	 * @param clientId the client the token was issued to ({@link dev.joat.Credentials#clientId()}), never
	 * {@code null}
	 * @param subject the token's {@code sub}, or {@code null} when it has none
	 * @param issuedAtEpochSecond the token's {@code iat} in seconds since the epoch, or
	 * {@link Long#MIN_VALUE} when it has none: such a token counts as issued before every cut-off
	 * @return {@code true} when the token must be refused as revoked
	 * @throws RevocationUnavailableException when the list cannot answer now (its data may be
	 * stale); never for a token that is simply not revoked
	 */
	boolean isRevoked(@Nullable String tokenId, String clientId, @Nullable String subject, long issuedAtEpochSecond);

	/**
	 * How many entries (revoked token ids, client and subject cut-offs) the list holds now, for
	 * monitoring; a list that cannot count cheaply answers {@code -1}, as this default does.
	 * @return the number of live entries, or {@code -1} when unknown
	 */
	default int entryCount() {
		return -1;
	}

}
