package dev.joat.sample.token;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * The secrets the {@code PasswordEncoder} proved right a moment ago, one per client, so that a
 * client's concurrent and repeated requests cost one deliberately slow check per
 * {@code lifetime} instead of one each. An entry holds an HMAC-SHA256 (the JDK's {@link Mac})
 * of the client id and secret under a random key made for this process, never the secret; it is
 * compared in constant time ({@link MessageDigest#isEqual}), and it proves a secret only for the
 * registration it was proven against: once the client's registration changes (another encoded
 * secret, other scopes), the entry proves nothing. Entries expire {@code lifetime} after they last
 * proved a secret (a lookup with another secret, an attacker's, does not renew one), so that a client in steady use is not checked again (and never held back) while its
 * address or id is attacked; they live in this process's memory only. Thread-safe.
 */
final class ProvenSecrets {

	private static final String ALGORITHM = "HmacSHA256";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	private final Cache<String, Proof> proofs;

	/**
	 * Creates an empty cache with a new random key.
	 * @param lifetime how long a proven secret is remembered after its last use
	 * @param maxClients the most clients remembered at once
	 * @param ticker the clock of the expiry
	 */
	ProvenSecrets(Duration lifetime, int maxClients, Ticker ticker) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		this.key = new SecretKeySpec(bytes, ALGORITHM);
		this.proofs = Caffeine.newBuilder().ticker(ticker).maximumSize(maxClients).expireAfterWrite(lifetime).build();
	}

	/**
	 * The secret {@code credentials} present, to check with {@link #proves} and to
	 * {@link #remember}: its HMAC is computed once, when first needed, however often it is used.
	 * @param credentials the presented client id and secret
	 * @return the presented secret, for one attempt (not thread-safe)
	 */
	PresentedSecret presented(ClientCredentials credentials) {
		return new PresentedSecret(credentials.clientId(), credentials.secret());
	}

	/**
	 * Whether {@code secret} was proven right for {@code client}, as registered now, and proved
	 * within the lifetime; when it does, its lifetime starts again.
	 * @param client the client's current registration
	 * @param secret the presented secret
	 * @return {@code true} only for a secret {@link #remember remembered} for this registration
	 */
	boolean proves(RegisteredClient client, PresentedSecret secret) {
		Proof proof = this.proofs.getIfPresent(client.id());
		if (proof == null || !proof.registration().equals(client)
				|| !MessageDigest.isEqual(proof.mac(), secret.mac())) {
			return false;
		}
		// Written again, so that a client in steady use is never checked again; a wrong secret never gets here.
		this.proofs.asMap().replace(client.id(), proof, new Proof(proof.registration(), proof.mac()));
		return true;
	}

	/**
	 * Remembers that {@code secret} is {@code client}'s, as the {@code PasswordEncoder} just
	 * proved.
	 * @param client the client's registration the secret was proven against
	 * @param secret the secret proven right
	 */
	void remember(RegisteredClient client, PresentedSecret secret) {
		this.proofs.put(client.id(), new Proof(client, secret.mac()));
	}

	private byte[] mac(String clientId, String secret) {
		byte[] id = clientId.getBytes(StandardCharsets.UTF_8);
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			// The id's length first, so that no other (id, secret) pair has the same input.
			mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(id.length).array());
			mac.update(id);
			return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("The JDK has no " + ALGORITHM, ex);
		}
	}

	/**
	 * A client id and secret as one attempt presents them, with their HMAC once computed. Not
	 * thread-safe: each attempt has its own.
	 */
	final class PresentedSecret {

		private final String clientId;

		private final String secret;

		private byte[] mac;

		private PresentedSecret(String clientId, String secret) {
			this.clientId = clientId;
			this.secret = secret;
		}

		/** The HMAC of the presented id and secret, computed on the first call. */
		private byte[] mac() {
			if (this.mac == null) {
				this.mac = ProvenSecrets.this.mac(this.clientId, this.secret);
			}
			return this.mac;
		}

		@Override
		public String toString() {
			return "PresentedSecret[clientId=" + this.clientId + "]";
		}

	}

	/** A proven secret's HMAC and the registration it was proven against. */
	private record Proof(RegisteredClient registration, byte[] mac) {
	}

}
