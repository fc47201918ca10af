package dev.joat.test.reactive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import dev.joat.test.JoatTestToken;
import dev.joat.test.SameAnswerCases;
import dev.joat.test.SameAnswerCases.Case;
import dev.joat.test.context.ApplicationTestTokens;
import dev.joat.test.web.reactive.JoatTokenConfigurer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static dev.joat.test.web.reactive.JoatWebTestClient.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * WebFlux: an application with a customized authority prefix, principal claim and
 * {@code OAuth2TokenValidator} gets the same answer from a WebTestClient test with
 * {@code joatToken(context)} — bound to the application context, and bound to the running
 * server — as over real HTTP with the JDK client; and spring-security-test's {@code mockJwt()}
 * does not.
 */
@SpringBootTest(classes = CustomizedReactiveApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "joat.issuer=https://issuer.example.test",
				"joat.authority-prefix=PERM_", "joat.principal-claim=email", "joat.secrets[0].kid=2026-01",
				"joat.secrets[0].secret=0123456789abcdef0123456789abcdef",
				"joat.audiences=" + ReactiveSameAnswerTests.CLIENT_ID })
class ReactiveSameAnswerTests {

	/** The client of the tests' tokens, in PyJOAT's layout also their audience. */
	static final String CLIENT_ID = "joat-test-client";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	static List<Case> cases() {
		return SameAnswerCases.cases();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void joatTokenWhenWebTestClientThenSameAnswerAsRealHttp(Case request) throws Exception {
		assertSameAnswer(request);
	}

	@Test
	void joatTokenWhenApplicationValidatorRefusesThenSameAnswerAsRealHttp() throws Exception {
		assertSameAnswer(SameAnswerCases.VALIDATOR_REFUSAL);
	}

	@Test
	void mockJwtWhenAuthorityPrefixChangedThenOkWhereProductionForbids() throws Exception {
		WebTestClient client = WebTestClient.bindToApplicationContext(this.context).apply(springSecurity()).configureClient()
			.build();

		client.mutateWith(mockJwt().jwt((jwt) -> jwt.claim("scope", "read"))).get().uri("/legacy").exchange()
			.expectStatus().isOk();
		client.mutateWith(joatToken(this.context).scopes("read")).get().uri("/legacy").exchange()
			.expectStatus().isForbidden();
		assertThat(send("/legacy", ApplicationTestTokens.from(this.context).token().scopes("read").authorizationHeader())
			.statusCode()).isEqualTo(403);
	}

	@Test
	void joatTokenWhenWebClientFilterThenTheServerAcceptsTheToken() {
		String body = WebClient.builder().baseUrl("http://localhost:" + this.port)
			.filter(joatToken(this.context).scopes("read").claim("email", "dave@example.com")).build()
			.get().uri("/read").retrieve().bodyToMono(String.class).block(Duration.ofSeconds(10));

		assertThat(body).isEqualTo("read by dave@example.com");
	}

	@Test
	void joatTokenWhenClientMutatedTwiceThenTheLaterTokenWins() {
		WebTestClient client = WebTestClient.bindToApplicationContext(this.context).build();

		client.mutateWith(joatToken(this.context).expired())
			.mutateWith(joatToken(this.context).scopes("read").claim("email", "erin@example.com"))
			.get().uri("/read").exchange()
			.expectStatus().isOk()
			.expectBody(String.class).isEqualTo("read by erin@example.com");
	}

	private void assertSameAnswer(Case request) throws IOException, InterruptedException {
		WebTestClient mockBound = WebTestClient.bindToApplicationContext(this.context).build();
		WebTestClient serverBound = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		for (WebTestClient client : List.of(mockBound, serverBound)) {
			JoatTokenConfigurer token = joatToken(this.context);
			request.token().accept(token);
			EntityExchangeResult<String> result = client.mutateWith(token).get().uri(request.path()).exchange()
				.expectBody(String.class).returnResult();
			request.assertAnswer((client == mockBound) ? "WebTestClient (context)" : "WebTestClient (server)",
					result.getStatus().value(), result.getResponseBody(),
					result.getResponseHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE));
		}

		JoatTestToken realToken = ApplicationTestTokens.from(this.context).token();
		request.token().accept(realToken);
		HttpResponse<String> real = send(request.path(), realToken.authorizationHeader());
		request.assertAnswer("HTTP", real.statusCode(), real.body(),
				real.headers().firstValue(HttpHeaders.WWW_AUTHENTICATE).orElse(null));
	}

	private HttpResponse<String> send(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header(HttpHeaders.AUTHORIZATION, authorization).timeout(Duration.ofSeconds(10)).GET().build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
