package dev.joat.sample.token;

import java.util.Objects;

import dev.joat.SigningKey;

/**
 * The one private key of {@code joat.sample.signing-key.*} (or generated) in an asymmetric mode,
 * and where it came from; the sample signs with it as a ring of one ({@link IssuerSigningKeyRing}).
 * Its {@link #toString()} shows the algorithm, {@code kid} and thumbprint only: public data.
 *
 * @param key the key, with its {@code kid}
 * @param source where it came from: {@code joat.sample.signing-key.location},
 * {@code joat.sample.signing-key.keystore} or {@code generated}
 */
record IssuerSigningKey(SigningKey key, String source) {

	/** Where a key generated for the run comes from. */
	static final String GENERATED = "generated";

	IssuerSigningKey {
		Objects.requireNonNull(key, "key cannot be null");
		Objects.requireNonNull(source, "source cannot be null");
	}

	@Override
	public String toString() {
		return "IssuerSigningKey[" + this.key.algorithm() + ", kid=" + this.key.keyId() + ", thumbprint="
				+ this.key.thumbprint() + ", source=" + this.source + "]";
	}

}
