package dev.joat.spring.boot;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.joat.KeySet;
import dev.joat.SignatureAlgorithm;
import dev.joat.VerificationKey;

/**
 * A real issuer for keys-mode tests: a JDK {@link HttpServer} on a loopback port chosen by the
 * system serving a JWK Set of fresh JDK key pairs (an RSA key {@code rsa-1} for RS256 and a P-256
 * key {@code ec-1} for ES256), and OpenID Connect metadata; tokens are minted by Nimbus with the
 * private keys. Until {@link #up()}, every path answers {@code 503}: an issuer that never answered.
 */
final class JwksTestServer implements AutoCloseable {

	static final String RSA_KID = "rsa-1";

	static final String EC_KID = "ec-1";

	final KeyPair rsa = generate("RSA");

	final KeyPair ec = generate("EC");

	final KeyPair otherRsa = generate("RSA");

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Map<String, String> bodies = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

	private volatile boolean up;

	private volatile long delayMillis;

	JwksTestServer(boolean up) throws IOException {
		this.up = up;
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.setExecutor(this.threads);
		this.server.createContext("/", this::handle);
		this.server.start();
		this.bodies.put("/jwks", KeySet.of(VerificationKey.of(SignatureAlgorithm.RS256, this.rsa.getPublic()).withKeyId(RSA_KID),
				VerificationKey.of(SignatureAlgorithm.ES256, this.ec.getPublic()).withKeyId(EC_KID)).toJwkSetJson());
		this.bodies.put("/.well-known/openid-configuration",
				"{\"issuer\":\"" + issuer() + "\",\"jwks_uri\":\"" + jwkSetUri() + "\"}");
	}

	/** The issuer, {@code http://127.0.0.1:port}. */
	String issuer() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String jwkSetUri() {
		return issuer() + "/jwks";
	}

	/** From now on, serve {@code json} as the JWK Set, instead of the set of {@code rsa-1} and {@code ec-1}. */
	void jwks(String json) {
		this.bodies.put("/jwks", json);
	}

	/** How many requests {@code path} has had, answered or not. */
	int requests(String path) {
		AtomicInteger count = this.requests.get(path);
		return (count != null) ? count.get() : 0;
	}

	/** From now on, answer. */
	void up() {
		this.up = true;
	}

	/** From now on, hold every answer back for {@code delay}: a slow issuer. */
	void delay(java.time.Duration delay) {
		this.delayMillis = delay.toMillis();
	}

	/** From now on, answer 503 on every path. */
	void down() {
		this.up = false;
	}

	/** An RS256 token of {@code rsa-1}, issued by {@code issuer}, expiring in an hour. */
	String rs256(String issuer) {
		return token(JWSAlgorithm.RS256, RSA_KID, new RSASSASigner(this.rsa.getPrivate()), issuer, Instant.now().plusSeconds(3600));
	}

	/** An ES256 token of {@code ec-1}. */
	String es256(String issuer) {
		try {
			return token(JWSAlgorithm.ES256, EC_KID, new ECDSASigner((ECPrivateKey) this.ec.getPrivate()), issuer,
					Instant.now().plusSeconds(3600));
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** An RS256 token of {@code rsa-1} that expired an hour ago. */
	String expired(String issuer) {
		return token(JWSAlgorithm.RS256, RSA_KID, new RSASSASigner(this.rsa.getPrivate()), issuer,
				Instant.now().minusSeconds(3600));
	}

	/** An RS256 token signed with a key the JWK Set does not hold, under its own kid. */
	String unknownKey(String issuer) {
		return token(JWSAlgorithm.RS256, "other", new RSASSASigner(this.otherRsa.getPrivate()), issuer,
				Instant.now().plusSeconds(3600));
	}

	/** {@code token} with one character of its payload changed. */
	static String tampered(String token) {
		int dot = token.indexOf('.') + 5;
		char changed = (token.charAt(dot) == 'A') ? 'B' : 'A';
		return token.substring(0, dot) + changed + token.substring(dot + 1);
	}

	static String token(JWSAlgorithm algorithm, String kid, JWSSigner signer, String issuer, Instant expiresAt) {
		return token(algorithm, JOSEObjectType.JWT, kid, signer, issuer, expiresAt);
	}

	/** A token typed {@code type}, minted by Nimbus. */
	static String token(JWSAlgorithm algorithm, JOSEObjectType type, String kid, JWSSigner signer, String issuer,
			Instant expiresAt) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(algorithm).keyID(kid).type(type).build(),
					new JWTClaimsSet.Builder().issuer(issuer)
						.subject("client-1")
						.claim("client_id", "client-1")
						.claim("scope", "read")
						.issueTime(Date.from(expiresAt.minusSeconds(7200)))
						.expirationTime(Date.from(expiresAt))
						.build());
			jwt.sign(signer);
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo) of {@code keyPair}. */
	static String pem(KeyPair keyPair) {
		return "-----BEGIN PUBLIC KEY-----\n"
				+ java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
					.encodeToString(keyPair.getPublic().getEncoded())
				+ "\n-----END PUBLIC KEY-----\n";
	}

	static KeyPair generate(String type) {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
			if (type.equals("EC")) {
				generator.initialize(new ECGenParameterSpec("secp256r1"));
			}
			else {
				generator.initialize(2048);
			}
			return generator.generateKeyPair();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			this.requests.computeIfAbsent(exchange.getRequestURI().getPath(), (path) -> new AtomicInteger()).incrementAndGet();
			if (this.delayMillis > 0) {
				try {
					Thread.sleep(this.delayMillis);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
			String body = this.up ? this.bodies.get(exchange.getRequestURI().getPath()) : null;
			int status = !this.up ? 503 : (body != null) ? 200 : 404;
			byte[] bytes = (body != null) ? body.getBytes(StandardCharsets.UTF_8) : new byte[0];
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, (bytes.length == 0) ? -1 : bytes.length);
			if (bytes.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
