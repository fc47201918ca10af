package dev.joat.docs;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;

import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.SignatureAlgorithm;
import dev.joat.VerificationKey;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** "Tokens from any issuer": the key API of joat-core, each public key bound to one algorithm. */
class KeyApiExamplesTests {

	@Test
	void keySetWhenBuiltFromAnIssuersPublicKeyThenFoundByKidAndAlgorithm() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		KeyPair issuerKeys = generator.generateKeyPair();

		// tag::key-set[]
		VerificationKey key = VerificationKey.of(SignatureAlgorithm.ES256, issuerKeys.getPublic())
			.withKeyId("2026-12");  // refused here if not a P-256 key: a key verifies one algorithm only
		KeySet keys = KeySet.of(key);
		KeySource source = keys;    // a fixed set is its own source

		source.keys("2026-12").find("2026-12");        // the key, or null for a kid the set does not hold
		keys.withAlgorithm(SignatureAlgorithm.ES256);   // [key]
		key.thumbprint();                               // its RFC 7638 thumbprint
		// end::key-set[]

		assertThat(source.keys("2026-12").find("2026-12")).isSameAs(key);
		assertThat(keys.find("other")).isNull();
		assertThat(keys.withAlgorithm(SignatureAlgorithm.ES256)).containsExactly(key);
		assertThat(key.thumbprint()).hasSize(43);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VerificationKey.of(SignatureAlgorithm.ES384, issuerKeys.getPublic()));
	}

}
