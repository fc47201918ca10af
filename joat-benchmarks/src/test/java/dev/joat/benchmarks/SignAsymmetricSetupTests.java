package dev.joat.benchmarks;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs, in the build, the setup checks of every {@link SignAsymmetric} benchmark (the token's
 * header, claims and a signature the JDK verifies) and each method once, for each algorithm.
 */
class SignAsymmetricSetupTests {

	@ParameterizedTest
	@ValueSource(strings = { "ES256", "EdDSA", "RS256" })
	void setupWhenEachAlgorithmThenEverySignerWritesAVerifiableToken(String algorithm) throws Exception {
		AsymmetricSigners.Keys keys = new AsymmetricSigners.Keys();
		keys.algorithm = algorithm;
		keys.setup();
		AsymmetricSigners.JdkSignature floor = new AsymmetricSigners.JdkSignature();
		floor.setup(keys);
		AsymmetricSigners.Joat joat = new AsymmetricSigners.Joat();
		joat.setup(keys);
		AsymmetricSigners.Jjwt jjwt = new AsymmetricSigners.Jjwt();
		jjwt.setup(keys);
		SignAsymmetric benchmark = new SignAsymmetric();

		assertThat(benchmark.jdkSignatureFloor(floor)).isNotEmpty();
		for (String token : List.of(benchmark.joatIssueToken(joat), benchmark.jjwt(jjwt))) {
			AsymmetricSigners.requireToken(algorithm, keys, token);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "ES256", "RS256" })
	void setupWhenNimbusThenItsTokenVerifies(String algorithm) throws Exception {
		AsymmetricSigners.Nimbus nimbus = new AsymmetricSigners.Nimbus();
		nimbus.nimbusAlgorithm = algorithm;
		nimbus.setup();
		assertThat(new SignAsymmetric().nimbusJoseJwt(nimbus)).startsWith("eyJ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ES256", "RS256" })
	void setupWhenFusionAuthThenItsTokenVerifies(String algorithm) throws Exception {
		AsymmetricSigners.FusionAuth fusionAuth = new AsymmetricSigners.FusionAuth();
		fusionAuth.fusionAuthAlgorithm = algorithm;
		fusionAuth.setup();
		assertThat(new SignAsymmetric().fusionAuthJwt(fusionAuth)).startsWith("eyJ");
	}

}
