/**
 * JMH benchmarks of token verification and signing: joat against the raw-HMAC floor and against
 * the other Java JWT libraries, all on the tokens and secrets of {@link dev.joat.benchmarks.BenchmarkTokens}.
 *
 * <p>{@link dev.joat.benchmarks.Verify} and {@link dev.joat.benchmarks.Sign} hold the single-thread
 * benchmarks, {@link dev.joat.benchmarks.Scaling} the multi-threaded ones; the verifiers and
 * signers they drive are built once in {@link dev.joat.benchmarks.Verifiers} and
 * {@link dev.joat.benchmarks.Signers}, and each is checked there by {@link dev.joat.benchmarks.SetupCheck}
 * before it is measured, so a benchmark that stopped verifying fails the run instead of reporting
 * a fast number.
 *
 * <p>Tokens signed with a public key (RS256, ES256, EdDSA) have their own:
 * {@link dev.joat.benchmarks.VerifyPublicKey} (joat and the other libraries, {@link dev.joat.benchmarks.PublicKeyVerifiers},
 * against the JDK's {@code Signature.verify}, on the keys and tokens of {@link dev.joat.benchmarks.PublicKeyTokens}),
 * {@link dev.joat.benchmarks.VerifyDuringRefresh} (the latency of {@code parseToken} while the starter's JWK Set
 * source refreshes) and {@link dev.joat.benchmarks.SignAsymmetric}.
 */
package dev.joat.benchmarks;
