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
 */
package dev.joat.benchmarks;
