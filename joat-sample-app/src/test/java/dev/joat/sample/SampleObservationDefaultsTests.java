package dev.joat.sample;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.test.web.servlet.MockMvc;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The sample's defaults for a fast production app ({@code application.yml}): Spring Security's
 * observations are off, so nothing wraps the filters, the authentication or the authorizations,
 * while the meters operators need are still recorded for each request: the HTTP server timer and
 * joat's verification timer and counters; one property turns Spring Security's back on.
 */
class SampleObservationDefaultsTests {

	@Nested
	@SpringBootTest(properties = { "joat.secret=" + SampleApplicationTests.SECRET,
			"joat.issuer=" + SampleApplicationTests.ISSUER })
	@AutoConfigureMockMvc
	class Defaults {

		@Autowired
		private MockMvc mockMvc;

		@Autowired
		private MeterRegistry meters;

		@Autowired
		private SecurityObservationSettings settings;

		@Test
		void securityObservationSettingsWhenDefaultsThenNothingObserved() {
			assertThat(this.settings.shouldObserveRequests()).isFalse();
			assertThat(this.settings.shouldObserveAuthentications()).isFalse();
			assertThat(this.settings.shouldObserveAuthorizations()).isFalse();
		}

		@Test
		void readWhenDefaultsThenHttpServerTimerAndJoatMetersButNoSecurityMeters() throws Exception {
			this.mockMvc.perform(get("/api/read").with(joatToken().clientId("demo-client").scopes("read")))
				.andExpect(status().isOk());
			assertThat(this.meters.find("http.server.requests").tag("uri", "/api/read").timer()).isNotNull()
				.satisfies((timer) -> assertThat(timer.count()).isPositive());
			assertThat(this.meters.find("joat.tokens.verification").timer()).isNotNull()
				.satisfies((timer) -> assertThat(timer.count()).isPositive());
			assertThat(this.meters.find("joat.tokens.verified").counter()).isNotNull();
			assertThat(this.meters.find("http.server.requests.active").longTaskTimer()).isNull();
			assertThat(this.meters.find(SecurityObservations.FILTER_CHAINS).meters()).isEmpty();
			assertThat(this.meters.find(SecurityObservations.REQUESTS).meters()).isEmpty();
			assertThat(this.meters.find(SecurityObservations.AUTHENTICATIONS).meters()).isEmpty();
			assertThat(this.meters.find(SecurityObservations.AUTHORIZATIONS).meters()).isEmpty();
		}

	}

	@Nested
	@SpringBootTest(properties = { "joat.secret=" + SampleApplicationTests.SECRET,
			"joat.issuer=" + SampleApplicationTests.ISSUER, "management.observations.enable.spring.security=true" })
	@AutoConfigureMockMvc
	class SpringSecurityObservationsOn {

		@Autowired
		private MockMvc mockMvc;

		@Autowired
		private MeterRegistry meters;

		@Test
		void readWhenSpringSecurityObservationsEnabledThenSecurityMetersRecorded() throws Exception {
			this.mockMvc.perform(get("/api/read").with(joatToken().clientId("demo-client").scopes("read")))
				.andExpect(status().isOk());
			assertThat(this.meters.find(SecurityObservations.FILTER_CHAINS).meters()).isNotEmpty();
			assertThat(this.meters.find(SecurityObservations.AUTHENTICATIONS).meters()).isNotEmpty();
			assertThat(this.meters.find(SecurityObservations.AUTHORIZATIONS).meters()).isNotEmpty();
		}

	}

}
