package dev.joat.benchmarks;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.Signature;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.openjdk.jmh.infra.Blackhole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Runs, in the build, the setup checks of every {@link VerifyPublicKey} verifier for each algorithm
 * it has a row for (it reads the benchmark claims from the token, and refuses the token with a
 * changed payload, the one signed with another key, the expired one and the one for another
 * audience), then its benchmark method once; and starts and stops {@link VerifyDuringRefresh}'s
 * issuer, idle and refreshing.
 */
class VerifyPublicKeySetupTests {

	private static final String BLACKHOLE_CONSENT =
			"Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.";

	private static final List<String> ALL = List.of("RS256", "ES256", "EdDSA");

	private static final List<String> WITHOUT_EDDSA = List.of("RS256", "ES256");

	static Stream<Arguments> verifiers() {
		return Stream.of(
				rows("jdkSignatureFloor", ALL, (algorithm) -> {
					VerifyPublicKey.Keys keys = keys(algorithm);
					return (bh) -> assertThat(new VerifyPublicKey().jdkSignatureFloor(keys)).isTrue();
				}),
				rows("jdkSignatureUncached", ALL, (algorithm) -> {
					VerifyPublicKey.Keys keys = keys(algorithm);
					return (bh) -> assertThat(new VerifyPublicKey().jdkSignatureUncached(keys)).isTrue();
				}),
				rows("joatParseToken", ALL, (algorithm) -> {
					VerifyPublicKey.Keys keys = keys(algorithm);
					return (bh) -> new VerifyPublicKey().joatParseToken(keys, bh);
				}),
				rows("joatJwtDecoder", ALL, (algorithm) -> {
					PublicKeyVerifiers.JoatDecoder state = new PublicKeyVerifiers.JoatDecoder();
					state.algorithm = algorithm;
					state.setup();
					return (bh) -> new VerifyPublicKey().joatJwtDecoder(state, bh);
				}),
				rows("springNimbusJwtDecoder", WITHOUT_EDDSA, (algorithm) -> {
					PublicKeyVerifiers.SpringNimbusJwtDecoder state = new PublicKeyVerifiers.SpringNimbusJwtDecoder();
					state.algorithm = algorithm;
					state.setup();
					return (bh) -> new VerifyPublicKey().springNimbusJwtDecoder(state, bh);
				}),
				rows("nimbusJoseJwt", WITHOUT_EDDSA, (algorithm) -> {
					PublicKeyVerifiers.Nimbus state = new PublicKeyVerifiers.Nimbus();
					state.algorithm = algorithm;
					state.setup();
					return (bh) -> new VerifyPublicKey().nimbusJoseJwt(state, bh);
				}),
				rows("jjwt", ALL, (algorithm) -> {
					PublicKeyVerifiers.Jjwt state = new PublicKeyVerifiers.Jjwt();
					state.algorithm = algorithm;
					state.setup();
					return (bh) -> new VerifyPublicKey().jjwt(state, bh);
				}),
				rows("auth0JavaJwt", WITHOUT_EDDSA, (algorithm) -> {
					PublicKeyVerifiers.Auth0 state = new PublicKeyVerifiers.Auth0();
					state.algorithm = algorithm;
					state.setup();
					return (bh) -> new VerifyPublicKey().auth0JavaJwt(state, bh);
				}),
				rows("jose4j", ALL, (algorithm) -> {
					PublicKeyVerifiers.Jose4j state = new PublicKeyVerifiers.Jose4j();
					state.algorithm = algorithm;
					state.setup();
					return (bh) -> new VerifyPublicKey().jose4j(state, bh);
				}),
				rows("fusionAuthJwt", WITHOUT_EDDSA, (algorithm) -> {
					PublicKeyVerifiers.FusionAuth state = new PublicKeyVerifiers.FusionAuth();
					state.algorithm = algorithm;
					state.setup();
					return (bh) -> new VerifyPublicKey().fusionAuthJwt(state, bh);
				}))
			.flatMap((rows) -> rows);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("verifiers")
	void verifyWhenSetUpThenReadsTheBenchmarkClaimsAndRefusesEveryNearMiss(String name, StateFactory state)
			throws Exception {
		BenchmarkRun run = state.setUp();

		assertThatNoException().isThrownBy(() -> run.once(new Blackhole(BLACKHOLE_CONSENT)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "RS256", "ES256", "EdDSA" })
	void requireVerifierWhenAnotherKeySignedTheTokenThenTheJdkRefusesIt(String algorithm) throws Exception {
		PublicKeyTokens keys = PublicKeyTokens.of(algorithm);
		Signature signature = Signature.getInstance(keys.jcaName());
		signature.initVerify(keys.keyPair().getPublic());
		signature.update(BenchmarkTokens.signingInputBytes(keys.tokens().wrongSecret()));

		assertThat(signature.verify(BenchmarkTokens.signatureBytes(keys.tokens().wrongSecret()))).isFalse();
		assertThat(keys.tokens().wrongSecret()).startsWith(keys.tokens().valid().substring(0,
				keys.tokens().valid().lastIndexOf('.')));
	}

	@Test
	void requireVerifierWhenJjwtDoesNotCheckTheAudienceThenFails() {
		PublicKeyTokens keys = PublicKeyTokens.of("ES256");
		JwtParser parser = Jwts.parser()
			.verifyWith(keys.keyPair().getPublic())
			.requireIssuer(BenchmarkTokens.ISSUER)
			.build();

		assertThatIllegalStateException()
			.isThrownBy(() -> SetupCheck.requireVerifier("jjwt without the audience", keys.tokens(), (token) -> {
				Claims claims = parser.parseSignedClaims(token).getPayload();
				return new SetupCheck.SeenClaims(claims.getSubject(),
						SetupCheck.SeenClaims.onlyAudience(claims.getAudience()), claims.getIssuer(),
						BenchmarkTokens.SCOPE, SetupCheck.SeenClaims.seconds(claims.getExpiration()));
			}))
			.withMessage("jjwt without the audience accepted a token for another audience: "
					+ keys.tokens().wrongAudience());
	}

	@Test
	void setupWhenNimbusAndEdDsaThenFailsSayingWhy() {
		PublicKeyVerifiers.Nimbus nimbus = new PublicKeyVerifiers.Nimbus();
		nimbus.algorithm = "EdDSA";

		assertThatExceptionOfType(com.nimbusds.jose.JOSEException.class).isThrownBy(nimbus::setup)
			.withMessage("Nimbus verifies EdDSA only through Google Tink, which this build does not take on");
	}

	@Test
	void issuerWhenIdleThenFetchesOnceAndStopsCleanly() throws Exception {
		Set<Thread> before = refreshThreads();
		VerifyDuringRefresh.Issuer issuer = issuer("ES256", "idle");
		try {
			runOnce(issuer);
			assertThat(issuer.refreshed.get()).isEqualTo(1);
			assertThat(issuer.served.get()).isEqualTo(1);
		}
		finally {
			issuer.tearDown();
		}
		assertStopped(issuer, before);
	}

	@ParameterizedTest
	@CsvSource({ "RS256, refreshing", "ES256, refreshing", "EdDSA, refreshing", "ES256, every-100ms" })
	void issuerWhenRefreshingThenSwapsInNewSetsWhileTokensVerifyAndStopsCleanly(String algorithm, String keySet)
			throws Exception {
		Set<Thread> before = refreshThreads();
		VerifyDuringRefresh.Issuer issuer = issuer(algorithm, keySet);
		try {
			long refreshed = issuer.refreshed.get();
			Set<String> setsSeen = new HashSet<>();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (setsSeen.size() < 3 && System.nanoTime() < deadline) {
				setsSeen.addAll(otherKeyIds(issuer));
				runOnce(issuer);
			}
			issuer.awaitRefreshes(refreshed + VerifyDuringRefresh.Issuer.SETS, Duration.ofSeconds(10));

			assertThat(setsSeen).as("the sets the source held in turn").hasSizeGreaterThanOrEqualTo(3);
			assertThat(issuer.refreshed.get()).isGreaterThanOrEqualTo(refreshed + VerifyDuringRefresh.Issuer.SETS);
			assertThat(issuer.failed.get()).isZero();
		}
		finally {
			issuer.tearDown();
		}
		assertStopped(issuer, before);
	}

	private static VerifyDuringRefresh.Issuer issuer(String algorithm, String keySet) throws Exception {
		VerifyDuringRefresh.Issuer issuer = new VerifyDuringRefresh.Issuer();
		issuer.algorithm = algorithm;
		issuer.keySet = keySet;
		issuer.setup();
		return issuer;
	}

	private static void runOnce(VerifyDuringRefresh.Issuer issuer) {
		new VerifyDuringRefresh().joatParseToken(issuer, new Blackhole(BLACKHOLE_CONSENT));
	}

	/** The key ids of the current set other than the benchmark key's: which of the issuer's sets it is. */
	private static List<String> otherKeyIds(VerifyDuringRefresh.Issuer issuer) {
		return issuer.source.status()
			.keys()
			.stream()
			.map((key) -> key.keyId())
			.filter((keyId) -> !keyId.equals(PublicKeyTokens.KEY_ID))
			.toList();
	}

	/**
	 * The issuer's port is closed, and the refresh threads the source started are gone (within 5 s):
	 * those alive now and not before it was set up.
	 */
	private static void assertStopped(VerifyDuringRefresh.Issuer issuer, Set<Thread> before) throws InterruptedException {
		int port = issuer.server.getAddress().getPort();
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close());
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (!newRefreshThreads(before).isEmpty() && System.nanoTime() < deadline) {
			Thread.sleep(10);
		}
		assertThat(newRefreshThreads(before)).isEmpty();
	}

	private static Set<Thread> refreshThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.isAlive() && thread.getName().startsWith("joat-jwks-"))
			.collect(Collectors.toSet());
	}

	private static Set<Thread> newRefreshThreads(Set<Thread> before) {
		Set<Thread> threads = refreshThreads();
		threads.removeAll(before);
		return threads;
	}

	private static VerifyPublicKey.Keys keys(String algorithm) throws Exception {
		VerifyPublicKey.Keys keys = new VerifyPublicKey.Keys();
		keys.algorithm = algorithm;
		keys.setup();
		return keys;
	}

	private static Stream<Arguments> rows(String method, List<String> algorithms, StateMaker maker) {
		return algorithms.stream()
			.map((algorithm) -> Arguments.of(method + " (" + algorithm + ")", (StateFactory) () -> maker.make(algorithm)));
	}

	@FunctionalInterface
	interface StateMaker {

		BenchmarkRun make(String algorithm) throws Exception;

	}

	@FunctionalInterface
	interface StateFactory {

		BenchmarkRun setUp() throws Exception;

	}

	@FunctionalInterface
	interface BenchmarkRun {

		void once(Blackhole bh) throws Exception;

	}

}
