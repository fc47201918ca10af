package dev.joat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The Java examples of the site's "Issuing tokens" page (docs/pages/issuing-tokens.md) run here. The
 * page includes them from this file, between the {@code tag::NAME[]} and {@code end::NAME[]} comments
 * below (docs/build.sh extracts them), so the two cannot drift; the last test checks that a page
 * includes each one.
 */
class ReadmeExamplesTests {

	private static final Path PAGES = Path.of("..", "docs", "pages");

	private final Clock clock = TestTokens.CLOCK;

	@Test
	void readmeWhenIssueAndParseExampleRunThenCredentialsRoundTrip() {
		byte[] secret = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
		// tag::issue-and-parse[]
		SecretResolver secrets = SecretResolver.of(secret); // at least 32 bytes for HS256

		TokenGenerator generator = TokenGenerator.builder("My OAuth2 Provider", secrets)
			.lifetime(Duration.ofMinutes(30))
			.build();
		String token = generator.issueToken(TokenRequest.builder("abcd", List.of("profile", "read"))
			.userId("1234")
			.build());

		TokenParser parser = TokenParser.builder(secrets)
			.issuer("My OAuth2 Provider")
			.build();
		Credentials credentials = parser.parseToken(token);
		credentials.asMap(); // {user_id=1234, authorized_scope=[profile, read], client_id=abcd, provider=My OAuth2 Provider, jti=…}
		// end::issue-and-parse[]
		assertThat(credentials.asMap()).containsExactly(Map.entry("user_id", "1234"),
				Map.entry("authorized_scope", List.of("profile", "read")), Map.entry("client_id", "abcd"),
				Map.entry("provider", "My OAuth2 Provider"), Map.entry("jti", credentials.tokenId()));
		assertThat(credentials.tokenId()).hasSize(22);
		assertThat(credentials.expiresAt()).isEqualTo(credentials.issuedAt().plusSeconds(1800));
	}

	@Test
	void readmeWhenRefusalExampleRunThenReasonGiven() {
		TokenParser parser = TestTokens.parser().build();
		String token = TestTokens.sign("{\"alg\":\"none\"}", TestTokens.claims());
		Reason seen = null;
		// tag::refusal[]
		try {
			parser.parseToken(token);
		}
		catch (InvalidTokenException ex) {
			ex.getReason();  // e.g. EXPIRED, BAD_SIGNATURE, UNSUPPORTED_ALGORITHM
			ex.getMessage(); // safe to show the client: never the secret, never the token
			// end::refusal[]
			seen = ex.getReason();
		}
		assertThat(seen).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
	}

	@Test
	void readmeWhenPerClientResolverExampleRunThenEachClientHasItsOwnSecret() {
		byte[] masterSecret = TestTokens.LONG_SECRET.getBytes(StandardCharsets.UTF_8);
		SecretResolver perClient = PerClientSecrets.resolver(masterSecret);
		TokenGenerator generator = TokenGenerator.builder("My OAuth2 Provider", perClient).clock(this.clock).build();
		TokenParser parser = TokenParser.builder(perClient).clock(this.clock).build();

		String forAbcd = generator.issueToken(TokenRequest.builder("abcd", List.of("read")).userId("1234").build());
		assertThat(parser.parseToken(forAbcd).clientId()).isEqualTo("abcd");

		// Rewriting aud or sub changes the derived secret, so the signature no longer matches.
		String[] parts = forAbcd.split("\\.");
		String retargeted = TestTokens.b64(new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
				StandardCharsets.UTF_8).replace("\"aud\":\"abcd\"", "\"aud\":\"efgh\""));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(parts[0] + "." + retargeted + "." + parts[2]))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE));

		// Without the master secret, the claims alone do not give the secret.
		TokenParser otherMaster = TokenParser
			.builder(PerClientSecrets.resolver(("x" + TestTokens.LONG_SECRET).getBytes(StandardCharsets.UTF_8)))
			.clock(this.clock)
			.build();
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> otherMaster.parseToken(forAbcd))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE));

		// A token naming no client gets no secret.
		assertThat(perClient.resolveSecret(Map.of(), Map.of("sub", "1234"))).isNull();
	}

	@Test
	void pagesWhenReadThenIncludeEveryTaggedExample() throws IOException {
		String pages;
		try (Stream<Path> files = Files.walk(PAGES)) {
			StringBuilder all = new StringBuilder();
			for (Path page : files.filter((path) -> path.toString().endsWith(".md")).toList()) {
				all.append(Files.readString(page));
			}
			pages = all.toString();
		}
		for (String tag : List.of("issue-and-parse", "refusal", "per-client-resolver")) {
			assertThat(pages).as("a page of docs/pages includes the '%s' example of ReadmeExamplesTests", tag)
				.contains("--8<-- \"ReadmeExamplesTests-" + tag + ".java\"");
		}
	}

	// tag::per-client-resolver[]
	/** One secret per client, derived from a server-side master secret: never from the claims alone. */
	static final class PerClientSecrets {

		static SecretResolver resolver(byte[] masterSecret) {
			byte[] master = masterSecret.clone();
			return (header, claims) -> {
				// The claims are not verified yet: use them only as data for the derivation.
				if (!(claims.get("aud") instanceof String client) || !(claims.get("sub") instanceof String user)) {
					return null; // refuses the token: SECRET_UNAVAILABLE
				}
				try {
					Mac hmac = Mac.getInstance("HmacSHA256");
					hmac.init(new SecretKeySpec(master, "HmacSHA256"));
					return hmac.doFinal(("joat-client-secret\0" + client + "\0" + user).getBytes(StandardCharsets.UTF_8));
				}
				catch (GeneralSecurityException ex) {
					throw new IllegalStateException(ex);
				}
			};
		}

	}
	// end::per-client-resolver[]

}
