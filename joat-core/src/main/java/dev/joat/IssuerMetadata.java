package dev.joat;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a resource server needs of an issuer's metadata document (OpenID Connect Discovery 1.0 §3,
 * RFC 8414 §2): its {@code issuer} and {@code jwks_uri}, read with the token parser's strict JSON
 * reader (duplicate member names refused). Fetching the document is the caller's business; the Spring
 * starter's JWK Set client does it.
 *
 * @param issuer the {@code issuer} member, which the caller must compare with the issuer it was
 * configured with, exactly (OpenID Connect Discovery §4.3, RFC 8414 §3.3)
 * @param jwksUri the {@code jwks_uri} member, or {@code null} when the issuer publishes none
 */
public record IssuerMetadata(String issuer, @Nullable String jwksUri) {

	/** The default largest document accepted: 256 KiB. */
	public static final int DEFAULT_MAX_SIZE = 256 * 1024;

	private static final String READER_PREFIX = "Malformed token: the ";

	/**
	 * Creates metadata.
	 * @param issuer the issuer
	 * @param jwksUri the JWK Set URI, or {@code null}
	 */
	public IssuerMetadata {
		Objects.requireNonNull(issuer, "issuer cannot be null");
	}

	/**
	 * Reads a metadata document.
	 * @param json the document's bytes, UTF-8, at most {@value #DEFAULT_MAX_SIZE} bytes
	 * @return its {@code issuer} and {@code jwks_uri}
	 * @throws IllegalArgumentException when the document is too large, not strict JSON, has no string
	 * {@code issuer}, or a {@code jwks_uri} that is not a string; the message is safe to log
	 */
	public static IssuerMetadata parse(byte[] json) {
		Objects.requireNonNull(json, "json cannot be null");
		if (json.length > DEFAULT_MAX_SIZE) {
			throw new IllegalArgumentException("The issuer metadata has " + json.length + " bytes, more than the "
					+ DEFAULT_MAX_SIZE + " allowed");
		}
		Map<String, Object> document;
		try {
			document = StrictJsonReader.readObject(json, "document");
		}
		catch (InvalidTokenException ex) {
			String message = String.valueOf(ex.getMessage());
			throw new IllegalArgumentException("Not issuer metadata: the "
					+ (message.startsWith(READER_PREFIX) ? message.substring(READER_PREFIX.length()) : message));
		}
		if (!(document.get("issuer") instanceof String issuer) || issuer.isEmpty()) {
			throw new IllegalArgumentException("Not issuer metadata: it has no \"issuer\" string");
		}
		Object jwksUri = document.get("jwks_uri");
		if (jwksUri != null && !(jwksUri instanceof String)) {
			throw new IllegalArgumentException("The issuer metadata's \"jwks_uri\" is not a string");
		}
		return new IssuerMetadata(issuer, (String) jwksUri);
	}

}
