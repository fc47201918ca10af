package dev.joat;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A JOSE {@code typ} header value a {@link TokenParser} can require (RFC 7515 §4.1.9, RFC 8725
 * §3.11): matched without regard to case, with or without the {@code application/} prefix.
 */
public enum TokenType {

	/** {@code JWT}: what PyJOAT and most libraries write. */
	JWT("jwt"),

	/**
	 * {@code at+jwt}: an RFC 9068 access token, which cannot be confused with an ID token or any
	 * other JWT signed with the same key.
	 */
	AT_JWT("at+jwt");

	private final String mediaSubtype;

	TokenType(String mediaSubtype) {
		this.mediaSubtype = mediaSubtype;
	}

	/**
	 * The {@code typ} value as joat writes it: {@code JWT} or {@code at+jwt}.
	 * @return the header value
	 */
	String headerValue() {
		return (this == JWT) ? "JWT" : "at+jwt";
	}

	/**
	 * The type a {@code typ} header value names, or {@code null} when it is neither.
	 * @param typ a {@code typ} value; {@code null} (no value) names no type
	 * @return the matching type, or {@code null}
	 */
	static @Nullable TokenType fromHeaderValue(@Nullable String typ) {
		if (typ == null) {
			return null;
		}
		String type = typ.toLowerCase(Locale.ROOT);
		if (type.startsWith("application/")) {
			type = type.substring("application/".length());
		}
		for (TokenType candidate : values()) {
			if (candidate.mediaSubtype.equals(type)) {
				return candidate;
			}
		}
		return null;
	}

}
