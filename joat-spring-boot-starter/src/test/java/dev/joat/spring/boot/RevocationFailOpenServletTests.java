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
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.config.Customizer.withDefaults;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code joat.revocation.fail-open=true} through a servlet application's own
 * {@code SecurityFilterChain}: a stale replica's answer is used (a token it lists stays refused,
 * others are accepted), each such check counted, and one WARN line a minute.
 */
@SpringBootTest(classes = RevocationFailOpenServletTests.Application.class,
		properties = { "joat.issuer=joat", "joat.secret=" + JoatAutoConfigurationTests.SECRET,
				"joat.revocation.store=redis", "joat.revocation.max-staleness=10s", "joat.revocation.fail-open=true" })
@AutoConfigureMockMvc
class RevocationFailOpenServletTests {

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

	@Test
	void getWhenReplicaStaleAndFailOpenThenAnsweredFromStaleListCountedAndLoggedOnce() throws Exception {
		this.replica.confirmFresh(this.clock.instant());
		String token = token("open-1");
		String revoked = token("open-revoked");
		this.localReplica.revokeToken("open-revoked", this.clock.instant().plusSeconds(3600));
		this.clock.advance(Duration.ofSeconds(12));
		try (CapturedLogs logs = CapturedLogs.start()) {
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)).andExpect(status().isOk());
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + revoked))
				.andExpect(status().isUnauthorized());
			assertThat(this.meters.get(JoatRevocationMonitor.METER_NAME).tag("outcome", "accepted").functionCounter()
				.count()).isEqualTo(3);
			assertThat(this.meters.get(JoatRevocationMonitor.METER_NAME).tag("outcome", "refused").functionCounter()
				.count()).isZero();
			List<String> warnings = logs.lines(Level.WARN);
			assertThat(warnings).containsExactly("WARN dev.joat.spring.security.JoatRevocationMonitor: Bearer tokens are checked"
					+ " against a stale revocation list (joat.revocation.fail-open=true): last confirmed fresh 12s ago (1 time"
					+ " since the last report; at most one report every 60s)");
		}
	}

	private String token(String tokenId) {
		return this.generator.issueToken(TokenRequest.builder("abcd", List.of("read")).tokenId(tokenId).build());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(StaleReplicaConfiguration.class)
	static class Application {

		/** The application's own chain: nothing in it about revocation. */
		@Bean
		SecurityFilterChain applicationChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated());
			http.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults()));
			return http.build();
		}

		@RestController
		static class Endpoints {

			@GetMapping("/read")
			String read() {
				return "read";
			}

		}

	}

}
