package dev.joat.spring.boot;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadata;
import org.springframework.security.oauth2.server.resource.OAuth2ProtectedResourceMetadataClaimNames;

/**
 * Makes the RFC 9728 protected-resource metadata that Spring Security 7 serves at
 * {@code /.well-known/oauth-protected-resource} say only what a joat resource server does. Spring
 * Security's default document builds {@code resource} from the request (so from the client's
 * {@code Host} header) and claims {@code tls_client_certificate_bound_access_tokens: true}; with
 * this customizer:
 * <ul>
 * <li>{@code resource} is {@code joat.resource} when set, whatever {@code Host} a client sends;
 * unset, Spring Security's request-derived value stays (set {@code joat.resource} in
 * production);</li>
 * <li>{@code authorization_servers} is {@code [joat.issuer]} when the issuer is an absolute
 * {@code https}/{@code http} URL without user info, query or fragment (an RFC 8414 issuer
 * identifier); another issuer, or {@code joat.accept-any-issuer=true}, names none;</li>
 * <li>{@code bearer_methods_supported} is {@code ["header"]}, the only place Spring Security's
 * default {@code BearerTokenResolver} reads a token from;</li>
 * <li>{@code tls_client_certificate_bound_access_tokens} is {@code true} only with
 * {@code joat.allow-certificate-bound-tokens=true} (when joat checks RFC 8705 bindings);
 * otherwise the claim is absent.</li>
 * </ul>
 * The starter defines one as a bean in servlet applications (backing off when the application
 * defines its own) and applies it to its default filter chain; an application with its own
 * {@code SecurityFilterChain} passes it to
 * {@code oauth2ResourceServer((rs) -> rs.protectedResourceMetadata((m) -> m.protectedResourceMetadataCustomizer(bean)))},
 * composing more claims with {@link #andThen(Consumer)}. Spring Security 7.0 and 7.1 serve no such
 * document in WebFlux applications. Immutable and thread-safe.
 */
public final class JoatProtectedResourceMetadata implements Consumer<OAuth2ProtectedResourceMetadata.Builder> {

	private static final String BEARER_METHOD_HEADER = "header";

	private final String resource;

	private final String authorizationServer;

	private final boolean certificateBoundTokens;

	private JoatProtectedResourceMetadata(String resource, String authorizationServer, boolean certificateBoundTokens) {
		this.resource = resource;
		this.authorizationServer = authorizationServer;
		this.certificateBoundTokens = certificateBoundTokens;
	}

	/**
	 * The metadata rule for these properties: {@code joat.resource}, {@code joat.issuer},
	 * {@code joat.accept-any-issuer} and {@code joat.allow-certificate-bound-tokens}.
	 * @param properties the bound {@code joat.*} properties
	 * @return the customizer
	 * @throws JoatConfigurationException if {@code joat.resource} is set but is not an absolute
	 * http(s) URL without user info, query or fragment
	 */
	public static JoatProtectedResourceMetadata of(JoatProperties properties) {
		return of(JoatSettings.resource(properties), properties.isAcceptAnyIssuer() ? null : properties.getIssuer(),
				properties.isAllowCertificateBoundTokens());
	}

	/** The metadata rule for checked settings: what the starter's bean is. */
	static JoatProtectedResourceMetadata of(JoatSettings settings) {
		return of(settings.resource(), settings.acceptAnyIssuer() ? null : settings.issuer(),
				settings.allowCertificateBoundTokens());
	}

	private static JoatProtectedResourceMetadata of(@Nullable String resource, @Nullable String issuer,
			boolean certificateBoundTokens) {
		return new JoatProtectedResourceMetadata(resource, isIssuerUrl(issuer) ? issuer : null, certificateBoundTokens);
	}

	private static boolean isIssuerUrl(@Nullable String issuer) {
		if (issuer == null) {
			return false;
		}
		try {
			URI uri = new URI(issuer);
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null
					&& uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	/**
	 * The configured resource identifier.
	 * @return {@code joat.resource}, or {@code null} when the document takes it from the request
	 */
	public @Nullable String resource() {
		return this.resource;
	}

	/**
	 * The authorization server the document names.
	 * @return {@code joat.issuer} when it is an http(s) URL, otherwise {@code null}
	 */
	public @Nullable String authorizationServer() {
		return this.authorizationServer;
	}

	/**
	 * Whether the document claims support for certificate-bound access tokens.
	 * @return {@code joat.allow-certificate-bound-tokens}
	 */
	public boolean certificateBoundTokens() {
		return this.certificateBoundTokens;
	}

	/**
	 * Applies the rule to the document Spring Security is about to serve.
	 * @param builder the document's builder, holding Spring Security's defaults
	 */
	@Override
	public void accept(OAuth2ProtectedResourceMetadata.Builder builder) {
		if (this.resource != null) {
			builder.resource(this.resource);
		}
		if (this.authorizationServer != null) {
			builder.authorizationServers((servers) -> {
				servers.remove(this.authorizationServer);
				servers.add(this.authorizationServer);
			});
		}
		builder.bearerMethods((methods) -> {
			methods.clear();
			methods.add(BEARER_METHOD_HEADER);
		});
		if (this.certificateBoundTokens) {
			builder.tlsClientCertificateBoundAccessTokens(true);
		}
		else {
			builder.claims((claims) -> claims
				.remove(OAuth2ProtectedResourceMetadataClaimNames.TLS_CLIENT_CERTIFICATE_BOUND_ACCESS_TOKENS));
		}
	}

	@Override
	public String toString() {
		return "JoatProtectedResourceMetadata[resource=" + this.resource + ", authorizationServer="
				+ this.authorizationServer + ", certificateBoundTokens=" + this.certificateBoundTokens + "]";
	}

}
