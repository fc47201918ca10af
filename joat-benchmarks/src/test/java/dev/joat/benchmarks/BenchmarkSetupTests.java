package dev.joat.benchmarks;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.infra.Blackhole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Runs, in the build, the checks every benchmark runs in its {@code @Setup} ({@link SetupCheck}),
 * so that a library that stops verifying the benchmark token, or a verifier that skips one of the
 * checks the others make, fails CI rather than only a benchmark run; and runs each
 * {@link Verify} and {@link Sign} method once on its set-up state, and {@link FilterChain}'s request
 * once on each application (whose setup checks a 200 and a 401).
 */
class BenchmarkSetupTests {

	private static final String BLACKHOLE_CONSENT =
			"Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

	static Stream<Arguments> verifiers() {
		return Stream.of(
				verifier("joat TokenParser", () -> setUp(new JoatVerifiers.FixedSecret(), JoatVerifiers.FixedSecret::setup),
						(s, bh) -> new Verify().joatParseToken((JoatVerifiers.FixedSecret) s, bh)),
				verifier("joat JoatJwtDecoder", () -> setUp(new JoatVerifiers.SpringDecoder(), JoatVerifiers.SpringDecoder::setup),
						(s, bh) -> new Verify().joatJwtDecoder((JoatVerifiers.SpringDecoder) s, bh)),
				verifier("joat client secret", () -> setUp(new JoatVerifiers.ClientSecret(), JoatVerifiers.ClientSecret::setup),
						(s, bh) -> new Verify().joatParseTokenClientSecret((JoatVerifiers.ClientSecret) s, bh)),
				verifier("joat many client secrets",
						() -> setUp(new JoatVerifiers.ManyClientSecrets(), JoatVerifiers.ManyClientSecrets::setup),
						(s, bh) -> new Verify().joatParseTokenManyClientSecrets((JoatVerifiers.ManyClientSecrets) s, bh)),
				verifier("Spring NimbusJwtDecoder",
						() -> setUp(new Verifiers.SpringNimbusJwtDecoder(), Verifiers.SpringNimbusJwtDecoder::setup),
						(s, bh) -> new Verify().springNimbusJwtDecoder((Verifiers.SpringNimbusJwtDecoder) s, bh)),
				verifier("Nimbus JOSE+JWT", () -> setUp(new Verifiers.Nimbus(), Verifiers.Nimbus::setup),
						(s, bh) -> new Verify().nimbusJoseJwt((Verifiers.Nimbus) s, bh)),
				verifier("jjwt", () -> setUp(new Verifiers.Jjwt(), Verifiers.Jjwt::setup),
						(s, bh) -> new Verify().jjwt((Verifiers.Jjwt) s, bh)),
				verifier("auth0 java-jwt", () -> setUp(new Verifiers.Auth0(), Verifiers.Auth0::setup),
						(s, bh) -> new Verify().auth0JavaJwt((Verifiers.Auth0) s, bh)),
				verifier("jose4j", () -> setUp(new Verifiers.Jose4j(), Verifiers.Jose4j::setup),
						(s, bh) -> new Verify().jose4j((Verifiers.Jose4j) s, bh)),
				verifier("fusionauth-jwt", () -> setUp(new Verifiers.FusionAuth(), Verifiers.FusionAuth::setup),
						(s, bh) -> new Verify().fusionAuthJwt((Verifiers.FusionAuth) s, bh)));
	}

	static Stream<Arguments> signers() {
		return Stream.of(
				signer("joat TokenGenerator", () -> setUp(new Signers.Joat(), Signers.Joat::setup).sign()),
				signer("Spring NimbusJwtEncoder",
						() -> setUp(new Signers.SpringNimbusJwtEncoder(), Signers.SpringNimbusJwtEncoder::setup).sign()),
				signer("Nimbus JOSE+JWT", () -> new Sign().nimbusJoseJwt(setUp(new Signers.Nimbus(), Signers.Nimbus::setup))),
				signer("jjwt", () -> setUp(new Signers.Jjwt(), Signers.Jjwt::setup).sign()),
				signer("auth0 java-jwt", () -> setUp(new Signers.Auth0(), Signers.Auth0::setup).sign()),
				signer("jose4j", () -> new Sign().jose4j(setUp(new Signers.Jose4j(), Signers.Jose4j::setup))),
				signer("fusionauth-jwt", () -> new Sign().fusionAuthJwt(setUp(new Signers.FusionAuth(), Signers.FusionAuth::setup))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("verifiers")
	void verifyWhenSetUpThenReadsTheBenchmarkClaimsAndRefusesEveryNearMiss(String name, StateFactory state,
			VerifyMethod benchmark) throws Exception {
		Object verifier = state.create();

		assertThatNoException().isThrownBy(() -> benchmark.run(verifier, new Blackhole(BLACKHOLE_CONSENT)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("signers")
	void signWhenSetUpThenJoatReadsTheBenchmarkClaims(String name, TokenMaker signer) throws Exception {
		String token = signer.make();

		assertThat(SetupCheck.SeenClaims.of(BenchmarkSetupTests.joatParser().parseToken(token)))
			.isEqualTo(SetupCheck.SeenClaims.expected(BenchmarkTokens.CLIENT_ID));
	}

	@Test
	void requireVerifierWhenFusionAuthDecodesWithoutTheAudienceCheckThenFails() {
		Verifiers.FusionAuth fusionAuth = new Verifiers.FusionAuth();
		fusionAuth.setup();

		assertThatIllegalStateException()
			.isThrownBy(() -> SetupCheck.requireVerifier("fusionauth-jwt decode alone", BenchmarkTokens.FIXED, (token) -> {
				io.fusionauth.jwt.domain.JWT jwt = fusionAuth.decoder.decode(token, fusionAuth.verifier);
				return new SetupCheck.SeenClaims(jwt.subject, (String) jwt.audience, jwt.issuer,
						List.of("profile", "read"), jwt.expiration.toEpochSecond());
			}))
			.withMessage("fusionauth-jwt decode alone accepted a token for another audience: "
					+ BenchmarkTokens.FIXED.wrongAudience());
	}

	@Test
	void requireVerifierWhenVerifierSkipsTheExpiryThenFails() {
		Verifiers.FusionAuth fusionAuth = new Verifiers.FusionAuth();
		fusionAuth.setup();

		assertThatIllegalStateException()
			.isThrownBy(() -> SetupCheck.requireVerifier("a verifier ignoring exp", BenchmarkTokens.FIXED, (token) -> {
				io.fusionauth.jwt.domain.JWT jwt = io.fusionauth.jwt.domain.JWT.getTimeMachineDecoder(
						java.time.ZonedDateTime.parse("2026-01-01T00:00:00Z")).decode(token, fusionAuth.verifier);
				if (!BenchmarkTokens.CLIENT_ID.equals(jwt.audience)) {
					throw new IllegalArgumentException("audience");
				}
				return new SetupCheck.SeenClaims(jwt.subject, (String) jwt.audience, jwt.issuer,
						List.of("profile", "read"), jwt.expiration.toEpochSecond());
			}))
			.withMessage("a verifier ignoring exp accepted an expired token: " + BenchmarkTokens.FIXED.expired());
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "sample", "sample-observed", "stock" })
	void filterChainWhenSetUpThenReadAnswersOk(String app) throws Exception {
		FilterChain chain = new FilterChain();
		chain.app = app;
		chain.setUp();
		try {
			assertThat(chain.read().getResponse().getStatus()).isEqualTo(200);
			assertThat(chain.read().getResponse().getContentAsString()).contains("\"client_id\":\"demo-client\"");
		}
		finally {
			chain.tearDown();
		}
	}

	private static dev.joat.TokenParser joatParser() {
		return dev.joat.TokenParser.builder(dev.joat.SecretResolver.of(BenchmarkTokens.SECRET))
			.issuer(BenchmarkTokens.ISSUER)
			.audience(BenchmarkTokens.CLIENT_ID)
			.build();
	}

	private static <T> T setUp(T state, Setup<T> setup) throws Exception {
		setup.run(state);
		return state;
	}

	private static Arguments verifier(String name, StateFactory state, VerifyMethod benchmark) {
		return Arguments.of(name, state, benchmark);
	}

	private static Arguments signer(String name, TokenMaker signer) {
		return Arguments.of(name, signer);
	}

	@FunctionalInterface
	interface Setup<T> {

		void run(T state) throws Exception;

	}

	@FunctionalInterface
	interface StateFactory {

		Object create() throws Exception;

	}

	@FunctionalInterface
	interface VerifyMethod {

		void run(Object state, Blackhole bh) throws Exception;

	}

	@FunctionalInterface
	interface TokenMaker {

		String make() throws Exception;

	}

}
