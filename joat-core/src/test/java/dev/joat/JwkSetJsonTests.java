package dev.joat;

import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** {@link VerificationKey#toJwk()} and {@link KeySet#toJwkSetJson()}: RFC 7517 with public members only. */
class JwkSetJsonTests {

	/** The private members of RFC 7518 §6.2.2, §6.3.2 and §6.4, and RFC 8037 §2. */
	private static final Set<String> PRIVATE_MEMBERS = Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void toJwkSetJsonWhenEveryKeyTypeThenNoKeyHasAPrivateMember() {
		String jwks = everyKeyType().toJwkSetJson();

		JsonNode keys = JSON.readTree(jwks).get("keys");
		assertThat(keys.size()).isEqualTo(SignatureAlgorithm.values().length);
		for (JsonNode key : keys) {
			for (String name : key.propertyNames()) {
				if (PRIVATE_MEMBERS.contains(name)) {
					fail("The JWK " + key.get("kid") + " has the private member \"" + name + "\"");
				}
			}
		}
	}

	@Test
	void toJwkWhenEachKeyTypeThenExactlyItsPublicMembersInOrder() {
		assertThat(JSON.readTree(TestSigningKeys.key(SignatureAlgorithm.ES256).verificationKey().toJwk()).propertyNames())
			.containsExactly("kty", "crv", "x", "y", "kid", "use", "alg");
		assertThat(JSON.readTree(TestSigningKeys.key(SignatureAlgorithm.PS256).verificationKey().toJwk()).propertyNames())
			.containsExactly("kty", "e", "n", "kid", "use", "alg");
		JsonNode okp = JSON.readTree(TestSigningKeys.key(SignatureAlgorithm.EdDSA).verificationKey().toJwk());
		assertThat(okp.propertyNames()).containsExactly("kty", "crv", "x", "kid", "use", "alg");
		assertThat(okp.get("kty").asString()).isEqualTo("OKP");
		assertThat(okp.get("crv").asString()).isEqualTo("Ed25519");
		assertThat(okp.get("use").asString()).isEqualTo("sig");
		assertThat(okp.get("alg").asString()).isEqualTo("EdDSA");
		assertThat(JSON.readTree(SigningKey.generate(SignatureAlgorithm.ES256).verificationKey().toJwk()).propertyNames())
			.doesNotContain("kid");
	}

	@Test
	void toJwkSetJsonWhenReadByNimbusThenTheSamePublicKeysAndThumbprints() throws Exception {
		KeySet set = everyKeyType();

		JWKSet parsed = JWKSet.parse(set.toJwkSetJson());

		assertThat(parsed.getKeys()).hasSize(set.size());
		for (VerificationKey key : set.keys()) {
			JWK jwk = parsed.getKeyByKeyId(key.keyId());
			assertThat(jwk.isPrivate()).isFalse();
			assertThat(jwk.getKeyUse()).isEqualTo(KeyUse.SIGNATURE);
			assertThat(jwk.getAlgorithm().getName()).isEqualTo(key.algorithm().jwsName());
			assertThat(jwk.computeThumbprint().toString()).isEqualTo(key.thumbprint());
			switch (key.algorithm().keyType()) {
				case "RSA" -> assertThat(((RSAKey) jwk).toRSAPublicKey()).isEqualTo((RSAPublicKey) key.publicKey());
				case "EC" -> {
					ECPublicKey expected = (ECPublicKey) key.publicKey();
					ECPublicKey actual = ((ECKey) jwk).toECPublicKey();
					assertThat(actual.getW()).isEqualTo(expected.getW());
					assertThat(actual.getParams().getCurve()).isEqualTo(expected.getParams().getCurve());
				}
				default -> assertThat(((OctetKeyPair) jwk).getCurve().getName()).isEqualTo("Ed25519");
			}
		}
	}

	@Test
	void toJwkSetJsonWhenEmptyThenNoKeys() {
		assertThat(KeySet.empty().toJwkSetJson()).isEqualTo("{\"keys\":[]}");
	}

	private static KeySet everyKeyType() {
		List<VerificationKey> keys = new ArrayList<>();
		for (SignatureAlgorithm algorithm : SignatureAlgorithm.values()) {
			keys.add(TestSigningKeys.key(algorithm).verificationKey());
		}
		return KeySet.of(keys);
	}

}
