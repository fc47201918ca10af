package dev.joat.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.joat.SecretResolver;
import dev.joat.TokenParser;
import dev.joat.spring.security.JoatJwtDecoder;
import dev.joat.test.context.ApplicationTestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The API's handlers use the {@code Jwt} the filter chain verified and parse nothing again. The
 * filter's decoder here runs on a clock two hours behind, so it accepts a token that has expired
 * by the application's clock: exactly a token that expires between the filter and the handler.
 * A handler that parsed the token again would fail with a 500.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "joat.secret=" + SampleApplicationTests.SECRET, "joat.issuer=" + SampleApplicationTests.ISSUER })
class SampleApiReadsVerifiedJwtTests {

	private static final Instant ISSUED_AT = Instant.now().minus(Duration.ofHours(2));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	@SuppressWarnings("unchecked")
	void apiWhenTokenExpiresAfterTheFilterThenHandlersAnswerFromTheVerifiedJwt() throws Exception {
		String token = ApplicationTestTokens.from(this.context)
			.token()
			.clientId("demo-client")
			.scopes("read", "profile")
			.tokenId("token-1")
			.issuedAt(ISSUED_AT)
			.lifetime(Duration.ofMinutes(30))
			.issue();
		HttpResponse<String> me = get("/api/me", token);
		assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
		assertThat(JSON.readValue(me.body(), Map.class)).containsExactly(entry("user_id", "demo-client"),
				entry("authorized_scope", List.of("read", "profile")), entry("client_id", "demo-client"),
				entry("provider", SampleApplicationTests.ISSUER), entry("jti", "token-1"));
		HttpResponse<String> read = get("/api/read", token);
		assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
		assertThat(JSON.readValue(read.body(), Map.class)).containsEntry("client_id", "demo-client");
	}

	private HttpResponse<String> get(String path, String token) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class DecoderBehindTheClock {

		// A decoder, not a token: TokenParser is the way to give it a clock behind the application's.
		@Bean
		JwtDecoder lateJwtDecoder(SecretResolver secretResolver) {
			return new JoatJwtDecoder(TokenParser.builder(secretResolver)
				.issuer(SampleApplicationTests.ISSUER)
				.clock(Clock.fixed(ISSUED_AT.plus(Duration.ofMinutes(1)), ZoneOffset.UTC))
				.build());
		}

	}

}
