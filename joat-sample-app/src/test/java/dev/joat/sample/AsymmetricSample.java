package dev.joat.sample;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The sample started as an asymmetric issuer for a test: on a free port of 19500–19599 (its issuer
 * URL must name the port before it starts), its management server on a random port, and keys
 * written as the walk-through's {@code openssl} commands write them.
 */
final class AsymmetricSample {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private AsymmetricSample() {
	}

	/**
	 * Starts the sample with {@code arguments} besides its ports and issuer.
	 * @param port the application port, from {@link #freePort()}
	 * @param arguments more command-line arguments, e.g. {@code --joat.sample.signing-algorithm=ES256}
	 * @return the running application
	 */
	static ConfigurableApplicationContext start(int port, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=" + port, "--management.server.port=0",
				"--JOAT_ISSUER=" + issuer(port), "--joat.revocation.store=in-memory"));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(SampleApplication.class).run(all.toArray(String[]::new));
	}

	static String issuer(int port) {
		return "http://localhost:" + port;
	}

	/** A port of 19500–19599 that nothing listens on now. */
	static int freePort() {
		for (int port = 19500; port < 19600; port++) {
			try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
				socket.setReuseAddress(true);
				return port;
			}
			catch (IOException ex) {
				// taken: the next one
			}
		}
		throw new IllegalStateException("No free port in 19500-19599");
	}

	static HttpResponse<String> get(int port, String path, String token) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(10));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** A P-256 key pair of the JDK's. */
	static KeyPair p256() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"));
		return generator.generateKeyPair();
	}

	/**
	 * Writes {@code keyPair} as {@code openssl genpkey} then {@code openssl pkey -pubout >>} do: a
	 * PKCS #8 {@code PRIVATE KEY} block, then (when {@code withPublic}) the {@code PUBLIC KEY} block.
	 */
	static Path pem(Path directory, KeyPair keyPair, boolean withPrivate, boolean withPublic) throws IOException {
		StringBuilder pem = new StringBuilder();
		if (withPrivate) {
			pem.append(block("PRIVATE KEY", keyPair.getPrivate().getEncoded()));
		}
		if (withPublic) {
			pem.append(block("PUBLIC KEY", keyPair.getPublic().getEncoded()));
		}
		Path file = Files.createTempFile(directory, "key", ".pem");
		Files.writeString(file, pem, StandardCharsets.US_ASCII);
		return file;
	}

	/** The base64 body of {@code encoded} as PEM writes it, without line breaks. */
	static String base64(byte[] encoded) {
		return Base64.getEncoder().encodeToString(encoded);
	}

	private static String block(String type, byte[] encoded) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(encoded)
				+ "\n-----END " + type + "-----\n";
	}

}
