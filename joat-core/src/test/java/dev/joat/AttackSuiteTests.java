package dev.joat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.joat.HostileTokens.Attack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The standing attack suite: every row of {@link HostileTokens} against {@link TokenParser},
 * asserting the exact reason, and that no refusal message echoes the secret or the token; and
 * every row of {@link HostileKeyTokens} against a parser of public keys.
 */
class AttackSuiteTests {

	private static final TokenParser PARSER = TokenParser.builder(SecretResolver.of(HostileTokens.SECRET))
		.issuer(HostileTokens.ISSUER)
		.clock(TestTokens.CLOCK)
		.build();

	private static final TokenParser KEYED_PARSER = TokenParser
		.builder(SecretRing.builder()
			.secret(HostileTokens.KEY_ID, HmacAlgorithm.HS256, HostileTokens.SECRET.getBytes(StandardCharsets.UTF_8))
			.build())
		.issuer(HostileTokens.ISSUER)
		.clock(TestTokens.CLOCK)
		.build();

	private static final TokenParser PUBLIC_KEY_PARSER = HostileKeyTokens.parser();

	static List<Attack> attacks() {
		return HostileTokens.catalog(TestTokens.NOW);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("attacks")
	void parseTokenWhenAttackThenExactReason(Attack attack) {
		TokenParser parser = attack.keyed() ? KEYED_PARSER : PARSER;
		if (attack.expected() == null) {
			assertThat(parser.parseToken(attack.token()).clientId()).isEqualTo("abcd");
			return;
		}
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> parser.parseToken(attack.token()))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(attack.expected()))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(HostileTokens.SECRET)
				.doesNotContain(attack.token().length() > 20 ? attack.token().substring(attack.token().length() - 20) : "\u0000")
				.hasSizeLessThan(300));
	}

	@Test
	void catalogWhenBuiltThenCoversEveryAttackOfTheIssue() {
		List<String> names = attacks().stream().map(Attack::name).toList();
		assertThat(names).hasSizeGreaterThan(90);
		assertThat(names).contains("alg nOnE with an empty signature", "RS256 header with an HMAC signature under the server secret",
				"5 segments (JWE shape)", "crit present", "kid path traversal", "jku header pointing at the attacker",
				"exactly the maximum length", "one character over the maximum length", "aud an array without client_id");
	}

	static List<Attack> publicKeyAttacks() {
		return HostileKeyTokens.catalog();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("publicKeyAttacks")
	void parseTokenWhenPublicKeyAttackThenExactReason(Attack attack) {
		if (attack.expected() == null) {
			assertThat(PUBLIC_KEY_PARSER.parseToken(attack.token()).clientId()).isEqualTo("abcd");
			return;
		}
		String signature = attack.token().substring(attack.token().lastIndexOf('.') + 1);
		assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> PUBLIC_KEY_PARSER.parseToken(attack.token()))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(attack.expected()))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(signature.length() > 20 ? signature.substring(0, 20) : "\u0000")
				.doesNotContain("attacker")
				.hasSizeLessThan(300));
	}

	@Test
	void publicKeyCatalogWhenBuiltThenCoversEveryAttackOfTheIssue() {
		List<String> names = publicKeyAttacks().stream().map(Attack::name).toList();
		assertThat(names).contains("HS256 keyed with the RSA public key's PEM text", "RS256 token naming the ES256 key",
				"alg none with an empty signature", "ES256 psychic signature r = s = 0", "ES256 valid signature DER-encoded",
				"jwk header embedding the attacker's key, no kid", "jku header pointing at the attacker's keys, with the server's kid",
				"x5u header pointing at the attacker's keys, with the server's kid", "x5c header with an attacker's certificate",
				"ES256 token signed with a P-384 key (a key on the wrong curve)", "EdDSA signature one byte short",
				"RS256 signature without its first byte");
	}

	@Test
	void parseTokenWhenJkuAndX5uPointAtAListeningServerThenNeverFetched() throws IOException {
		try (ServerSocket server = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
			String url = "http://127.0.0.1:" + server.getLocalPort() + "/keys";
			java.security.KeyPair attacker = TestKeys.ec("secp256r1");
			for (String parameter : List.of("jku", "x5u")) {
				String token = TestKeys.sign(SignatureAlgorithm.ES256, attacker.getPrivate(),
						"{\"alg\":\"ES256\",\"" + parameter + "\":\"" + url + "\"}", TestTokens.claims());
				assertThatExceptionOfType(InvalidTokenException.class).isThrownBy(() -> PUBLIC_KEY_PARSER.parseToken(token))
					.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(InvalidTokenException.Reason.BAD_SIGNATURE));
			}
			server.setSoTimeout(200);
			assertThatExceptionOfType(SocketTimeoutException.class).isThrownBy(server::accept);
		}
	}

	@Test
	void verificationKeyWhenKeyOnTheWrongCurveThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VerificationKey.of(SignatureAlgorithm.ES256, TestKeys.ec("secp384r1").getPublic()))
			.withMessage("An EC key for ES256 must be on P-256; this one is on another curve");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VerificationKey.of(SignatureAlgorithm.ES512, TestKeys.ec("secp256r1").getPublic()))
			.withMessage("An EC key for ES512 must be on P-521; this one is on another curve");
	}

	@Test
	void verificationKeyWhenRsaKeyShorterThan2048BitsThenRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VerificationKey.of(SignatureAlgorithm.RS256, TestKeys.generate("RSA", 2047).getPublic()))
			.withMessage("An RSA key for RS256 must have at least 2048 bits; this one has 2047");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VerificationKey.of(SignatureAlgorithm.PS512, TestKeys.generate("RSA", 1024).getPublic()))
			.withMessage("An RSA key for PS512 must have at least 2048 bits; this one has 1024");
	}

}
