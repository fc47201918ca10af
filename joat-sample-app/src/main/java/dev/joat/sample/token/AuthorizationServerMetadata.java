package dev.joat.sample.token;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.joat.revocation.RevocationStore;
import dev.joat.spring.boot.JoatConfigurationException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * What the sample is as an authorization server: its issuer identifier ({@code joat.issuer}, the
 * URL clients reach it at), its token, revocation and introspection endpoints, and the RFC 8414
 * metadata document built from them. Nothing here comes from a request, so no {@code Host} header can change it.
 *
 * <p>The issuer must be an absolute {@code http} or {@code https} URL with no path, query or
 * fragment (RFC 8414 §2; {@code https} in production), as a client discovering the server
 * requires the metadata's {@code issuer} to equal the URL it fetched it from (RFC 8414 §3.3); a
 * different value stops start-up. Immutable and thread-safe.
 */
@Component
public final class AuthorizationServerMetadata {

	/** The token endpoint's path. */
	static final String TOKEN_ENDPOINT_PATH = "/oauth2/token";

	private final String issuer;

	private final List<String> scopes;

	private final boolean revocation;

	private final boolean jwkSet;

	@Autowired
	AuthorizationServerMetadata(@Value("${joat.issuer:}") String issuer, ClientRegistry clients,
			ObjectProvider<RevocationStore> revocationStore, Environment environment) {
		this(issuer, clients, revocationStore.getIfAvailable() != null,
				SigningAlgorithmSetting.isAsymmetric(environment));
	}

	AuthorizationServerMetadata(String issuer, ClientRegistry clients, boolean revocation) {
		this(issuer, clients, revocation, false);
	}

	AuthorizationServerMetadata(String issuer, ClientRegistry clients, boolean revocation, boolean jwkSet) {
		this.issuer = checkedUrl("joat.issuer", issuer, false);
		this.scopes = clients.scopes();
		this.revocation = revocation;
		this.jwkSet = jwkSet;
	}

	/**
	 * The issuer identifier, e.g. {@code https://auth.example.com}.
	 * @return the issuer URL, without a trailing slash
	 */
	public String issuer() {
		return this.issuer;
	}

	/**
	 * The scopes the server may grant.
	 * @return every scope some registered client may have, unmodifiable
	 */
	public List<String> scopes() {
		return this.scopes;
	}

	/**
	 * The token endpoint's URL.
	 * @return the issuer followed by {@value #TOKEN_ENDPOINT_PATH}
	 */
	public String tokenEndpoint() {
		return this.issuer + TOKEN_ENDPOINT_PATH;
	}

	/**
	 * The URL of the JWK Set with the public key the tokens are signed with, when the sample signs
	 * with a private key ({@code joat.sample.signing-algorithm}).
	 * @return the issuer followed by {@code /oauth2/jwks}, or {@code null} in the default
	 * {@code HS256} mode (a shared secret is never published)
	 */
	public @Nullable String jwksUri() {
		return this.jwkSet ? this.issuer + JwkSetEndpoint.PATH : null;
	}

	/**
	 * The RFC 8414 §2 metadata: issuer, token endpoint, the client-credentials grant only, both
	 * client-secret authentication methods, the scopes, no response types (there is no
	 * authorization endpoint), the revocation endpoint (RFC 7009) when a revocation store is
	 * configured, and the introspection endpoint (RFC 7662); both take the token endpoint's client
	 * authentication; and {@code jwks_uri} when the tokens are signed with a
	 * private key.
	 * @return a new map, in that order
	 */
	Map<String, Object> asMap() {
		List<String> authMethods = List.of("client_secret_basic", "client_secret_post");
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put("issuer", this.issuer);
		metadata.put("token_endpoint", tokenEndpoint());
		if (this.jwkSet) {
			metadata.put("jwks_uri", jwksUri());
		}
		metadata.put("grant_types_supported", List.of("client_credentials"));
		metadata.put("token_endpoint_auth_methods_supported", authMethods);
		metadata.put("scopes_supported", this.scopes);
		metadata.put("response_types_supported", List.of());
		if (this.revocation) {
			metadata.put("revocation_endpoint", this.issuer + TokenRevocationEndpoint.PATH);
			metadata.put("revocation_endpoint_auth_methods_supported", authMethods);
		}
		metadata.put("introspection_endpoint", this.issuer + TokenIntrospectionEndpoint.PATH);
		metadata.put("introspection_endpoint_auth_methods_supported", authMethods);
		return metadata;
	}

	/**
	 * {@code value} if it is an absolute {@code http(s)} URL without user info, query or fragment
	 * (and without a path unless {@code pathAllowed}), else a {@link JoatConfigurationException}
	 * naming {@code property}.
	 * @param property the property the value comes from
	 * @param value the configured value
	 * @param pathAllowed whether the URL may have a path
	 * @return the value
	 */
	public static String checkedUrl(String property, String value, boolean pathAllowed) {
		String expected = pathAllowed ? "an absolute http(s) URL without query or fragment"
				: "an absolute http(s) URL without path, query or fragment";
		String action = "Set " + property + " to " + expected + ", e.g. https://auth.example.com";
		if (value == null || value.isBlank()) {
			throw new JoatConfigurationException(property, property + " is not set", action);
		}
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new JoatConfigurationException(property, property + " is not a URL", action);
		}
		boolean http = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
		boolean pathOk = pathAllowed || uri.getRawPath() == null || uri.getRawPath().isEmpty();
		if (!http || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
				|| uri.getRawFragment() != null || !pathOk) {
			throw new JoatConfigurationException(property, property + " must be " + expected, action);
		}
		return value;
	}

}
