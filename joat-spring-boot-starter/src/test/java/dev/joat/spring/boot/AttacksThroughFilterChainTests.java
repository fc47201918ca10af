package dev.joat.spring.boot;

import java.time.Instant;
import java.util.stream.Stream;

import dev.joat.HostileTokens;
import dev.joat.HostileTokens.Attack;
import dev.joat.spring.security.CapturedLogs;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Every attack of joat-core's catalogue ({@link HostileTokens}), end to end through the Spring
 * Security filter chain: refused tokens get {@code 401 error="invalid_token"} (or 400 when the
 * request is not even a bearer token), never 200 and never 5xx, and nothing is logged at WARN or
 * ERROR; responses never contain a stack trace, the secret or the token. The same on WebFlux.
 */
class AttacksThroughFilterChainTests {

	static Stream<Attack> attacks() {
		return HostileTokens.catalog(Instant.now()).stream().filter((attack) -> !attack.keyed());
	}

	static Stream<Attack> keyedAttacks() {
		return HostileTokens.catalog(Instant.now()).stream().filter(Attack::keyed);
	}

	static void assertAnswer(MockMvc mvc, Attack attack) throws Exception {
		MockHttpServletResponse response;
		try (CapturedLogs logs = CapturedLogs.start()) {
			response = mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + attack.token()))
				.andReturn()
				.getResponse();
			assertThat(logs.warnOrAbove()).as(attack.name()).isEmpty();
		}
		String body = response.getContentAsString();
		String challenge = String.valueOf(response.getHeader(HttpHeaders.WWW_AUTHENTICATE));
		assertThat(body + challenge).doesNotContain(HostileTokens.SECRET).doesNotContain("Exception")
			.doesNotContain("\tat ");
		if (attack.token().length() > 24) {
			assertThat(body + challenge).doesNotContain(attack.token().substring(attack.token().length() - 24));
		}
		if (attack.expected() == null) {
			assertThat(response.getStatus()).as(attack.name()).isEqualTo(200);
			return;
		}
		assertThat(response.getStatus()).as(attack.name()).isIn(400, 401);
		if (response.getStatus() == 401) {
			assertThat(challenge).as(attack.name()).contains("error=\"invalid_token\"");
		}
	}

	@Nested
	@SpringBootTest(classes = TestResourceServerApplication.class,
			properties = { "joat.issuer=" + HostileTokens.ISSUER, "joat.secret=" + HostileTokens.SECRET })
	@AutoConfigureMockMvc
	class WithOneSecret {

		@Autowired
		private MockMvc mvc;

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.joat.spring.boot.AttacksThroughFilterChainTests#attacks")
		void getWhenAttackThenRefusedWithInvalidToken(Attack attack) throws Exception {
			assertAnswer(this.mvc, attack);
		}

	}

	@Nested
	@SpringBootTest(classes = ReactiveResourceServerTests.ReactiveApplication.class,
			properties = { "spring.main.web-application-type=reactive", "joat.issuer=" + HostileTokens.ISSUER,
					"joat.secret=" + HostileTokens.SECRET })
	class Reactive {

		@Autowired
		private ApplicationContext context;

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.joat.spring.boot.AttacksThroughFilterChainTests#attacks")
		void getWhenAttackThenRefusedWithInvalidTokenAndNoWarning(Attack attack) {
			WebTestClient client = WebTestClient.bindToApplicationContext(this.context)
				.apply(springSecurity())
				.configureClient()
				.build();
			try (CapturedLogs logs = CapturedLogs.start()) {
				EntityExchangeResult<String> result = client.get()
					.uri("/read")
					.header(HttpHeaders.AUTHORIZATION, "Bearer " + attack.token())
					.exchange()
					.expectBody(String.class)
					.returnResult();
				String body = String.valueOf(result.getResponseBody());
				String challenge = String.valueOf(result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE));
				assertThat(logs.warnOrAbove()).as(attack.name()).isEmpty();
				assertThat(body + challenge).doesNotContain(HostileTokens.SECRET).doesNotContain("Exception");
				if (attack.expected() == null) {
					assertThat(result.getStatus().value()).as(attack.name()).isEqualTo(200);
					return;
				}
				assertThat(result.getStatus().value()).as(attack.name()).isIn(400, 401);
				if (result.getStatus().value() == 401) {
					assertThat(challenge).as(attack.name()).contains("error=\"invalid_token\"");
				}
			}
		}

	}

	@Nested
	@SpringBootTest(classes = TestResourceServerApplication.class,
			properties = { "joat.issuer=" + HostileTokens.ISSUER, "joat.secrets[0].kid=" + HostileTokens.KEY_ID,
					"joat.secrets[0].secret=" + HostileTokens.SECRET })
	@AutoConfigureMockMvc
	class WithKeyedSecrets {

		@Autowired
		private MockMvc mvc;

		@ParameterizedTest(name = "{0}")
		@MethodSource("dev.joat.spring.boot.AttacksThroughFilterChainTests#keyedAttacks")
		void getWhenKidAttackThenRefusedWithInvalidToken(Attack attack) throws Exception {
			assertAnswer(this.mvc, attack);
		}

	}

}
