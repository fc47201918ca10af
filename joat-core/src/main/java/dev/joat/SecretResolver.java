package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Supplies the HMAC secret for a token: PyJOAT's {@code salt_generator}, made an injectable
 * strategy instead of global state.
 *
 * <p>The {@link TokenGenerator} calls it with the header and the full claims of the token it is
 * about to sign; the {@link TokenParser} calls it with the header and claims of the token it is
 * about to verify. Use {@link #of(byte[])} or {@link #of(String)} for one fixed secret.
 *
 * <h2>What an attacker controls when the parser calls this</h2>
 * At parse time <strong>nothing the resolver sees is verified yet</strong>: the signature can only
 * be checked once the secret is known, so every header field ({@code kid} included) and every
 * claim ({@code aud}, {@code sub}, {@code jti}, …) is exactly what the sender chose to write. The
 * maps are read-only views. Therefore:
 * <ul>
 * <li>Treat every value as untrusted data: never use it as a file path, URL, class name or query
 * text; look it up in a map or a parameterized query at most.</li>
 * <li>Never compute the secret from the claims alone (for example a hash of {@code aud}): anyone
 * can compute it too. Derive per-client secrets by mixing in a server-side master secret, e.g.
 * {@code HMAC-SHA256(masterSecret, "client:" + aud)}, so only the server can produce them.</li>
 * <li>Be cheap and bounded: the resolver runs before the signature is checked, for every token
 * anyone sends. Cache derived secrets; do not call remote services without a bound.</li>
 * </ul>
 *
 * <h2>The contract the parser enforces</h2>
 * A {@code null} answer, an empty array or one shorter than the algorithm requires
 * ({@link HmacAlgorithm#minimumSecretLength()}, unless short secrets were explicitly allowed) is a
 * refusal of the token with {@link InvalidTokenException.Reason#SECRET_UNAVAILABLE}. An exception
 * thrown here is also that refusal; it is kept as the cause, for the server's logs, and its
 * message is never shown to the client. The one exception to that is an
 * {@link InvalidTokenException}: it refuses the token with its own reason and client-safe message,
 * as {@link SecretRing} does for an unknown {@code kid}. The parser never modifies the returned
 * array.
 *
 * <p>Answer {@code null} for a token you hold no secret for (a client you do not know): any sender
 * can provoke that, so it refuses the token without a cause and adapters such as the Spring
 * starter log it at DEBUG only. An exception, or a secret shorter than the algorithm requires, is
 * a fault of the server: the refusal carries a cause and is reported as one.
 *
 * <p>Implementations must be thread-safe: one resolver serves every thread.
 */
@FunctionalInterface
public interface SecretResolver {

	/**
	 * Returns the HMAC secret for a token.
	 * @param header the token's JOSE header, read-only ({@code alg}, {@code typ}, {@code kid}, …)
	 * @param claims the token's claims, read-only; unverified when called by the parser
	 * @return the secret bytes, or {@code null} to refuse the token
	 */
	byte @Nullable [] resolveSecret(Map<String, Object> header, Map<String, Object> claims);

	/**
	 * A resolver that answers every token with one fixed secret.
	 * @param secret the secret bytes; copied, so later changes to the array have no effect
	 * @return a resolver for that secret
	 */
	static SecretResolver of(byte[] secret) {
		Objects.requireNonNull(secret, "secret cannot be null");
		if (secret.length == 0) {
			throw new IllegalArgumentException("secret cannot be empty");
		}
		return new FixedSecret(Arrays.copyOf(secret, secret.length));
	}

	/**
	 * A resolver that answers every token with one fixed secret, given as text and used as its
	 * UTF-8 bytes (PyJOAT's convention).
	 * @param secret the secret text
	 * @return a resolver for the UTF-8 bytes of that secret
	 */
	static SecretResolver of(String secret) {
		Objects.requireNonNull(secret, "secret cannot be null");
		return of(secret.getBytes(StandardCharsets.UTF_8));
	}

}
