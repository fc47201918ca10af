/**
 * joat: issue and verify signed JWT OAuth 2.0 access tokens, the Java successor of PyJOAT.
 *
 * <p>The public API is small: a {@link dev.joat.TokenGenerator} bound to a provider (issuer)
 * mints tokens, a {@link dev.joat.TokenParser} verifies them and returns
 * {@link dev.joat.Credentials}, and a {@link dev.joat.SecretResolver} supplies the HMAC secret
 * (PyJOAT's {@code salt_generator}); or, for tokens an issuer signs with an asymmetric key, a
 * {@link dev.joat.KeySource} supplies {@link dev.joat.VerificationKey}s, each bound to one
 * {@link dev.joat.SignatureAlgorithm}. Every refusal is an {@link dev.joat.InvalidTokenException}
 * carrying a {@link dev.joat.InvalidTokenException.Reason}. Revocation is an SPI in its own package,
 * {@link dev.joat.revocation}: a parser given a {@link dev.joat.revocation.RevocationList} refuses
 * revoked tokens. All other types in this package are package-private implementation details: the
 * engine (JSON, base64url, HMAC, public-key signatures) that only the parser and the generator use.
 *
 * <p>Public keys for asymmetric tokens come from a {@link dev.joat.KeySource}; a
 * {@link dev.joat.JwkSetParser} turns an issuer's JWK Set into a {@link dev.joat.KeySet}, and
 * {@link dev.joat.IssuerMetadata} reads the issuer's metadata. Fetching them is not core's business:
 * the Spring starter's JWK Set client does it.
 *
 * <p>Generators and parsers are immutable, built once and safe to share between threads. They are
 * not the only state, though: the package keeps global mutable state of two kinds, neither of
 * which holds anything a token can change the worth of. Each parser caches the headers of tokens
 * it has verified (at most 16). And the hot path reuses scratch objects from small pools shared
 * by all threads: parse buffers, the JSON writer's buffer, keyed {@code Mac}s, which hold a
 * copy of the last secret they were keyed with, {@code Signature}s initialised with the last public
 * key they verified with, each {@link dev.joat.SigningKey}'s {@code Signature}s initialised with its
 * private key, and the random generators of the generator's
 * {@code jti}s with their reserves of unused random bits. Each pool keeps at most twice as many objects as
 * there are processors (rounded up to a power of two, at most 256), however many threads use it,
 * and costs the same on a fresh virtual thread as on a warm platform thread; nothing is kept per
 * thread.
 */
@NullMarked
package dev.joat;

import org.jspecify.annotations.NullMarked;
