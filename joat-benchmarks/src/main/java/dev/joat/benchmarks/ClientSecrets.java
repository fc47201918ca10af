package dev.joat.benchmarks;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.joat.SecretResolver;

/**
 * PyJOAT's per-client secret pattern as a {@link SecretResolver}: each registered client's secret
 * is HMAC-SHA256(master secret, "client:" + client id), derived on first use and cached.
 *
 * <p>The client id is the token's unverified {@code aud}, so only registered clients are derived
 * and cached: caching whatever {@code aud} a sender writes would let anyone grow the cache without
 * bound. Thread-safe.
 */
final class ClientSecrets implements SecretResolver {

	private final byte[] masterSecret;

	private final Set<String> registeredClients;

	private final Map<String, byte[]> cache = new ConcurrentHashMap<>();

	ClientSecrets(byte[] masterSecret, Set<String> registeredClients) {
		this.masterSecret = masterSecret.clone();
		this.registeredClients = Set.copyOf(registeredClients);
	}

	@Override
	public byte[] resolveSecret(Map<String, Object> header, Map<String, Object> claims) {
		Object clientId = claims.get("aud");
		if (!(clientId instanceof String)) {
			return null;
		}
		byte[] secret = this.cache.get(clientId);
		if (secret != null) {
			return secret;
		}
		if (!this.registeredClients.contains(clientId)) {
			return null;
		}
		return this.cache.computeIfAbsent((String) clientId,
				(id) -> BenchmarkTokens.clientSecret(this.masterSecret, id));
	}

}
