package dev.joat;

/**
 * Told of every token a {@link TokenGenerator} issues, for metrics: the hook the Spring Boot
 * starter binds to Micrometer, while joat-core stays free of any metrics library.
 *
 * <p>Only the generator's configuration is passed — never the client, the subject, the scope or the
 * token. Called on the issuing thread after the token is signed: implementations must be
 * thread-safe and fast, and should not throw (what they throw reaches the caller of the
 * generator). A generator without a listener calls nothing.
 */
@FunctionalInterface
public interface TokenIssuanceListener {

	/**
	 * A token was issued.
	 * @param algorithm the JWS name of the signing algorithm, such as {@code HS256}
	 * @param keyId the {@code kid} written in the header, or {@link TokenVerificationListener#NO_KEY_ID}
	 * @param profile the claim layout
	 */
	void tokenIssued(String algorithm, String keyId, TokenProfile profile);

}
