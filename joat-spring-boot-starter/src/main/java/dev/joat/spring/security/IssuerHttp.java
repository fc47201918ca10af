package dev.joat.spring.security;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Fetches a JWK Set or an issuer's metadata document with the rules of {@link JwkSetKeySource}:
 * {@code https} only (except on loopback, or when insecure http is allowed), redirects never
 * followed (a {@code 3xx} is a failure), only {@code 200} accepted, the body read up to its limit
 * plus one byte and refused beyond. Failures are described in safe words: the URI, a status or an
 * exception type, never the body. Thread-safe.
 */
final class IssuerHttp {

	private static final int MAX_DETAIL_LENGTH = 120;

	private final RestClient client;

	private final boolean allowInsecureHttp;

	IssuerHttp(RestClient.Builder builder, @Nullable ClientHttpRequestFactory requestFactory, Duration connectTimeout,
			Duration readTimeout, boolean allowInsecureHttp) {
		ClientHttpRequestFactory factory = requestFactory;
		if (factory == null) {
			HttpClient httpClient = HttpClient.newBuilder()
				.connectTimeout(connectTimeout)
				.followRedirects(HttpClient.Redirect.NEVER)
				.build();
			JdkClientHttpRequestFactory jdk = new JdkClientHttpRequestFactory(httpClient);
			jdk.setReadTimeout(readTimeout);
			factory = jdk;
		}
		this.client = builder.clone().requestFactory(factory).build();
		this.allowInsecureHttp = allowInsecureHttp;
	}

	/**
	 * GETs {@code uri}.
	 * @param accept the {@code Accept} header
	 * @param maxBytes the largest body accepted
	 * @return the body and the response's {@code Cache-Control: max-age}
	 * @throws FetchException when the fetch fails, or its answer is refused
	 */
	Response get(URI uri, String accept, int maxBytes) throws FetchException {
		checkScheme(uri, this.allowInsecureHttp, "URI");
		Response response;
		try {
			response = this.client.get()
				.uri(uri)
				.header(HttpHeaders.ACCEPT, accept)
				.exchangeForRequiredValue((request, answer) -> read(uri, answer.getStatusCode().value(),
						answer.getHeaders(), answer.getBody(), maxBytes), true);
		}
		catch (RestClientException | IllegalStateException ex) {
			throw new FetchException(false, "cannot fetch " + uri + ": " + describe(ex));
		}
		if (response.failure() != null) {
			throw new FetchException(response.invalid(), response.failure(), response.status());
		}
		return response;
	}

	private static Response read(URI uri, int status, HttpHeaders headers, InputStream body, int maxBytes)
			throws IOException {
		if (status != 200) {
			String redirect = (status >= 300 && status < 400) ? ", a redirect, which is not followed" : "";
			return new Response(new byte[0], null, uri + " answered with status " + status + redirect, false, status);
		}
		if (headers.getContentLength() > maxBytes) {
			return Response.failed(true, uri + " sent " + headers.getContentLength() + " bytes, more than the " + maxBytes
					+ " allowed");
		}
		byte[] bytes = body.readNBytes(maxBytes + 1);
		if (bytes.length > maxBytes) {
			return Response.failed(true, uri + " sent more than the " + maxBytes + " bytes allowed");
		}
		return new Response(bytes, maxAge(headers.getCacheControl()), null, false, status);
	}

	/**
	 * The freshness lifetime a {@code Cache-Control} header gives (RFC 9111 §5.2.2.1): its
	 * {@code max-age}, zero for {@code no-cache} or {@code no-store}, or {@code null} when it says
	 * neither or cannot be read.
	 */
	static @Nullable Duration maxAge(@Nullable String cacheControl) {
		if (cacheControl == null) {
			return null;
		}
		Duration maxAge = null;
		for (String directive : cacheControl.split(",")) {
			String trimmed = directive.trim().toLowerCase(Locale.ROOT);
			if (trimmed.equals("no-cache") || trimmed.equals("no-store")) {
				return Duration.ZERO;
			}
			if (trimmed.startsWith("max-age=")) {
				String seconds = trimmed.substring(8);
				if (seconds.startsWith("\"") && seconds.endsWith("\"") && seconds.length() > 1) {
					seconds = seconds.substring(1, seconds.length() - 1);
				}
				if (seconds.isEmpty() || seconds.length() > 9 || !seconds.chars().allMatch(Character::isDigit)) {
					return null;
				}
				maxAge = Duration.ofSeconds(Long.parseLong(seconds));
			}
		}
		return maxAge;
	}

	/**
	 * Refuses a URI that is not {@code https}, unless it is {@code http} on a loopback address or
	 * insecure http is allowed.
	 * @param what what the URI is, for the message
	 * @throws FetchException (invalid) when refused
	 */
	static void checkScheme(URI uri, boolean allowInsecureHttp, String what) throws FetchException {
		String problem = schemeProblem(uri, allowInsecureHttp);
		if (problem != null) {
			throw new FetchException(true, "the " + what + " " + problem);
		}
	}

	/** Why {@code uri} may not be fetched, or {@code null} when it may. */
	static @Nullable String schemeProblem(URI uri, boolean allowInsecureHttp) {
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
			return uri + " is not an absolute http(s) URI";
		}
		if (scheme.equals("http") && !allowInsecureHttp && !isLoopback(uri.getHost())) {
			return uri + " must use https (http is accepted only on a loopback address, or when insecure http is"
					+ " allowed explicitly)";
		}
		return null;
	}

	/** Whether {@code host} is a loopback name or literal, decided without a DNS look-up. */
	static boolean isLoopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.equals("localhost") || name.equals("[::1]") || name.equals("::1")) {
			return true;
		}
		String[] octets = name.split("\\.", -1);
		if (octets.length != 4 || !octets[0].equals("127")) {
			return false;
		}
		for (String octet : octets) {
			if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(octet) > 255) {
				return false;
			}
		}
		return true;
	}

	/** The root cause's type and a short printable prefix of its message. */
	static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		if (message == null || message.isBlank()) {
			return root.getClass().getSimpleName();
		}
		StringBuilder printable = new StringBuilder();
		for (int i = 0; i < Math.min(message.length(), MAX_DETAIL_LENGTH); i++) {
			char c = message.charAt(i);
			printable.append((c >= 0x20 && c < 0x7F) ? c : '?');
		}
		return root.getClass().getSimpleName() + " (" + printable + ((message.length() > MAX_DETAIL_LENGTH) ? "..." : "")
				+ ")";
	}

	/**
	 * A fetched body and its freshness lifetime, or why there is none.
	 * @param body the body
	 * @param maxAge the {@code Cache-Control} lifetime, or {@code null}
	 * @param failure why the answer is refused, or {@code null}
	 * @param invalid whether the failure is the answer's content rather than the exchange
	 * @param status the HTTP status
	 */
	record Response(byte[] body, @Nullable Duration maxAge, @Nullable String failure, boolean invalid, int status) {

		static Response failed(boolean invalid, String failure) {
			return new Response(new byte[0], null, failure, invalid, 200);
		}

	}

	/** A fetch that failed: the issuer is unreachable, or what it sent is refused. */
	static final class FetchException extends Exception {

		private static final long serialVersionUID = 1L;

		private final boolean invalid;

		private final int status;

		FetchException(boolean invalid, String message) {
			this(invalid, message, 0);
		}

		FetchException(boolean invalid, String message, int status) {
			super(message, null, false, false);
			this.invalid = invalid;
			this.status = status;
		}

		/** The HTTP status of the answer, or 0 when there was none, or it was not the problem. */
		int status() {
			return this.status;
		}

		/** Whether the answer was refused ({@code INVALID}) rather than not had ({@code UNAVAILABLE}). */
		boolean invalid() {
			return this.invalid;
		}

	}

}
