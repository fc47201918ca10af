package dev.joat.spring.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import dev.joat.VerificationKey;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link JwkSetKeySource} holds and how its last refresh went: public data only, for
 * meters ({@code joat.jwks.refresh{outcome}}, {@code joat.jwks.keys}, {@code joat.jwks.staleness})
 * and the {@code /actuator/joat} endpoint. Never key material, never a response body.
 *
 * @param source where the keys come from: the configured JWK Set URI, or the issuer when the JWK Set
 * URI is discovered
 * @param jwkSetUri the JWK Set URI fetched, or {@code null} while it has not been discovered
 * @param keys the keys served, in the issuer's order; empty before the first successful refresh
 * @param skipped why the issuer's other keys are not served (see {@link dev.joat.JwkSetParser})
 * @param lastOutcome the outcome of the last refresh, or {@code null} before the first completes
 * @param lastFailure why the last refresh failed, or {@code null} when it succeeded or none has
 * completed
 * @param lastRefresh when the last refresh completed, or {@code null}
 * @param lastSuccess when the keys served were fetched, or {@code null} before the first success
 * @param staleness how long ago the keys served were fetched, or {@code null} before the first
 * success
 */
public record JwkSetStatus(URI source, @Nullable URI jwkSetUri, List<Key> keys, List<String> skipped,
		@Nullable Outcome lastOutcome, @Nullable String lastFailure, @Nullable Instant lastRefresh,
		@Nullable Instant lastSuccess, @Nullable Duration staleness) {

	/**
	 * Creates a status.
	 * @param source the source
	 * @param jwkSetUri the JWK Set URI, or {@code null}
	 * @param keys the keys
	 * @param skipped the skipped keys' reasons
	 * @param lastOutcome the last outcome, or {@code null}
	 * @param lastFailure the last failure, or {@code null}
	 * @param lastRefresh the last refresh, or {@code null}
	 * @param lastSuccess the last success, or {@code null}
	 * @param staleness the staleness, or {@code null}
	 */
	public JwkSetStatus {
		Objects.requireNonNull(source, "source cannot be null");
		keys = List.copyOf(keys);
		skipped = List.copyOf(skipped);
	}

	/** How a refresh ended: the low-cardinality tag of {@code joat.jwks.refresh}. */
	public enum Outcome {

		/** A JWK Set with at least one usable key was fetched and is now served. */
		SUCCESS,

		/** The issuer could not be reached, timed out, or answered with a status other than 200. */
		UNAVAILABLE,

		/**
		 * The issuer answered, but with something refused: too large, not a JWK Set, no usable key,
		 * metadata of another issuer. The last good keys stay.
		 */
		INVALID

	}

	/**
	 * One served key, as public data.
	 * @param keyId its {@code kid} (its RFC 7638 thumbprint when the issuer gave none)
	 * @param algorithm the JWS algorithm it is bound to
	 * @param thumbprint its RFC 7638 thumbprint
	 */
	public record Key(String keyId, String algorithm, String thumbprint) {

		/**
		 * The public data of {@code key}.
		 * @param key a key with a key id
		 * @return its description
		 */
		public static Key of(VerificationKey key) {
			return new Key(Objects.requireNonNullElse(key.keyId(), key.thumbprint()), key.algorithm().jwsName(),
					key.thumbprint());
		}

	}

}
