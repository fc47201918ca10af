package dev.joat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class JwkSetParserTests {

	/** RFC 7517 Appendix A.1 (and RFC 7638 §3.1's key, with its kid). */
	static final String RFC7517_A1 = """
			{"keys":
			  [
			    {"kty":"EC",
			     "crv":"P-256",
			     "x":"MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4",
			     "y":"4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM",
			     "use":"enc",
			     "kid":"1"},
			    {"kty":"RSA",
			     "n": "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw",
			     "e":"AQAB",
			     "alg":"RS256",
			     "kid":"2011-04-29"}
			  ]
			}""";

	private static final String RFC7638_N = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

	private static final JwkSetParser PARSER = JwkSetParser.builder()
		.algorithms(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256, SignatureAlgorithm.EdDSA)
		.build();

	private static final KeyPair RSA = TestJwks.rsa(2048);

	private static final KeyPair EC = TestJwks.ec("secp256r1");

	@Test
	void parseWhenRfc7517AppendixA1ThenSignatureKeyKeptAndEncryptionKeySkipped() {
		JwkSetParser.Result result = PARSER.parse(bytes(RFC7517_A1));
		assertThat(result.keys().size()).isEqualTo(1);
		VerificationKey key = result.keys().find("2011-04-29");
		assertThat(key).isNotNull();
		assertThat(key.algorithm()).isEqualTo(SignatureAlgorithm.RS256);
		assertThat(key.thumbprint()).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
		assertThat(result.skipped()).containsExactly("key 0 (kid \"1\"): use is \"enc\", not \"sig\"");
	}

	@Test
	void parseWhenRfc7517EcExampleKeyIsForSigningThenBoundToEs256OnItsCurve() {
		JwkSetParser.Result result = PARSER.parse(bytes(RFC7517_A1.replace("\"use\":\"enc\",", "")));
		VerificationKey key = result.keys().find("1");
		assertThat(key).isNotNull();
		assertThat(key.algorithm()).isEqualTo(SignatureAlgorithm.ES256);
		assertThat(result.skipped()).isEmpty();
	}

	@Test
	void parseWhenKeyHasNoKidThenItsRfc7638ThumbprintIsItsKeyId() {
		String set = "{\"keys\":[{\"kty\":\"RSA\",\"n\":\"" + RFC7638_N + "\",\"e\":\"AQAB\"}]}";
		KeySet keys = PARSER.parse(bytes(set)).keys();
		assertThat(keys.find("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs")).isNotNull()
			.extracting(VerificationKey::algorithm)
			.isEqualTo(SignatureAlgorithm.RS256);
	}

	@Test
	void parseWhenRfc8037Ed25519ExampleThenKeyVerifiesTheRfcSignatureAndHasTheRfcThumbprint() throws Exception {
		// RFC 8037 Appendix A.2 (public key), A.3 (thumbprint) and A.4 (signature).
		String set = "{\"keys\":[{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo\"}]}";
		VerificationKey key = PARSER.parse(bytes(set)).keys().find("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k");
		assertThat(key).isNotNull();
		assertThat(key.algorithm()).isEqualTo(SignatureAlgorithm.EdDSA);
		Signature verifier = Signature.getInstance("Ed25519");
		verifier.initVerify(key.publicKey());
		verifier.update(bytes("eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc"));
		assertThat(verifier.verify(Base64.getUrlDecoder()
			.decode("hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg"))).isTrue();
	}

	@Test
	void parseWhenKeysOfEveryTypeFromJdkKeyPairsThenEachEqualsItsPublicKey() {
		KeyPair p384 = TestJwks.ec("secp384r1");
		KeyPair p521 = TestJwks.ec("secp521r1");
		KeyPair ed = TestJwks.ed25519();
		JwkSetParser parser = JwkSetParser.builder()
			.algorithms(SignatureAlgorithm.PS512, SignatureAlgorithm.ES384, SignatureAlgorithm.ES512, SignatureAlgorithm.ES256,
					SignatureAlgorithm.EdDSA)
			.build();
		KeySet keys = parser.parse(bytes(TestJwks.set(TestJwks.jwk(RSA.getPublic(), "\"kid\":\"r\""),
				TestJwks.jwk(EC.getPublic(), "\"kid\":\"e256\""), TestJwks.jwk(p384.getPublic(), "\"kid\":\"e384\""),
				TestJwks.jwk(p521.getPublic(), "\"kid\":\"e521\""), TestJwks.jwk(ed.getPublic(), "\"kid\":\"ed\""))))
			.keys();
		assertThat(keys.find("r").algorithm()).isEqualTo(SignatureAlgorithm.PS512);
		assertThat(keys.find("r").publicKey()).isEqualTo(RSA.getPublic());
		assertThat(keys.find("e256").publicKey()).isEqualTo(EC.getPublic());
		assertThat(keys.find("e384").algorithm()).isEqualTo(SignatureAlgorithm.ES384);
		assertThat(keys.find("e384").publicKey()).isEqualTo(p384.getPublic());
		assertThat(keys.find("e521").algorithm()).isEqualTo(SignatureAlgorithm.ES512);
		assertThat(keys.find("e521").publicKey()).isEqualTo(p521.getPublic());
		assertThat(keys.find("ed").publicKey().getEncoded()).isEqualTo(ed.getPublic().getEncoded());
	}

	@Test
	void parseWhenKeycloakStyleSetThenSigningKeyKeptAndEncryptionKeySkipped() {
		String set = TestJwks.set(
				TestJwks.jwk(RSA.getPublic(), "\"kid\":\"Yx5uF1kq\",\"alg\":\"RS256\",\"use\":\"sig\",\"x5c\":[\"MIICmzCCAYMCBgGL\"],"
						+ "\"x5t\":\"q1w2e3\",\"x5t#S256\":\"a1s2d3\""),
				TestJwks.jwk(TestJwks.rsa(2048).getPublic(), "\"kid\":\"enc-key\",\"alg\":\"RSA-OAEP\",\"use\":\"enc\""));
		JwkSetParser.Result result = PARSER.parse(bytes(set));
		assertThat(result.keys().keys()).extracting(VerificationKey::keyId).containsExactly("Yx5uF1kq");
		assertThat(result.skipped()).containsExactly("key 1 (kid \"enc-key\"): use is \"enc\", not \"sig\"");
	}

	@Test
	void parseWhenEntraStyleSetWithoutAlgThenBoundToFirstAcceptedAlgorithmThatFits() {
		String set = TestJwks.set(TestJwks.jwk(RSA.getPublic(), "\"kid\":\"nOo3ZDrODXEK1jKWhXslHR_KXEg\",\"use\":\"sig\","
				+ "\"x5t\":\"nOo3ZDrODXEK1jKWhXslHR_KXEg\",\"x5c\":[\"MIIC/TCCAeWgAwIBAgII\"],"
				+ "\"issuer\":\"https://login.microsoftonline.com/{tenantid}/v2.0\",\"cloud_instance_name\":\"microsoftonline.com\""));
		JwkSetParser parser = JwkSetParser.builder().algorithms(SignatureAlgorithm.ES256, SignatureAlgorithm.PS256,
				SignatureAlgorithm.RS256).build();
		assertThat(parser.parse(bytes(set)).keys().find("nOo3ZDrODXEK1jKWhXslHR_KXEg").algorithm())
			.isEqualTo(SignatureAlgorithm.PS256);
		assertThat(JwkSetParser.builder().build().parse(bytes(set)).keys().find("nOo3ZDrODXEK1jKWhXslHR_KXEg").algorithm())
			.isEqualTo(SignatureAlgorithm.RS256);
	}

	@Test
	void parseWhenAuth0AndOktaStyleSetsThenEveryKeyKept() {
		String auth0 = TestJwks.set(
				TestJwks.jwk(RSA.getPublic(), "\"use\":\"sig\",\"kid\":\"QzE5OUQ4\",\"x5t\":\"QzE5OUQ4\",\"x5c\":[\"MIIDDTCC\"],\"alg\":\"RS256\""),
				TestJwks.jwk(TestJwks.rsa(2048).getPublic(), "\"use\":\"sig\",\"kid\":\"next\",\"alg\":\"RS256\""));
		String okta = TestJwks.set(TestJwks.jwk(RSA.getPublic(), "\"alg\":\"RS256\",\"kid\":\"okta-1\",\"use\":\"sig\""));
		assertThat(JwkSetParser.builder().build().parse(bytes(auth0)).keys().size()).isEqualTo(2);
		assertThat(JwkSetParser.builder().build().parse(bytes(okta)).keys().find("okta-1")).isNotNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			oct key                     | "kty":"oct","k":"c2VjcmV0"                      | has the private or symmetric member "k"; a JWK Set for verification holds public keys only
			oct without k               | "kty":"oct"                                     | kty "oct" is not supported; verification keys are RSA, EC or OKP
			private RSA member          | "kty":"RSA","n":"AQAB","e":"AQAB","d":"AQAB"    | has the private or symmetric member "d"; a JWK Set for verification holds public keys only
			no kty                      | "n":"AQAB"                                      | has no "kty"
			kty not a string            | "kty":1                                         | "kty" is not a string
			use enc                     | "kty":"RSA","use":"enc"                         | use is "enc", not "sig"
			key_ops without verify      | "kty":"RSA","key_ops":["sign"]                  | key_ops does not include "verify"
			key_ops duplicate           | "kty":"RSA","key_ops":["verify","verify"]       | key_ops holds "verify" twice
			key_ops not an array        | "kty":"RSA","key_ops":"verify"                  | key_ops is not an array
			alg not accepted            | "kty":"RSA","alg":"RS512"                       | alg "RS512" is not an accepted algorithm
			alg unknown                 | "kty":"RSA","alg":"none"                        | alg "none" is not an accepted algorithm
			alg HMAC                    | "kty":"RSA","alg":"HS256"                       | alg "HS256" is not an accepted algorithm
			alg of another key type     | "kty":"RSA","alg":"ES256"                       | alg ES256 does not fit an RSA key
			alg of another curve        | "kty":"EC","crv":"P-384","alg":"ES256"          | alg ES256 does not fit an EC "P-384" key
			no accepted alg fits        | "kty":"EC","crv":"P-521"                        | has no alg, and no accepted algorithm fits an EC "P-521" key
			Ed448                       | "kty":"OKP","crv":"Ed448","x":"AQAB"            | has no alg, and no accepted algorithm fits an OKP "Ed448" key
			EC without crv              | "kty":"EC","x":"AQAB"                           | has no "crv"
			empty kid                   | "kty":"RSA","kid":""                            | kid is empty
			RSA without n               | "kty":"RSA","e":"AQAB"                          | has no "n"
			n not base64url             | "kty":"RSA","n":"AQ+B","e":"AQAB"               | "n" is not canonical base64url
			n not canonical             | "kty":"RSA","n":"AR","e":"AQAB"                 | "n" is not canonical base64url
			n empty                     | "kty":"RSA","n":"","e":"AQAB"                   | "n" is not a value
			RSA too short               | "kty":"RSA","n":"AQAB","e":"AQAB"               | the RSA modulus has 17 bits, fewer than the 2048 required
			EC x too short              | "kty":"EC","crv":"P-256","x":"AQAB","y":"AQAB"  | x and y of a P-256 key must be 32 bytes each (RFC 7518 §6.2.1.2)
			Ed25519 x too short         | "kty":"OKP","crv":"Ed25519","x":"AQAB"          | x of an Ed25519 key must be 32 bytes (RFC 8037 §2)
			Ed25519 x not canonical     | "kty":"OKP","crv":"Ed25519","x":"__________________________________________8" | x of the Ed25519 key is not a canonical encoding
			""")
	void parseWhenKeyCannotBeUsedThenSkippedWithSpecificReason(String name, String members, String reason) {
		JwkSetParser.Result result = PARSER.parse(bytes("{\"keys\":[{" + members + "}]}"));
		assertThat(result.keys().size()).isZero();
		String label = members.contains("\"kid\":\"\"") ? "key 0 (kid \"\"): " : "key 0: ";
		assertThat(result.skipped()).containsExactly(label + reason);
	}

	@Test
	void parseWhenRsaExponentIsWeakThenSkipped() {
		String jwk = TestJwks.jwk(RSA.getPublic(), "\"kid\":\"k\"");
		for (String exponent : new String[] { "AQ", "Ag", "AQAAAAAAAAAAAQ" }) {
			String weak = jwk.replace("\"e\":\"AQAB\"", "\"e\":\"" + exponent + "\"");
			assertThat(PARSER.parse(bytes(TestJwks.set(weak))).skipped())
				.containsExactly("key 0 (kid \"k\"): the RSA exponent must be odd, at least 3 and at most 64 bits long");
		}
	}

	@Test
	void parseWhenRsaModulusHasLeadingZeroOctetThenAcceptedAsTheSameKey() {
		String n = Base64.getUrlEncoder().withoutPadding()
			.encodeToString(((java.security.interfaces.RSAPublicKey) RSA.getPublic()).getModulus().toByteArray());
		String set = TestJwks.set("{\"kid\":\"z\",\"kty\":\"RSA\",\"n\":\"" + n + "\",\"e\":\"AQAB\"}");
		assertThat(n).startsWith("A");
		assertThat(PARSER.parse(bytes(set)).keys().find("z").publicKey()).isEqualTo(RSA.getPublic());
	}

	@Test
	void parseWhenEcPointIsNotOnTheCurveThenSkipped() {
		String jwk = TestJwks.jwk(EC.getPublic(), "\"kid\":\"off\"");
		int y = jwk.indexOf("\"y\":\"") + 5;
		char last = jwk.charAt(y + 42);
		String offCurve = jwk.substring(0, y + 42) + ((last == 'A') ? 'E' : 'A') + jwk.substring(y + 43);
		assertThat(PARSER.parse(bytes(TestJwks.set(offCurve))).skipped())
			.containsExactly("key 0 (kid \"off\"): The EC key for ES256 is not a point on P-256");
	}

	@Test
	void parseWhenTwoKeysShareAKidThenFirstUsableKeptAndLaterSkipped() {
		String set = TestJwks.set(TestJwks.jwk(RSA.getPublic(), "\"kid\":\"same\",\"alg\":\"RS512\""),
				TestJwks.jwk(EC.getPublic(), "\"kid\":\"same\""), TestJwks.jwk(TestJwks.rsa(2048).getPublic(), "\"kid\":\"same\""));
		JwkSetParser.Result result = PARSER.parse(bytes(set));
		assertThat(result.keys().find("same").algorithm()).isEqualTo(SignatureAlgorithm.ES256);
		assertThat(result.skipped()).containsExactly("key 0 (kid \"same\"): alg \"RS512\" is not an accepted algorithm",
				"key 2 (kid \"same\"): the kid \"same\" is taken by an earlier key");
	}

	@Test
	void parseWhenKidIsLongOrHasControlCharactersThenReasonQuotesAShortPrintablePrefix() {
		String set = "{\"keys\":[{\"kid\":\"\\u0007evil\\nkid-that-goes-on-and-on\",\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}";
		assertThat(PARSER.parse(bytes(set)).skipped().get(0)).startsWith("key 0 (kid \"?evil?kid-that-g...\"): ")
			.doesNotContain("c2VjcmV0");
	}

	@Test
	void parseWhenKeysElementIsNotAnObjectThenSkipped() {
		JwkSetParser.Result result = PARSER.parse(bytes(TestJwks.set("1", TestJwks.jwk(EC.getPublic(), "\"kid\":\"ok\""))));
		assertThat(result.skipped()).containsExactly("key 0: is not a JSON object");
		assertThat(result.keys().size()).isEqualTo(1);
	}

	@Test
	void parseWhenUnknownMembersThenIgnored() {
		String set = "{\"keys\":[" + TestJwks.jwk(EC.getPublic(), "\"kid\":\"ok\",\"ext\":true,\"nested\":{\"a\":[1]}")
				+ "],\"extra\":\"ignored\"}";
		assertThat(PARSER.parse(bytes(set)).keys().find("ok")).isNotNull();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
			not JSON             | keys                        | Not a JWK Set: the document is not a JSON object
			array                | []                          | Not a JWK Set: the document is not a JSON object
			truncated            | {"keys":[                   | Not a JWK Set: the document is not valid JSON
			trailing content     | {"keys":[]} {}              | Not a JWK Set: the document has content after the JSON object
			duplicate keys       | {"keys":[],"keys":[]}       | Not a JWK Set: the document has a duplicate member name
			no keys              | {"kty":"RSA"}               | Not a JWK Set: it has no "keys" member
			keys not an array    | {"keys":{}}                 | Not a JWK Set: "keys" is not an array
			keys null            | {"keys":null}               | Not a JWK Set: "keys" is not an array
			""")
	void parseWhenDocumentIsNotAJwkSetThenRefusedWithSpecificMessage(String name, String json, String message) {
		assertThatExceptionOfType(JwkSetException.class).isThrownBy(() -> PARSER.parse(bytes(json)))
			.withMessage(message);
	}

	@Test
	void parseWhenInvalidUtf8ThenRefused() {
		byte[] json = { '{', '"', 'k', (byte) 0xC0, (byte) 0x80, '"', ':', '1', '}' };
		assertThatExceptionOfType(JwkSetException.class).isThrownBy(() -> PARSER.parse(json))
			.withMessageStartingWith("Not a JWK Set: the document ")
			.withMessageContaining("UTF-8");
	}

	@Test
	void parseWhenLargerThanMaxSizeThenRefusedBeforeReading() {
		JwkSetParser parser = JwkSetParser.builder().maxSize(64).build();
		String padded = "{\"keys\":[]" + " ".repeat(53) + "}";
		assertThat(padded).hasSize(64);
		assertThat(parser.parse(bytes(padded)).keys().size()).isZero();
		assertThatExceptionOfType(JwkSetException.class).isThrownBy(() -> parser.parse(bytes(padded + " ")))
			.withMessage("The JWK Set has 65 bytes, more than the 64 allowed");
		assertThat(JwkSetParser.builder().build().maxSize()).isEqualTo(256 * 1024);
	}

	@Test
	void parseWhenMoreKeysThanMaxKeysThenRefusedWhole() {
		JwkSetParser parser = JwkSetParser.builder().maxKeys(2).build();
		assertThat(parser.parse(bytes(TestJwks.set("{}", "{}"))).skipped()).hasSize(2);
		assertThatExceptionOfType(JwkSetException.class).isThrownBy(() -> parser.parse(bytes(TestJwks.set("{}", "{}", "{}"))))
			.withMessage("The JWK Set has 3 keys, more than the 2 allowed");
		assertThat(JwkSetParser.builder().build().maxKeys()).isEqualTo(100);
	}

	@Test
	void builderWhenInvalidSettingsThenRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> JwkSetParser.builder().algorithms(Collections.emptyList()))
			.withMessage("algorithms cannot be empty");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JwkSetParser.builder().algorithms(SignatureAlgorithm.RS256, SignatureAlgorithm.RS256))
			.withMessage("algorithms must be distinct");
		assertThatIllegalArgumentException().isThrownBy(() -> JwkSetParser.builder().maxSize(0))
			.withMessage("maxSize must be positive");
		assertThatIllegalArgumentException().isThrownBy(() -> JwkSetParser.builder().maxKeys(-1))
			.withMessage("maxKeys must be positive");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
