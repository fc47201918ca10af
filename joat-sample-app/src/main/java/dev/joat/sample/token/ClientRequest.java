package dev.joat.sample.token;

import java.util.Map;

/**
 * A request to one of the client-authenticated endpoints (token, revocation, introspection) once
 * its form was read and its client authenticated.
 *
 * @param client the authenticated client
 * @param form the form parameters, unmodifiable, the client's credentials among them when it used
 * {@code client_secret_post}
 */
record ClientRequest(RegisteredClient client, Map<String, String> form) {

	/**
	 * The value of the required parameter {@code name}.
	 * @throws TokenRequestException {@code invalid_request} when the parameter is missing
	 */
	String required(String name) {
		String value = this.form.get(name);
		if (value == null) {
			throw TokenRequestException.invalidRequest(name + " is missing");
		}
		return value;
	}

}
