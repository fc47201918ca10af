package dev.joat.interop;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import dev.joat.HmacAlgorithm;
import dev.joat.HostileTokens;
import dev.joat.HostileTokens.Attack;
import dev.joat.InvalidTokenException;
import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.TokenParser;
import dev.joat.TokenRequest;
import dev.joat.revocation.InMemoryRevocationStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * joat and the other Java JOSE implementations agree about tokens: joat's verify in Spring's
 * {@code NimbusJwtDecoder}, Nimbus JOSE+JWT, jjwt and auth0 java-jwt, and theirs, in PyJOAT's
 * layout, parse in joat to the same credentials. Where they disagree about an attack of
 * {@link HostileTokens}, the difference is written down in {@link #DISAGREEMENTS} and asserted, so
 * a library that changes its mind fails this test (see docs/pages/interop.md).
 */
class InteropTests {

	private static final String SECRET = HostileTokens.SECRET;

	private static final String LONG_SECRET = SECRET + SECRET;

	private static final String ISSUER = HostileTokens.ISSUER;

	/**
	 * Attacks that some library accepts although joat refuses them (or the reverse), with the
	 * libraries that disagree with joat. Why, row by row:
	 * <ul>
	 * <li>padding, '+'/'/' spellings and non-zero trailing bits: Nimbus (and Spring on it), jjwt
	 * and auth0 decode base64url leniently, so one token has several spellings; joat has one.</li>
	 * <li>duplicate names: the other libraries' JSON parsers let the last member win, so
	 * {@code "scp"} or {@code "exp"} can be restated after the signed value; joat refuses.</li>
	 * <li>deep nesting: accepted by libraries that do not bound depth. {@code crit}: auth0 ignores
	 * it (RFC 7515 §4.1.11 requires refusing unknown critical extensions).</li>
	 * <li>{@code exp}/{@code nbf}/{@code iat} as numeric strings: jjwt converts them.</li>
	 * <li>not UTF-8: the others decode with replacement characters; joat refuses.</li>
	 * <li>a trailing newline: Nimbus trims whitespace around the token.</li>
	 * <li>an emoji (a surrogate pair) after the signature: Nimbus's base64url decoder skips
	 * characters outside the alphabet.</li>
	 * <li>{@code exp}/{@code nbf}/{@code iat} as fractions, or out of range: accepted as dates by
	 * libraries that round or saturate; joat requires whole, representable seconds.</li>
	 * <li>missing {@code exp}: auth0, jjwt and Spring's default validators do not require it
	 * (Nimbus does here only because this test asks it to); joat does.</li>
	 * <li>negative {@code iat}/{@code nbf}: the others take them as dates before 1970.</li>
	 * <li>{@code exp} not after {@code iat} (with {@code iat} within the skew): jjwt and Nimbus do
	 * not compare them; auth0 refuses the future {@code iat}; Spring's {@code Jwt} cannot hold such a
	 * token, so its decoder fails (with a server error rather than a refusal); joat refuses it as an
	 * invalid claim.</li>
	 * <li>{@code scp}/{@code aud} of the wrong shape: the others do not interpret {@code scp} and
	 * accept any {@code aud}; joat refuses what cannot name a client or a scope.</li>
	 * <li>longer than 8192 characters: the others have no size bound.</li>
	 * </ul>
	 */
	static final Map<String, Set<String>> DISAGREEMENTS = Map.ofEntries(
			Map.entry("'=' padding on the signature", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("aud an array without client_id", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("crit present", Set.of("auth0")),
			Map.entry("duplicate alg in header", Set.of("auth0")),
			Map.entry("duplicate exp in payload", Set.of("auth0")),
			Map.entry("duplicate scp in payload", Set.of("auth0")),
			Map.entry("exp = 1.0e10", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("exp = a fraction", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("exp = a numeric string", Set.of("jjwt")),
			Map.entry("exp equal to iat", Set.of("jjwt", "nimbus")),
			Map.entry("exp before iat", Set.of("jjwt", "nimbus")),
			Map.entry("exp missing", Set.of("auth0", "jjwt", "spring-nimbus")),
			Map.entry("header nested deeper than the limit", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("iat = -1", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("iat = 1.0e10", Set.of("jjwt", "nimbus")),
			Map.entry("iat = 10^23", Set.of("jjwt", "nimbus", "spring-nimbus")),
			Map.entry("iat = 2^63", Set.of("jjwt", "nimbus", "spring-nimbus")),
			Map.entry("iat = a fraction", Set.of("jjwt", "nimbus", "spring-nimbus")),
			Map.entry("iat = a numeric string", Set.of("jjwt")),
			Map.entry("nbf = -1", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("nbf = 10^23", Set.of("jjwt", "nimbus", "spring-nimbus")),
			Map.entry("nbf = 2^63", Set.of("jjwt", "nimbus", "spring-nimbus")),
			Map.entry("nbf = a fraction", Set.of("nimbus", "spring-nimbus")),
			Map.entry("non-zero trailing bits in the signature", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("one character over the maximum length", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("payload nested deeper than the limit", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("payload not UTF-8 (Latin-1)", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("scp a string", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("scp and scope both", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("scp null", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("scp with an object", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("scp with nested arrays", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("scp with numbers", Set.of("auth0", "jjwt", "nimbus", "spring-nimbus")),
			Map.entry("signature in standard base64 with '+'", Set.of("nimbus", "spring-nimbus")),
			Map.entry("signature in standard base64 with '/'", Set.of("nimbus", "spring-nimbus")),
			Map.entry("trailing newline", Set.of("nimbus", "spring-nimbus")),
			Map.entry("surrogate pair after the signature", Set.of("nimbus", "spring-nimbus")));

	@ParameterizedTest
	@EnumSource(HmacAlgorithm.class)
	void joatTokenWhenVerifiedByEachLibraryThenSameClaims(HmacAlgorithm algorithm) throws Exception {
		byte[] secret = OtherLibraries.bytes(LONG_SECRET);
		TokenGenerator generator = TokenGenerator.builder(ISSUER, SecretResolver.of(secret)).algorithm(algorithm).build();
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String token = generator.issueToken(TokenRequest.builder("abcd", List.of("profile", "read")).userId("1234")
			.issuedAt(now).tokenId("t-1").build());
		Map<String, Object> expected = Map.of("aud", "abcd", "iss", ISSUER, "exp", now.getEpochSecond() + 3600, "iat",
				now.getEpochSecond(), "scp", List.of("profile", "read"), "sub", "1234", "jti", "t-1");
		for (Map.Entry<String, OtherLibraries.Verifier> library : verifiersFor(algorithm, secret).entrySet()) {
			assertThat(library.getValue().verify(token)).as(library.getKey()).containsExactlyInAnyOrderEntriesOf(expected);
		}
	}

	@Test
	void otherLibraryTokenWhenPyJoatLayoutThenJoatParsesSameCredentials() throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		TokenParser parser = TokenParser.builder(SecretResolver.of(SECRET)).issuer(ISSUER).build();
		Map<String, String> tokens = OtherLibraries.pyjoatTokens(OtherLibraries.bytes(SECRET), ISSUER, now);
		assertThat(tokens).containsOnlyKeys("nimbus", "jjwt", "auth0");
		for (Map.Entry<String, String> token : tokens.entrySet()) {
			var credentials = parser.parseToken(token.getValue());
			assertThat(credentials.asMap()).as(token.getKey()).containsExactly(entry("user_id", "1234"),
					entry("authorized_scope", List.of("profile", "read")), entry("client_id", "abcd"),
					entry("provider", ISSUER));
			assertThat(credentials.expiresAt()).isEqualTo(now.plusSeconds(3600));
			assertThat(credentials.issuedAt()).isEqualTo(now);
		}
	}

	@Test
	void otherLibraryTokenWhenNoJtiNoSubNoTypAndRevocationCheckedThenAcceptedUntilItsClientIsRevoked()
			throws Exception {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		InMemoryRevocationStore store = InMemoryRevocationStore.builder().build();
		TokenParser parser = TokenParser.builder(SecretResolver.of(SECRET)).issuer(ISSUER).revocationList(store).build();
		Map<String, String> tokens = new LinkedHashMap<>();
		OtherLibraries.barePyjoatTokens(OtherLibraries.bytes(SECRET), ISSUER, now)
			.forEach((library, token) -> tokens.put(library + " bare", token));
		OtherLibraries.pyjoatTokens(OtherLibraries.bytes(SECRET), ISSUER, now)
			.forEach((library, token) -> tokens.put(library + " with sub", token));
		assertThat(tokens).hasSize(6);
		for (Map.Entry<String, String> token : tokens.entrySet()) {
			var credentials = parser.parseToken(token.getValue());
			assertThat(credentials.tokenId()).as(token.getKey()).isNull();
			assertThat(credentials.clientId()).as(token.getKey()).isEqualTo("abcd");
		}
		store.revokeClientSubjectTokens("abcd", "1234", now.plusSeconds(1), now.plusSeconds(3600));
		for (Map.Entry<String, String> token : tokens.entrySet()) {
			if (token.getKey().endsWith("with sub")) {
				assertThatExceptionOfType(InvalidTokenException.class).as(token.getKey())
					.isThrownBy(() -> parser.parseToken(token.getValue()))
					.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.REVOKED));
			}
			else {
				assertThat(parser.parseToken(token.getValue()).userId()).as(token.getKey()).isNull();
			}
		}
		store.revokeClientTokens("abcd", now.plusSeconds(1), now.plusSeconds(3600));
		for (Map.Entry<String, String> token : tokens.entrySet()) {
			assertThatExceptionOfType(InvalidTokenException.class).as(token.getKey())
				.isThrownBy(() -> parser.parseToken(token.getValue()));
		}
		TokenParser requiring = TokenParser.builder(SecretResolver.of(SECRET))
			.issuer(ISSUER)
			.revocationList(InMemoryRevocationStore.builder().build())
			.requireTokenId(true)
			.build();
		for (Map.Entry<String, String> token : tokens.entrySet()) {
			assertThatExceptionOfType(InvalidTokenException.class).as(token.getKey())
				.isThrownBy(() -> requiring.parseToken(token.getValue()))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.MISSING_CLAIM));
		}
	}

	@Test
	void attacksWhenVerifiedByEachLibraryThenOnlyTheDocumentedDisagreements() {
		Map<String, OtherLibraries.Verifier> verifiers = OtherLibraries.verifiers(OtherLibraries.bytes(SECRET), ISSUER);
		Map<String, Set<String>> disagreements = new TreeMap<>();
		for (Attack attack : HostileTokens.catalog(Instant.now())) {
			if (attack.keyed()) {
				continue;
			}
			boolean joatAccepts = attack.expected() == null;
			for (Map.Entry<String, OtherLibraries.Verifier> library : verifiers.entrySet()) {
				boolean accepts;
				try {
					library.getValue().verify(attack.token());
					accepts = true;
				}
				catch (Exception ex) {
					accepts = false;
				}
				if (accepts != joatAccepts) {
					disagreements.computeIfAbsent(attack.name(), (name) -> new TreeSet<>()).add(library.getKey());
				}
			}
		}
		assertThat(disagreements).isEqualTo(new TreeMap<>(DISAGREEMENTS));
	}

	private static Map<String, OtherLibraries.Verifier> verifiersFor(HmacAlgorithm algorithm, byte[] secret) {
		return OtherLibraries.verifiers(secret, ISSUER, algorithm.jwsName());
	}

}
