package dev.joat.benchmarks;

import java.util.Set;

import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import dev.joat.benchmarks.SetupCheck.SeenClaims;
import dev.joat.spring.security.JoatJwtDecoder;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * joat's verifiers, as {@link Verify} and {@link Scaling} measure them: a {@link TokenParser}
 * requiring the issuer and the audience (and, as always, {@code exp}), with a fixed secret or with
 * PyJOAT's per-client secrets. Each is checked by {@link SetupCheck} before it is measured.
 */
public final class JoatVerifiers {

	private JoatVerifiers() {
	}

	/** joat's {@link TokenParser} with one fixed secret, shared by every thread as a server shares it. */
	@State(Scope.Benchmark)
	public static class FixedSecret {

		TokenParser parser;

		String token;

		@Setup
		public void setup() {
			this.parser = TokenParser.builder(SecretResolver.of(BenchmarkTokens.SECRET))
				.issuer(BenchmarkTokens.ISSUER)
				.audience(BenchmarkTokens.CLIENT_ID)
				.build();
			this.token = BenchmarkTokens.FIXED.valid();
			SetupCheck.requireVerifier("joat TokenParser", BenchmarkTokens.FIXED,
					(token) -> SeenClaims.of(this.parser.parseToken(token)));
		}

	}

	/** joat behind Spring Security's interface: {@link JoatJwtDecoder} over the fixed-secret parser. */
	@State(Scope.Benchmark)
	public static class SpringDecoder {

		JoatJwtDecoder decoder;

		String token;

		@Setup
		public void setup() {
			this.decoder = new JoatJwtDecoder(TokenParser.builder(SecretResolver.of(BenchmarkTokens.SECRET))
				.issuer(BenchmarkTokens.ISSUER)
				.audience(BenchmarkTokens.CLIENT_ID)
				.build());
			this.token = BenchmarkTokens.FIXED.valid();
			SetupCheck.requireVerifier("joat JoatJwtDecoder", BenchmarkTokens.FIXED,
					(token) -> {
						Jwt jwt = this.decoder.decode(token);
						return new SeenClaims(jwt.getSubject(), SeenClaims.onlyAudience(jwt.getAudience()),
								jwt.getClaimAsString("iss"), jwt.getClaimAsStringList("scp"),
								SeenClaims.seconds(jwt.getExpiresAt()));
					});
		}

	}

	/** joat's {@link TokenParser} with PyJOAT's per-client secrets ({@link ClientSecrets}), one client. */
	@State(Scope.Benchmark)
	public static class ClientSecret {

		TokenParser parser;

		String token;

		@Setup
		public void setup() {
			BenchmarkTokens.TokenSet tokens = BenchmarkTokens.TokenSet.of(BenchmarkTokens.CLIENT_ID,
					BenchmarkTokens.clientSecret(BenchmarkTokens.MASTER_SECRET, BenchmarkTokens.CLIENT_ID));
			this.parser = TokenParser.builder(new ClientSecrets(BenchmarkTokens.MASTER_SECRET, Set.of(BenchmarkTokens.CLIENT_ID)))
				.issuer(BenchmarkTokens.ISSUER)
				.audience(BenchmarkTokens.CLIENT_ID)
				.build();
			this.token = tokens.valid();
			SetupCheck.requireVerifier("joat TokenParser with client secrets", tokens,
					(token) -> SeenClaims.of(this.parser.parseToken(token)));
		}

	}

	/**
	 * joat's {@link TokenParser} with per-client secrets, the tokens coming in turn from
	 * {@value #CLIENTS} clients, so that consecutive tokens on a thread never share a secret.
	 */
	@State(Scope.Thread)
	public static class ManyClientSecrets {

		static final int CLIENTS = 64;

		TokenParser parser;

		String[] tokens;

		int next;

		@Setup
		public void setup() {
			String[] clientIds = new String[CLIENTS];
			for (int i = 0; i < CLIENTS; i++) {
				clientIds[i] = "client-" + i;
			}
			this.parser = TokenParser.builder(new ClientSecrets(BenchmarkTokens.MASTER_SECRET, Set.of(clientIds)))
				.issuer(BenchmarkTokens.ISSUER)
				.audience(clientIds)
				.build();
			this.tokens = new String[CLIENTS];
			for (int i = 0; i < CLIENTS; i++) {
				BenchmarkTokens.TokenSet tokens = BenchmarkTokens.TokenSet.of(clientIds[i],
						BenchmarkTokens.clientSecret(BenchmarkTokens.MASTER_SECRET, clientIds[i]));
				SetupCheck.requireVerifier("joat TokenParser with client secrets", tokens,
						(token) -> SeenClaims.of(this.parser.parseToken(token)));
				this.tokens[i] = tokens.valid();
			}
		}

		String nextToken() {
			String token = this.tokens[this.next];
			this.next = (this.next + 1) % CLIENTS;
			return token;
		}

	}

}
