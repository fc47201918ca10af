package dev.joat.spring.boot;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Spring Security's {@link BearerTokenAuthenticationEntryPoint} (the RFC 6750 {@code 401} and its
 * {@code WWW-Authenticate: Bearer} challenge), whose {@code resource_metadata} parameter (RFC 9728
 * §5.1) points at the document of {@code joat.resource}, never at one built from the request's
 * {@code Host} or {@code X-Forwarded-*} headers: a client that follows it reaches the same
 * document whatever host name it was sent by. The URL is the resource's origin, then
 * {@code /.well-known/oauth-protected-resource}, then the resource's path (RFC 9728 §3.1), which
 * Spring Security serves. Without {@code joat.resource} it answers as Spring Security does.
 *
 * <p>The starter's default chain uses it; an application chain opts in with
 * {@code oauth2ResourceServer((rs) -> rs.authenticationEntryPoint(JoatBearerTokenAuthenticationEntryPoint.of(metadata)))}.
 * Thread-safe.
 */
public final class JoatBearerTokenAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private static final String WELL_KNOWN = "/.well-known/oauth-protected-resource";

	private static final String PARAMETER = "resource_metadata=\"";

	private final BearerTokenAuthenticationEntryPoint delegate = new BearerTokenAuthenticationEntryPoint();

	/** {@code null} when {@code joat.resource} is not set. */
	private final String resourceMetadata;

	private JoatBearerTokenAuthenticationEntryPoint(String resourceMetadata) {
		this.resourceMetadata = resourceMetadata;
	}

	/**
	 * The entry point of this resource.
	 * @param metadata the starter's metadata rule, which holds {@code joat.resource}
	 * @return an entry point whose challenge names that resource's metadata document
	 */
	public static JoatBearerTokenAuthenticationEntryPoint of(JoatProtectedResourceMetadata metadata) {
		String resource = metadata.resource();
		return new JoatBearerTokenAuthenticationEntryPoint((resource != null) ? metadataUrl(resource) : null);
	}

	/** RFC 9728 §3.1: the well-known path goes between the origin and the resource's own path. */
	static String metadataUrl(String resource) {
		URI uri = URI.create(resource);
		String path = (uri.getRawPath() != null && !uri.getRawPath().equals("/")) ? uri.getRawPath() : "";
		return uri.getScheme() + "://" + uri.getRawAuthority() + WELL_KNOWN + path;
	}

	/**
	 * The URL the challenge names.
	 * @return the metadata document's URL, or {@code null} when it is taken from the request
	 */
	public @Nullable String resourceMetadata() {
		return this.resourceMetadata;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		this.delegate.commence(request, (this.resourceMetadata != null) ? new Challenge(response) : response, ex);
	}

	/** The response, with the {@code resource_metadata} of its challenge replaced as it is written. */
	private final class Challenge extends HttpServletResponseWrapper {

		Challenge(HttpServletResponse response) {
			super(response);
		}

		@Override
		public void addHeader(String name, String value) {
			super.addHeader(name, rewrite(name, value));
		}

		@Override
		public void setHeader(String name, String value) {
			super.setHeader(name, rewrite(name, value));
		}

		private String rewrite(String name, String value) {
			if (value == null || !HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(name)) {
				return value;
			}
			// Spring Security writes the parameter last; its value comes from the request's URL.
			int start = value.lastIndexOf(PARAMETER);
			if (start < 0 || !value.endsWith("\"")) {
				return value;
			}
			return value.substring(0, start) + PARAMETER + JoatBearerTokenAuthenticationEntryPoint.this.resourceMetadata
					+ "\"";
		}

	}

}
