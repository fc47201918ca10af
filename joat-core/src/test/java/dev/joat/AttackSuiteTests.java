package dev.joat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.joat.HostileTokens.Attack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The standing attack suite: every row of {@link HostileTokens} against {@link TokenParser},
 * asserting the exact reason, and that no refusal message echoes the secret or the token.
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

}
