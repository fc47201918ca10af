package dev.joat.sample.token;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.joat.SignatureAlgorithm;
import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The walk-through's {@code openssl} commands make keys the sample reads: {@code openssl genpkey}
 * writes PKCS #8, and for an EC key {@code openssl pkey -pubout >>} appends the public block it
 * needs. Skipped where there is no {@code openssl}.
 */
class OpensslKeysTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "ES256|-algorithm EC -pkeyopt ec_paramgen_curve:P-256|true",
			"EdDSA|-algorithm ed25519|false", "RS256|-algorithm RSA -pkeyopt rsa_keygen_bits:2048|false" })
	void loadWhenKeyMadeByTheWalkThroughsOpensslCommandsThenRead(String algorithm, String options, boolean publicBlock)
			throws Exception {
		Path key = this.directory.resolve("key.pem");
		List<String> genpkey = new ArrayList<>(List.of("openssl", "genpkey"));
		genpkey.addAll(List.of(options.split(" ")));
		genpkey.addAll(List.of("-out", key.toString()));
		Assumptions.assumeTrue(run(genpkey), "no openssl");
		if (publicBlock) {
			Path pub = this.directory.resolve("pub.pem");
			assertThat(run(List.of("openssl", "pkey", "-in", key.toString(), "-pubout", "-out", pub.toString())))
				.isTrue();
			Files.writeString(key, Files.readString(key) + Files.readString(pub));
		}
		SigningKeyProperties properties = new SigningKeyProperties();
		properties.setLocation(new FileSystemResource(key));

		IssuerSigningKey loaded = IssuerSigningKeys.load(SignatureAlgorithm.valueOf(algorithm), properties,
				mock(Log.class));

		assertThat(loaded.key().algorithm()).isEqualTo(SignatureAlgorithm.valueOf(algorithm));
		assertThat(loaded.key().keyId()).isEqualTo(loaded.key().thumbprint());
	}

	private static boolean run(List<String> command) throws Exception {
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			return false;
		}
		process.getInputStream().transferTo(OutputStream.nullOutputStream());
		return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
	}

}
