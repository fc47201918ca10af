package dev.joat.sample.token;

import java.util.List;
import java.util.Set;

/**
 * A client the sample's endpoints know: its id, its encoded secret, the scopes it may have and
 * whether it may introspect any client's tokens.
 *
 * @param id the client id
 * @param encodedSecret the secret as the {@code PasswordEncoder} stores it; never logged
 * @param scopes the scopes the client may be granted, in configuration order
 * @param introspection whether the client may introspect tokens issued to any client (a resource
 * server); every client may introspect its own
 */
record RegisteredClient(String id, String encodedSecret, List<String> scopes, boolean introspection) {

	RegisteredClient {
		scopes = List.copyOf(scopes);
	}

	boolean mayHave(Set<String> requested) {
		return this.scopes.containsAll(requested);
	}

	@Override
	public String toString() {
		return "RegisteredClient[id=" + this.id + ", scopes=" + this.scopes + ", introspection=" + this.introspection
				+ "]";
	}

}
