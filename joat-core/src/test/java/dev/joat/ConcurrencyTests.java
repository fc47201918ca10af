package dev.joat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import dev.joat.InvalidTokenException.Reason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One parser and one generator shared by many threads give every thread the right answer: no
 * state shared between tokens, and the pooled MACs re-key correctly when secrets alternate.
 */
class ConcurrencyTests {

	private static final int THREADS = 8;

	private static final int ROUNDS = 500;

	@Test
	void issueAndParseWhenSharedAcrossThreadsWithPerClientSecretsThenEveryResultCorrect() throws Exception {
		// Secrets differ per client, so each thread's cached MAC must re-key on almost every call.
		SecretResolver perClient = (header, claims) -> ("secret-for-" + claims.get("aud") + "-padded-to-32-bytes-at-least")
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		TokenGenerator generator = TokenGenerator.builder(TestTokens.PROVIDER, perClient).clock(TestTokens.CLOCK).build();
		TokenParser parser = TokenParser.builder(perClient).clock(TestTokens.CLOCK).build();
		ExecutorService pool = Executors.newFixedThreadPool(THREADS);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				Callable<Integer> work = () -> {
					int verified = 0;
					for (int i = 0; i < ROUNDS; i++) {
						String client = "client-" + thread + "-" + (i % 7);
						String user = "user-" + i;
						String token = generator.issueToken(TokenRequest.builder(client, List.of("read", "s" + i))
							.userId(user)
							.build());
						Credentials credentials = parser.parseToken(token);
						assertThat(credentials.clientId()).isEqualTo(client);
						assertThat(credentials.userId()).isEqualTo(user);
						assertThat(credentials.authorizedScope()).containsExactly("read", "s" + i);
						String forged = token.substring(0, token.lastIndexOf('.') + 1)
								+ TestTokens.b64(TestTokens.hmac("HmacSHA256",
										("secret-for-other-padded-to-32-bytes-at-least").getBytes(), token.substring(0,
												token.lastIndexOf('.'))));
						try {
							parser.parseToken(forged);
							throw new AssertionError("forged token accepted");
						}
						catch (InvalidTokenException ex) {
							assertThat(ex.getReason()).isEqualTo(Reason.BAD_SIGNATURE);
						}
						verified++;
					}
					return verified;
				};
				results.add(pool.submit(work));
			}
			for (Future<Integer> result : results) {
				assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(ROUNDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

}
