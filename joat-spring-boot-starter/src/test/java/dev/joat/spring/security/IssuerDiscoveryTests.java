package dev.joat.spring.security;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.joat.MutableClock;
import dev.joat.TestJwks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Discovery of the JWK Set URI, through {@link JwkSetKeySource#withIssuerLocation(String)}. */
class IssuerDiscoveryTests {

	private static final String SET = TestJwks.set(TestJwks.jwk(TestJwks.rsa(2048).getPublic(), "\"kid\":\"k1\""));

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T12:00:00Z"));

	private final BlockingQueue<JwkSetStatus.Outcome> outcomes = new LinkedBlockingQueue<>();

	private final List<JwkSetKeySource> sources = new ArrayList<>();

	private TestIssuerServer issuer;

	@BeforeEach
	void startIssuer() throws Exception {
		this.issuer = new TestIssuerServer();
		this.issuer.answer("/jwks", 200, SET);
	}

	@AfterEach
	void stop() {
		this.sources.forEach(JwkSetKeySource::close);
		this.issuer.close();
	}

	@Test
	void jwkSetUriWhenOpenIdConfigurationThenDiscoveredOnceAndKeysServed() throws Exception {
		this.issuer.answer("/.well-known/openid-configuration", 200, metadata(this.issuer.base(), this.issuer.base() + "/jwks"));
		JwkSetKeySource source = source(this.issuer.base());
		source.awaitFirstKeys(Duration.ofSeconds(10));
		assertThat(source.keys("k1").find("k1")).isNotNull();
		assertThat(source.status().source()).isEqualTo(URI.create(this.issuer.base()));
		assertThat(source.status().jwkSetUri()).isEqualTo(this.issuer.uri("/jwks"));
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
		this.clock.advance(Duration.ofSeconds(30));
		source.keys("k2");
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.SUCCESS);
		assertThat(this.issuer.requests("/jwks")).isEqualTo(2);
		assertThat(this.issuer.requests("/.well-known/openid-configuration")).isEqualTo(1);
		assertThat(this.issuer.acceptHeaders.get(0)).isEqualTo("application/json");
	}

	@Test
	void jwkSetUriWhenIssuerHasAPathThenTriedInSpringSecuritysOrderUntilRfc8414Answers() throws Exception {
		String issuerUri = this.issuer.base() + "/realms/a";
		this.issuer.answer("/.well-known/oauth-authorization-server/realms/a", 200,
				metadata(issuerUri, this.issuer.base() + "/jwks"));
		JwkSetKeySource source = source(issuerUri);
		source.awaitFirstKeys(Duration.ofSeconds(10));
		assertThat(this.issuer.requests("/realms/a/.well-known/openid-configuration")).isEqualTo(1);
		assertThat(this.issuer.requests("/.well-known/openid-configuration/realms/a")).isEqualTo(1);
		assertThat(this.issuer.requests("/.well-known/oauth-authorization-server/realms/a")).isEqualTo(1);
		assertThat(IssuerDiscovery.locations(URI.create("https://i.example/realms/a/"))).containsExactly(
				URI.create("https://i.example/realms/a/.well-known/openid-configuration"),
				URI.create("https://i.example/.well-known/openid-configuration/realms/a"),
				URI.create("https://i.example/.well-known/oauth-authorization-server/realms/a"));
	}

	@Test
	void jwkSetUriWhenMetadataNamesAnotherIssuerThenRefused() throws Exception {
		this.issuer.answer("/.well-known/openid-configuration", 200,
				metadata(this.issuer.base() + "/", this.issuer.base() + "/jwks"));
		JwkSetKeySource source = source(this.issuer.base());
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.INVALID);
		assertThat(source.status().lastFailure()).isEqualTo("the issuer in the metadata at " + this.issuer.base()
				+ "/.well-known/openid-configuration is not the configured issuer " + this.issuer.base());
		assertThat(source.status().jwkSetUri()).isNull();
		assertThat(this.issuer.requests("/jwks")).isZero();
	}

	@Test
	void jwkSetUriWhenJwksUriIsPlainHttpOnAnotherHostThenRefused() throws Exception {
		this.issuer.answer("/.well-known/openid-configuration", 200, metadata(this.issuer.base(), "http://keys.example/jwks"));
		JwkSetKeySource source = source(this.issuer.base());
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.INVALID);
		assertThat(source.status().lastFailure()).isEqualTo("the jwks_uri http://keys.example/jwks must use https (http"
				+ " is accepted only on a loopback address, or when insecure http is allowed explicitly)");
	}

	@Test
	void jwkSetUriWhenNoLocationAnswersThenUnavailable() throws Exception {
		JwkSetKeySource source = source(this.issuer.base());
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.UNAVAILABLE);
		assertThat(source.status().lastFailure()).isEqualTo("no issuer metadata found for " + this.issuer.base() + " ("
				+ this.issuer.base() + "/.well-known/oauth-authorization-server answered with status 404)");
	}

	@Test
	void jwkSetUriWhenMetadataLocationFailsWithServerErrorThenStopsThere() throws Exception {
		this.issuer.answer("/.well-known/openid-configuration", 503, "");
		this.issuer.answer("/.well-known/oauth-authorization-server", 200, metadata(this.issuer.base(), this.issuer.base() + "/jwks"));
		JwkSetKeySource source = source(this.issuer.base());
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.UNAVAILABLE);
		assertThat(source.status().lastFailure()).endsWith("/.well-known/openid-configuration answered with status 503");
		assertThat(this.issuer.requests("/.well-known/oauth-authorization-server")).isZero();
	}

	@Test
	void jwkSetUriWhenMetadataIsNotJsonThenRefused() throws Exception {
		this.issuer.answer("/.well-known/openid-configuration", 200, "<html>login</html>");
		JwkSetKeySource source = source(this.issuer.base());
		assertThat(nextOutcome()).isEqualTo(JwkSetStatus.Outcome.INVALID);
		assertThat(source.status().lastFailure()).isEqualTo(this.issuer.base()
				+ "/.well-known/openid-configuration: Not issuer metadata: the document is not a JSON object");
	}

	private JwkSetKeySource source(String issuerUri) {
		JwkSetKeySource source = JwkSetKeySource.withIssuerLocation(issuerUri)
			.clock(this.clock)
			.listener((outcome, status) -> this.outcomes.add(outcome))
			.build();
		this.sources.add(source);
		return source;
	}

	private JwkSetStatus.Outcome nextOutcome() throws InterruptedException {
		JwkSetStatus.Outcome outcome = this.outcomes.poll(20, TimeUnit.SECONDS);
		assertThat(outcome).as("a refresh outcome within 20 s").isNotNull();
		return outcome;
	}

	private static String metadata(String issuer, String jwksUri) {
		return "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + jwksUri + "\",\"response_types_supported\":[\"code\"]}";
	}

}
