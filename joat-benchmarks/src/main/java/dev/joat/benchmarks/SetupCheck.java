package dev.joat.benchmarks;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import dev.joat.Credentials;
import dev.joat.SecretResolver;
import dev.joat.TokenParser;

/**
 * Checks, in each benchmark's {@code @Setup}, that what is about to be measured really verifies or
 * signs: a verifier must read the expected claims from the valid token and refuse every near miss
 * of its {@link BenchmarkTokens.TokenSet} (changed payload, other secret or key, expired, other audience);
 * a signer's token must pass joat's parser with the expected claims. A failed check throws,
 * which fails that benchmark loudly.
 */
final class SetupCheck {

	/** Reads a token with the library under test; throws when the library refuses it. */
	@FunctionalInterface
	interface TokenReader {

		SeenClaims read(String token) throws Exception;

	}

	/** Signs the benchmark claims with the library under test. */
	@FunctionalInterface
	interface TokenWriter {

		String write() throws Exception;

	}

	/** The claims every benchmark reads from a token, as the library under test reported them. */
	record SeenClaims(String subject, String clientId, String issuer, List<String> scope, long expiresAt) {

		static SeenClaims expected(String clientId) {
			return new SeenClaims(BenchmarkTokens.USER_ID, clientId, BenchmarkTokens.ISSUER, BenchmarkTokens.SCOPE,
					BenchmarkTokens.EXPIRES_AT);
		}

		static SeenClaims of(Credentials credentials) {
			return new SeenClaims(credentials.userId(), credentials.clientId(), credentials.provider(),
					credentials.authorizedScope(), credentials.expiresAt().getEpochSecond());
		}

		static long seconds(Date date) {
			return date.getTime() / 1000;
		}

		static long seconds(Instant instant) {
			return instant.getEpochSecond();
		}

		/** The one audience of a token whose library reports {@code aud} as a collection. */
		static String onlyAudience(Collection<String> audience) {
			if (audience == null || audience.size() != 1) {
				throw new IllegalStateException("Expected exactly one audience, got " + audience);
			}
			return audience.iterator().next();
		}

	}

	private static final TokenParser JOAT_CHECK = TokenParser.builder(SecretResolver.of(BenchmarkTokens.SECRET))
		.issuer(BenchmarkTokens.ISSUER)
		.build();

	private SetupCheck() {
	}

	static void requireVerifier(String verifier, BenchmarkTokens.TokenSet tokens, TokenReader reader) {
		SeenClaims seen;
		try {
			seen = reader.read(tokens.valid());
		}
		catch (Exception ex) {
			throw new IllegalStateException(verifier + " refused the benchmark token", ex);
		}
		SeenClaims expected = SeenClaims.expected(tokens.clientId());
		if (!expected.equals(seen)) {
			throw new IllegalStateException(verifier + " read " + seen + " from the benchmark token; expected " + expected);
		}
		requireRefused(verifier, reader, "a token with a changed payload", tokens.tamperedPayload());
		requireRefused(verifier, reader, "a token signed with another secret or key", tokens.wrongSecret());
		requireRefused(verifier, reader, "an expired token", tokens.expired());
		requireRefused(verifier, reader, "a token for another audience", tokens.wrongAudience());
	}

	static void requireSigner(String signer, TokenWriter writer) {
		String token;
		try {
			token = writer.write();
		}
		catch (Exception ex) {
			throw new IllegalStateException(signer + " could not sign the benchmark claims", ex);
		}
		SeenClaims seen = SeenClaims.of(JOAT_CHECK.parseToken(token));
		SeenClaims expected = SeenClaims.expected(BenchmarkTokens.CLIENT_ID);
		if (!expected.equals(seen)) {
			throw new IllegalStateException(signer + " wrote " + seen + "; expected " + expected + " in " + token);
		}
	}

	private static void requireRefused(String verifier, TokenReader reader, String what, String token) {
		try {
			reader.read(token);
		}
		catch (Exception ex) {
			return;
		}
		throw new IllegalStateException(verifier + " accepted " + what + ": " + token);
	}

}
