package dev.joat;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Project Wycheproof's signature vectors for the asymmetric JWS algorithms
 * (src/test/resources/vectors/wycheproof-jws-algorithms, copied from ../shared/vectors with their
 * licence), every vector of every file, through {@link SignatureVerifier#verify}: the function the
 * parser gives a token's signing input and decoded signature, form checks first, then the JDK.
 * Every key of these files is at least 2,048 bits or on its algorithm's curve, so each becomes a
 * {@link VerificationKey} with its checks; none is skipped.
 */
class WycheproofSignatureTests {

	/** Each file, with the one JWS algorithm whose parameters it was made with. */
	private static final Map<String, SignatureAlgorithm> FILES = new LinkedHashMap<>();

	static {
		FILES.put("ecdsa_secp256r1_sha256_p1363_test.json", SignatureAlgorithm.ES256);
		FILES.put("ecdsa_secp384r1_sha384_p1363_test.json", SignatureAlgorithm.ES384);
		FILES.put("ecdsa_secp521r1_sha512_p1363_test.json", SignatureAlgorithm.ES512);
		FILES.put("rsa_signature_2048_sha256_test.json", SignatureAlgorithm.RS256);
		FILES.put("rsa_signature_2048_sha384_test.json", SignatureAlgorithm.RS384);
		FILES.put("rsa_signature_2048_sha512_test.json", SignatureAlgorithm.RS512);
		FILES.put("rsa_signature_3072_sha256_test.json", SignatureAlgorithm.RS256);
		FILES.put("rsa_signature_4096_sha512_test.json", SignatureAlgorithm.RS512);
		FILES.put("rsa_pss_2048_sha256_mgf1_32_test.json", SignatureAlgorithm.PS256);
		FILES.put("rsa_pss_2048_sha384_mgf1_48_test.json", SignatureAlgorithm.PS384);
		FILES.put("rsa_pss_4096_sha512_mgf1_64_test.json", SignatureAlgorithm.PS512);
		FILES.put("ed25519_test.json", SignatureAlgorithm.EdDSA);
	}

	/**
	 * The decision on every {@code acceptable} vector: accepted, as the JDK does. They are all
	 * PKCS #1 v1.5 signatures whose DigestInfo omits the NULL parameters of the hash's
	 * AlgorithmIdentifier ({@code MissingNull}), which RFC 8017 §9.2 note 2 allows verifiers to
	 * accept; only the holder of the private key can make one, so accepting it admits no forgery.
	 */
	private static final Set<String> ACCEPTABLE_FLAGS_ACCEPTED = Set.of("MissingNull");

	/**
	 * Valid ECDSA signatures whose point's x is at least n, so that {@code r = x - n} is small
	 * ("r = 3, x = n + 3", "k*G has a large x-coordinate"), by file and tcId. JDK 17 refuses them
	 * (its verifier compares r with x before reducing x mod n); JDK 25 accepts them. Refusing
	 * them costs nothing in practice: an honest signer makes one with a chance below 2^-128.
	 * They are asserted refused on JDK 17 and accepted from JDK 25, so that this note stays true.
	 */
	private static final Set<String> JDK17_REFUSES_VALID = Set.of("ecdsa_secp256r1_sha256_p1363_test.json#115",
			"ecdsa_secp256r1_sha256_p1363_test.json#257", "ecdsa_secp384r1_sha384_p1363_test.json#147",
			"ecdsa_secp384r1_sha384_p1363_test.json#275", "ecdsa_secp521r1_sha512_p1363_test.json#184",
			"ecdsa_secp521r1_sha512_p1363_test.json#313");

	@ParameterizedTest
	@MethodSource("vectors")
	void verifyWhenWycheproofVectorThenResultAsLabelled(Vector vector) {
		int jdk = Runtime.version().feature();
		switch (vector.result()) {
			case "valid" -> {
				if (!JDK17_REFUSES_VALID.contains(vector.file() + "#" + vector.tcId()) || jdk >= 25) {
					assertThat(verify(vector)).isTrue();
				}
				else if (jdk == 17) {
					assertThat(verify(vector)).isFalse();
				}
			}
			case "invalid" -> assertRefused(vector);
			case "acceptable" -> {
				assertThat(vector.flags()).isSubsetOf(ACCEPTABLE_FLAGS_ACCEPTED);
				assertThat(verify(vector)).isTrue();
			}
			default -> throw new IllegalStateException("Unknown result " + vector.result());
		}
	}

	/**
	 * CVE-2022-21449: the vectors with {@code r} or {@code s} equal to 0 or to n are refused as
	 * malformed by joat's own check, before the JDK is asked.
	 */
	@Test
	void verifyWhenEcdsaRangeVectorsThenRefusedBeforeTheJdk() throws IOException {
		List<Vector> outOfRange = vectors().map((arguments) -> (Vector) ((Named<?>) arguments.get()[0]).getPayload())
			.filter((vector) -> vector.key().algorithm().keyType().equals("EC"))
			.filter((vector) -> vector.flags().contains("RangeCheck") || vector.flags().contains("InvalidSignature")
					&& vector.comment().matches(".*(r = 0|s = 0|r = n|s = n).*"))
			.toList();
		assertThat(outOfRange).isNotEmpty().allSatisfy((vector) -> assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> verify(vector))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED_SIGNATURE)));
	}

	@Test
	void vectorsWhenReadThenEveryTestOfEveryFileIsRun() throws IOException {
		int expected = 0;
		for (String file : FILES.keySet()) {
			expected += read(file).get("numberOfTests").asInt();
		}
		assertThat(vectors().count()).isEqualTo(expected).isEqualTo(2733);
	}

	private static void assertRefused(Vector vector) {
		try {
			assertThat(verify(vector)).isFalse();
		}
		catch (InvalidTokenException ex) {
			assertThat(ex.getReason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
		}
	}

	private static boolean verify(Vector vector) {
		return SignatureVerifier.verify(vector.key(), vector.message(), vector.message().length, vector.signature());
	}

	static Stream<Arguments> vectors() throws IOException {
		List<Arguments> vectors = new ArrayList<>();
		HexFormat hex = HexFormat.of();
		for (Map.Entry<String, SignatureAlgorithm> file : FILES.entrySet()) {
			SignatureAlgorithm algorithm = file.getValue();
			for (JsonNode group : read(file.getKey()).get("testGroups")) {
				checkParameters(algorithm, group);
				VerificationKey key = VerificationKey.of(algorithm, publicKey(algorithm, hex.parseHex(group.get("publicKeyDer").asString())));
				for (JsonNode test : group.get("tests")) {
					List<String> flags = new ArrayList<>();
					test.get("flags").forEach((flag) -> flags.add(flag.asString()));
					Vector vector = new Vector(file.getKey(), test.get("tcId").asInt(), test.get("comment").asString(),
							test.get("result").asString(), flags, key, hex.parseHex(test.get("msg").asString()),
							hex.parseHex(test.get("sig").asString()));
					vectors.add(Arguments.of(Named.of(vector.toString(), vector)));
				}
			}
		}
		return vectors.stream();
	}

	/** The group was made with exactly the algorithm's parameters (hash, MGF1 hash, salt length). */
	private static void checkParameters(SignatureAlgorithm algorithm, JsonNode group) {
		String bits = algorithm.jwsName().substring(2);
		if (group.has("sha")) {
			assertThat(group.get("sha").asString()).isEqualTo("SHA-" + bits);
		}
		if (group.has("mgfSha")) {
			assertThat(group.get("mgfSha").asString()).isEqualTo("SHA-" + bits);
			assertThat(group.get("sLen").asInt()).isEqualTo(Integer.parseInt(bits) / 8);
		}
	}

	private static PublicKey publicKey(SignatureAlgorithm algorithm, byte[] der) {
		String type = switch (algorithm.keyType()) {
			case "RSA" -> "RSA";
			case "EC" -> "EC";
			default -> "Ed25519";
		};
		try {
			return KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static JsonNode read(String file) throws IOException {
		try (InputStream in = WycheproofSignatureTests.class.getResourceAsStream("/vectors/wycheproof-jws-algorithms/" + file)) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

	record Vector(String file, int tcId, String comment, String result, List<String> flags, VerificationKey key,
			byte[] message, byte[] signature) {

		@Override
		public String toString() {
			return this.key.algorithm() + " " + this.file.replace("_test.json", "") + " tc " + this.tcId + " "
					+ this.comment + " (" + this.result + ")";
		}

	}

}
