package dev.joat.spring.security;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import dev.joat.IssuerMetadata;

/**
 * Finds an issuer's {@code jwks_uri} the way Spring Security's
 * {@code JwtDecoderProviderConfigurationUtils} does: OpenID Connect Discovery 1.0 §4
 * ({@code <issuer>/.well-known/openid-configuration}), then the same name inserted before the
 * issuer's path, then RFC 8414 §3.1 ({@code /.well-known/oauth-authorization-server} inserted before
 * the path). A {@code 4xx} answer moves on to the next location; any other failure stops, so that an
 * issuer that is down is reported as down. The document's {@code issuer} must equal the configured
 * issuer exactly (OpenID Connect Discovery §4.3, RFC 8414 §3.3). Thread-safe.
 */
final class IssuerDiscovery {

	private static final String OIDC = "/.well-known/openid-configuration";

	private static final String OAUTH = "/.well-known/oauth-authorization-server";

	private final IssuerHttp http;

	private final String issuer;

	private final boolean allowInsecureHttp;

	IssuerDiscovery(IssuerHttp http, String issuer, boolean allowInsecureHttp) {
		this.http = http;
		this.issuer = issuer;
		this.allowInsecureHttp = allowInsecureHttp;
	}

	/**
	 * The issuer's JWK Set URI.
	 * @return the {@code jwks_uri}, checked with the same scheme rules
	 * @throws IssuerHttp.FetchException when no metadata is found, or it does not fit
	 */
	URI jwkSetUri() throws IssuerHttp.FetchException {
		IssuerHttp.FetchException notFound = null;
		for (URI location : locations(URI.create(this.issuer))) {
			IssuerHttp.Response response;
			try {
				response = this.http.get(location, "application/json", IssuerMetadata.DEFAULT_MAX_SIZE);
			}
			catch (IssuerHttp.FetchException ex) {
				if (ex.status() >= 400 && ex.status() < 500) {
					notFound = ex;
					continue;
				}
				throw ex;
			}
			IssuerMetadata metadata;
			try {
				metadata = IssuerMetadata.parse(response.body());
			}
			catch (IllegalArgumentException ex) {
				throw new IssuerHttp.FetchException(true, location + ": " + ex.getMessage());
			}
			if (!this.issuer.equals(metadata.issuer())) {
				throw new IssuerHttp.FetchException(true, "the issuer in the metadata at " + location
						+ " is not the configured issuer " + this.issuer);
			}
			String jwksUri = metadata.jwksUri();
			if (jwksUri == null) {
				throw new IssuerHttp.FetchException(true, "the metadata at " + location + " has no jwks_uri");
			}
			URI uri;
			try {
				uri = new URI(jwksUri);
			}
			catch (URISyntaxException ex) {
				throw new IssuerHttp.FetchException(true, "the jwks_uri in the metadata at " + location
						+ " is not a URI");
			}
			IssuerHttp.checkScheme(uri, this.allowInsecureHttp, "jwks_uri");
			return uri;
		}
		throw new IssuerHttp.FetchException(false, "no issuer metadata found for " + this.issuer
				+ ((notFound != null) ? " (" + notFound.getMessage() + ")" : ""));
	}

	/** The three locations, in Spring Security's order. */
	static List<URI> locations(URI issuer) {
		String path = (issuer.getRawPath() != null) ? issuer.getRawPath() : "";
		if (path.endsWith("/")) {
			path = path.substring(0, path.length() - 1);
		}
		String origin = issuer.getScheme() + "://" + issuer.getRawAuthority();
		if (path.isEmpty()) {
			return List.of(URI.create(origin + OIDC), URI.create(origin + OAUTH));
		}
		return List.of(URI.create(origin + path + OIDC), URI.create(origin + OIDC + path), URI.create(origin + OAUTH + path));
	}

}
