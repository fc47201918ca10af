package dev.joat.test.keys;

import dev.joat.InvalidTokenException;
import dev.joat.KeySet;
import dev.joat.SignatureAlgorithm;
import dev.joat.TokenParser;
import dev.joat.test.JoatTestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link JoatTestTokens#withNewKey}: tokens of every public-key algorithm pass a joat-core parser
 * with the public key, and the wrong-on-purpose ones are refused, without Spring.
 */
class KeyPairTokensTests {

	@ParameterizedTest
	@EnumSource(SignatureAlgorithm.class)
	void issueWhenKeyPairThenParserWithThePublicKeyAcceptsAndRefusesTheDefects(SignatureAlgorithm algorithm) {
		JoatTestTokens tokens = JoatTestTokens.withNewKey("https://issuer.example.test", algorithm, "key-1");
		TokenParser parser = TokenParser.withKeys(KeySet.of(tokens.verificationKey()))
			.signatureAlgorithms(algorithm)
			.issuer("https://issuer.example.test")
			.build();

		assertThat(parser.parseToken(tokens.token().subject("alice").scopes("read").issue()).userId()).isEqualTo("alice");
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(tokens.token().wrongSignature().issue()));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(tokens.token().hmacWithPublicKey().issue()));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(tokens.token().unknownKeyId().issue()));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(tokens.token().expired().issue()));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(tokens.token().wrongIssuer().issue()));
		String other = (algorithm == SignatureAlgorithm.ES256) ? "EdDSA" : "ES256";
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> parser.parseToken(tokens.token().algorithm(other).issue()));
	}

}
