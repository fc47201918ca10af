package dev.joat.sample.token;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The client id and secret a token request presents, by HTTP Basic ({@code client_secret_basic},
 * RFC 6749 §2.3.1: each part form-urlencoded, then joined by a colon and base64-encoded) or by the
 * form fields {@code client_id} and {@code client_secret} ({@code client_secret_post}). Using both
 * at once is refused (RFC 6749 §2.3).
 *
 * @param clientId the presented client id
 * @param secret the presented secret; never logged
 */
record ClientCredentials(String clientId, String secret) {

	private static final String BASIC = "Basic ";

	static ClientCredentials from(String authorization, Map<String, String> form) {
		if (authorization != null) {
			if (form.containsKey("client_secret")) {
				throw TokenRequestException.invalidRequest("Use one client authentication method, not both");
			}
			ClientCredentials basic = fromBasic(authorization);
			String formClientId = form.get("client_id");
			if (formClientId != null && !formClientId.equals(basic.clientId())) {
				throw TokenRequestException.invalidRequest("client_id does not match the authenticated client");
			}
			return basic;
		}
		String clientId = form.get("client_id");
		String secret = form.get("client_secret");
		if (clientId == null || secret == null) {
			throw TokenRequestException.invalidClient("Client authentication is required");
		}
		return new ClientCredentials(clientId, secret);
	}

	private static ClientCredentials fromBasic(String authorization) {
		if (!authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
			throw TokenRequestException.invalidClient("Unsupported client authentication scheme");
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			if (colon <= 0) {
				throw TokenRequestException.invalidClient("Malformed Basic credentials");
			}
			return new ClientCredentials(URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
					URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8));
		}
		catch (IllegalArgumentException ex) {
			throw TokenRequestException.invalidClient("Malformed Basic credentials");
		}
	}

	@Override
	public String toString() {
		return "ClientCredentials[clientId=" + this.clientId + "]";
	}

}
