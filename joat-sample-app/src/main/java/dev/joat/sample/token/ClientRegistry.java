package dev.joat.sample.token;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.joat.ScopeToken;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The registered clients, from {@code joat.sample.clients}, and the check of a client's secret.
 * Secrets are compared only through the {@link PasswordEncoder}; an unknown client costs the same
 * encoder work as a known one, so response times do not tell which client ids exist.
 */
@Component
class ClientRegistry {

	private final Map<String, RegisteredClient> clients = new LinkedHashMap<>();

	private final PasswordEncoder passwordEncoder;

	private final String unknownClientSecret;

	ClientRegistry(SampleClientsProperties properties, PasswordEncoder passwordEncoder) {
		this.passwordEncoder = passwordEncoder;
		for (SampleClientsProperties.Client client : properties.getClients()) {
			if (client.getId() == null || client.getId().isBlank() || client.getSecret() == null) {
				throw new IllegalStateException("Each joat.sample.clients entry needs an id and an encoded secret");
			}
			for (String scope : client.getScopes()) {
				if (!ScopeToken.isValid(scope)) {
					throw new IllegalStateException("Client " + client.getId() + " has an invalid scope value");
				}
			}
			if (this.clients.put(client.getId(), new RegisteredClient(client.getId(), client.getSecret(),
					client.getScopes(), client.isIntrospection())) != null) {
				throw new IllegalStateException("Client id " + client.getId() + " is registered twice");
			}
		}
		this.unknownClientSecret = passwordEncoder.encode("no client has this secret");
	}

	/**
	 * Whether a client with {@code clientId} is registered. Client ids are not secrets (RFC 6749
	 * §2.2); this only lets failures for unknown ids be counted together.
	 */
	boolean isRegistered(String clientId) {
		return this.clients.containsKey(clientId);
	}

	/**
	 * The registration of the client with {@code clientId}, without checking any secret.
	 */
	Optional<RegisteredClient> find(String clientId) {
		return Optional.ofNullable(this.clients.get(clientId));
	}

	/** Every scope some registered client may have, in configuration order. */
	List<String> scopes() {
		Set<String> scopes = new LinkedHashSet<>();
		this.clients.values().forEach((client) -> scopes.addAll(client.scopes()));
		return List.copyOf(scopes);
	}

	/**
	 * The client with {@code clientId} if {@code secret} is its secret.
	 */
	Optional<RegisteredClient> authenticate(String clientId, String secret) {
		RegisteredClient client = this.clients.get(clientId);
		if (client == null) {
			this.passwordEncoder.matches(secret, this.unknownClientSecret);
			return Optional.empty();
		}
		return this.passwordEncoder.matches(secret, client.encodedSecret()) ? Optional.of(client) : Optional.empty();
	}

}
