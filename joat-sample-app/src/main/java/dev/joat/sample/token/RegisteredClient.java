package dev.joat.sample.token;

import java.util.List;
import java.util.Set;

/**
 * A client the token endpoint knows: its id, its encoded secret and the scopes it may have.
 *
 * @param id the client id
 * @param encodedSecret the secret as the {@code PasswordEncoder} stores it; never logged
 * @param scopes the scopes the client may be granted, in configuration order
 */
record RegisteredClient(String id, String encodedSecret, List<String> scopes) {

	RegisteredClient {
		scopes = List.copyOf(scopes);
	}

	boolean mayHave(Set<String> requested) {
		return this.scopes.containsAll(requested);
	}

	@Override
	public String toString() {
		return "RegisteredClient[id=" + this.id + ", scopes=" + this.scopes + "]";
	}

}
