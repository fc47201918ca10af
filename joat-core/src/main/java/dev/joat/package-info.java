/**
 * joat: issue and verify signed JWT OAuth 2.0 access tokens, the Java successor of PyJOAT.
 *
 * <p>The public API is small: a {@link dev.joat.TokenGenerator} bound to a provider (issuer)
 * mints tokens, a {@link dev.joat.TokenParser} verifies them and returns
 * {@link dev.joat.Credentials}, and a {@link dev.joat.SecretResolver} supplies the HMAC secret
 * (PyJOAT's {@code salt_generator}). Every refusal is an {@link dev.joat.InvalidTokenException}
 * carrying a {@link dev.joat.InvalidTokenException.Reason}. Revocation is an SPI: a parser given a
 * {@link dev.joat.RevocationList} refuses revoked tokens, a {@link dev.joat.RevocationStore}
 * records revocations, {@link dev.joat.InMemoryRevocationStore} is both for a single node, and
 * {@link dev.joat.RevocationReplica} bounds the staleness of a replicated list. All other types in this package are
 * package-private implementation details.
 *
 * <p>Generators and parsers are immutable, built once and safe to share between threads. The only
 * state beyond them is per-thread scratch space the parser reuses between tokens (so that decoding
 * allocates little) and each parser's cache of headers it has verified; neither holds a secret or
 * changes what a token is worth.
 */
package dev.joat;
