/**
 * Token revocation, the SPI a {@link dev.joat.TokenParser} consults as the last step of every
 * verification: a parser given a {@link dev.joat.revocation.RevocationList} refuses revoked tokens,
 * a {@link dev.joat.revocation.RevocationStore} records {@link dev.joat.revocation.Revocation}s,
 * {@link dev.joat.revocation.InMemoryRevocationStore} is both for a single node, and
 * {@link dev.joat.revocation.RevocationReplica} bounds the staleness of a replicated list. A list that
 * cannot answer throws {@link dev.joat.revocation.RevocationUnavailableException}. Nothing here
 * depends on the rest of joat, so a store (in Redis, in a database) needs only this package.
 */
@NullMarked
package dev.joat.revocation;

import org.jspecify.annotations.NullMarked;
