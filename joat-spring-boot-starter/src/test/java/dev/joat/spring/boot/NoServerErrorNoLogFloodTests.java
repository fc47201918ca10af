package dev.joat.spring.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.joat.SecretResolver;
import dev.joat.spring.security.CapturedLogs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Tokens an attacker can send, through real filter chains of apps that permit {@code /error} as
 * Boot's documentation does: a correctly signed token Spring's {@code Jwt} could not represent
 * ({@code exp} not after {@code iat}) is a 401, never a 500; refusals log nothing at WARN or
 * ERROR; a failing secret lookup is reported once, with a count, not once per request.
 */
class NoServerErrorNoLogFloodTests {

	static final String ISSUER = "https://issuer.example";

	static final byte[] SECRET = JoatAutoConfigurationTests.SECRET.getBytes(StandardCharsets.UTF_8);

	static final String EXP_NOT_AFTER_IAT = "Invalid claim: 'exp' must be after 'iat'";

	/** The client's secret by {@code aud}: {@code abcd} has one, {@code vault} makes the lookup fail, others have none. */
	static SecretResolver perClientSecrets() {
		return (header, claims) -> switch (String.valueOf(claims.get("aud"))) {
			case "abcd" -> SECRET.clone();
			case "vault" -> throw new IllegalStateException("the vault is sealed");
			default -> null;
		};
	}

	static String signedBy(String client, long iat, long exp) {
		try {
			return ResourceServerFilterChainTests.sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"iss\":\"" + ISSUER
					+ "\",\"aud\":\"" + client + "\",\"sub\":\"1234\",\"iat\":" + iat + ",\"exp\":" + exp
					+ ",\"scp\":[\"read\"]}");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	static long now() {
		return Instant.now().getEpochSecond();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ServletApplication {

		@Bean
		SecretResolver perClientSecretResolver() {
			return perClientSecrets();
		}

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
			http.authorizeHttpRequests((requests) -> requests.requestMatchers("/error").permitAll().anyRequest().authenticated())
				.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()));
			return http.build();
		}

		@RestController
		static class Endpoints {

			@GetMapping("/read")
			Map<String, String> read() {
				return Map.of("read", "ok");
			}

		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ReactiveApplication {

		@Bean
		SecretResolver perClientSecretResolver() {
			return perClientSecrets();
		}

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http) {
			http.authorizeExchange((exchanges) -> exchanges.pathMatchers("/error").permitAll().anyExchange().authenticated())
				.oauth2ResourceServer((server) -> server.jwt(Customizer.withDefaults()));
			return http.build();
		}

		@RestController
		static class Endpoints {

			@GetMapping("/read")
			Mono<String> read() {
				return Mono.just("ok");
			}

		}

	}

	@Nested
	@SpringBootTest(classes = ServletApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
			properties = "joat.issuer=" + ISSUER)
	class Servlet {

		@LocalServerPort
		private int port;

		private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		@Test
		void getWhenSignedTokenHasValidTokenThenOk() throws Exception {
			assertThat(get(signedBy("abcd", now(), now() + 60)).statusCode()).isEqualTo(200);
		}

		@Test
		void getWhenSignedTokenExpiresWhenIssuedThenUnauthorizedNotServerErrorAndNoWarning() throws Exception {
			try (CapturedLogs logs = CapturedLogs.start()) {
				long iat = now() + 30;
				for (String token : List.of(signedBy("abcd", iat, iat), signedBy("abcd", iat, iat - 10))) {
					HttpResponse<String> response = get(token);
					assertThat(response.statusCode()).isEqualTo(401);
					assertThat(response.headers().firstValue(HttpHeaders.WWW_AUTHENTICATE)).get().asString()
						.contains("error=\"invalid_token\", error_description=\"" + EXP_NOT_AFTER_IAT + "\"");
					assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
				}
				assertThat(logs.warnOrAbove()).isEmpty();
			}
		}

		@Test
		void getWhenTokenNamesUnknownClientThenUnauthorizedAndNoWarning() throws Exception {
			try (CapturedLogs logs = CapturedLogs.start()) {
				for (int i = 0; i < 20; i++) {
					assertThat(get(signedBy("client-" + i, now(), now() + 60)).statusCode()).isEqualTo(401);
				}
				assertThat(logs.warnOrAbove()).isEmpty();
			}
		}

		@Test
		void getWhenSecretLookupFailsOnEveryRequestThenUnauthorizedAndOneWarning() throws Exception {
			try (CapturedLogs logs = CapturedLogs.start()) {
				for (int i = 0; i < 20; i++) {
					HttpResponse<String> response = get(signedBy("vault", now(), now() + 60));
					assertThat(response.statusCode()).isEqualTo(401);
					assertThat(response.headers().firstValue(HttpHeaders.WWW_AUTHENTICATE)).get().asString()
						.contains("error_description=\"The token could not be verified\"")
						.doesNotContain("vault");
				}
				assertThat(logs.warnOrAbove()).singleElement().asString()
					.startsWith("WARN dev.joat.spring.security.JoatJwtDecoder: Bearer tokens are refused because the secret"
							+ " lookup fails: java.lang.IllegalStateException: the vault is sealed");
			}
		}

		private HttpResponse<String> get(String token) throws Exception {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/read"))
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
				.timeout(Duration.ofSeconds(10))
				.build();
			return this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}

	}

	@Nested
	@SpringBootTest(classes = ReactiveApplication.class,
			properties = { "spring.main.web-application-type=reactive", "joat.issuer=" + ISSUER })
	class Reactive {

		@Autowired
		private ApplicationContext context;

		private WebTestClient client;

		@BeforeEach
		void setUp() {
			this.client = WebTestClient.bindToApplicationContext(this.context).apply(springSecurity()).configureClient().build();
		}

		@Test
		void getWhenSignedTokenHasValidTokenThenOk() {
			get(signedBy("abcd", now(), now() + 60)).expectStatus().isOk();
		}

		@Test
		void getWhenSignedTokenExpiresWhenIssuedThenUnauthorizedNotServerErrorAndNoWarning() {
			try (CapturedLogs logs = CapturedLogs.start()) {
				long iat = now() + 30;
				for (String token : List.of(signedBy("abcd", iat, iat), signedBy("abcd", iat, iat - 10))) {
					get(token).expectStatus().isUnauthorized()
						.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, (challenge) -> assertThat(challenge)
							.contains("error=\"invalid_token\", error_description=\"" + EXP_NOT_AFTER_IAT + "\""));
				}
				assertThat(logs.warnOrAbove()).isEmpty();
			}
		}

		@Test
		void getWhenTokenNamesUnknownClientThenUnauthorizedAndNoWarning() {
			try (CapturedLogs logs = CapturedLogs.start()) {
				for (int i = 0; i < 20; i++) {
					get(signedBy("client-" + i, now(), now() + 60)).expectStatus().isUnauthorized();
				}
				assertThat(logs.warnOrAbove()).isEmpty();
			}
		}

		@Test
		void getWhenSecretLookupFailsOnEveryRequestThenUnauthorizedAndOneWarning() {
			try (CapturedLogs logs = CapturedLogs.start()) {
				for (int i = 0; i < 20; i++) {
					get(signedBy("vault", now(), now() + 60)).expectStatus().isUnauthorized();
				}
				assertThat(logs.warnOrAbove()).singleElement().asString()
					.startsWith("WARN dev.joat.spring.security.JoatJwtDecoder: Bearer tokens are refused because the secret"
							+ " lookup fails: java.lang.IllegalStateException: the vault is sealed");
			}
		}

		private WebTestClient.ResponseSpec get(String token) {
			return this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
		}

	}

}
