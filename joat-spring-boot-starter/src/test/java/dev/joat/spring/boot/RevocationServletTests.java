package dev.joat.spring.boot;

import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import dev.joat.MutableClock;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.RevocationReplica;
import dev.joat.spring.security.CapturedLogs;
import dev.joat.spring.security.JoatRevocationMonitor;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Revocation through the starter's default servlet chain: a revoked token is a {@code 401 invalid_token}; a replica that cannot
 * be confirmed fresh, failing closed, answers {@code 503} with {@code Retry-After}, counted and
 * logged at most once a minute.
 */
@SpringBootTest(classes = RevocationServletTests.Application.class,
		properties = { "joat.issuer=joat", "joat.secret=" + JoatAutoConfigurationTests.SECRET,
				"joat.revocation.store=redis", "joat.revocation.max-staleness=10s" })
@AutoConfigureMockMvc
class RevocationServletTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private TokenGenerator generator;

	@Autowired
	private RevocationReplica replica;

	@Autowired
	private InMemoryRevocationStore localReplica;

	@Autowired
	private MutableClock clock;

	@Autowired
	private MeterRegistry meters;

	@BeforeEach
	void confirmFresh() {
		this.replica.confirmFresh(this.clock.instant());
	}

	@Test
	void getWhenTokenNotRevokedThenOk() throws Exception {
		this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token("fresh-1")))
			.andExpect(status().isOk())
			.andExpect(content().string("read"));
	}

	@Test
	void getWhenTokenRevokedThenUnauthorizedInvalidToken() throws Exception {
		String token = token("revoked-1");
		this.localReplica.revokeToken("revoked-1", this.clock.instant().plusSeconds(3600));
		this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
					org.hamcrest.Matchers.containsString("error=\"invalid_token\", error_description=\"Token revoked\"")));
	}

	@Test
	void getWhenTokenHasNoJtiThenOkUntilItsClientAndSubjectAreRevoked() throws Exception {
		// joat's generator always writes a jti; a token without one comes from another issuer (PyJOAT).
		String withoutJti = RevocationTokens.withoutJti(this.clock.instant(), "user-without-jti");
		this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + withoutJti))
			.andExpect(status().isOk());
		this.localReplica.revokeClientSubjectTokens("abcd", "user-without-jti", this.clock.instant().plusSeconds(1),
				this.clock.instant().plusSeconds(3600));
		this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + withoutJti))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
					org.hamcrest.Matchers.containsString("error_description=\"Token revoked\"")));
	}

	@Test
	void getWhenReplicaStaleThenServiceUnavailableWithRetryAfterCountedAndLoggedOnce() throws Exception {
		String token = token("stale-1");
		this.clock.advance(Duration.ofSeconds(11));
		double before = refused();
		try (CapturedLogs logs = CapturedLogs.start()) {
			for (int i = 0; i < 3; i++) {
				this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
					.andExpect(status().isServiceUnavailable())
					.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
					.andExpect(header().string(HttpHeaders.CACHE_CONTROL, "no-store"))
					.andExpect(header().doesNotExist(HttpHeaders.WWW_AUTHENTICATE))
					.andExpect(content().string(""));
			}
			assertThat(refused()).isEqualTo(before + 3);
			List<String> warnings = logs.lines(Level.WARN);
			assertThat(warnings).hasSize(1);
			assertThat(warnings.get(0)).startsWith("WARN dev.joat.spring.security.JoatRevocationMonitor: Bearer tokens are"
					+ " refused with 503 Service Unavailable because revocation cannot be checked: Revocation list"
					+ " unavailable: last confirmed fresh 11000 ms ago, beyond the 10000 ms allowed (1 time");
		}
		this.replica.confirmFresh(this.clock.instant());
		this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
	}

	@Test
	void getWhenReplicaStaleAndTokenInvalidThenStillUnauthorized() throws Exception {
		this.clock.advance(Duration.ofSeconds(11));
		String token = token("stale-2");
		this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.substring(0, token.length() - 2)))
			.andExpect(status().isUnauthorized());
	}

	private double refused() {
		return this.meters.get(JoatRevocationMonitor.METER_NAME).tag("outcome", "refused").functionCounter().count();
	}

	private String token(String tokenId) {
		return this.generator.issueToken(TokenRequest.builder("abcd", List.of("read")).tokenId(tokenId).build());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(StaleReplicaConfiguration.class)
	static class Application {

		@RestController
		static class Endpoints {

			@GetMapping("/read")
			String read() {
				return "read";
			}

		}

	}

}
