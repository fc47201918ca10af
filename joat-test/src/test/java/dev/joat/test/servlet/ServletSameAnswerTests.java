package dev.joat.test.servlet;

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
import dev.joat.test.web.servlet.JoatTokenRequestPostProcessor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static dev.joat.test.web.servlet.JoatMockMvc.joatToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Spring MVC: an application with a customized authority prefix, principal claim and
 * {@code OAuth2TokenValidator} gets the same answer from a MockMvc test with
 * {@code joatToken()} as over real HTTP, for valid tokens and each kind of wrong one — and
 * spring-security-test's {@code jwt()} does not.
 */
@SpringBootTest(classes = CustomizedServletApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "joat.issuer=https://issuer.example.test", "joat.authority-prefix=PERM_",
				"joat.principal-claim=email", "joat.secrets[0].kid=2026-01",
				"joat.secrets[0].secret=0123456789abcdef0123456789abcdef", "joat.profile=rfc9068",
				"joat.audiences=https://api.example.test" })
@AutoConfigureMockMvc
class ServletSameAnswerTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private ApplicationContext context;

	@LocalServerPort
	private int port;

	static List<Case> cases() {
		return SameAnswerCases.cases();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void joatTokenWhenMockMvcThenSameAnswerAsRealHttp(Case request) throws Exception {
		assertSameAnswer(request);
	}

	@Test
	void joatTokenWhenApplicationValidatorRefusesThenSameAnswerAsRealHttp() throws Exception {
		assertSameAnswer(SameAnswerCases.VALIDATOR_REFUSAL);
	}

	private void assertSameAnswer(Case request) throws Exception {
		JoatTokenRequestPostProcessor token = joatToken();
		request.token().accept(token);
		MockHttpServletResponse mock = this.mockMvc.perform(get(request.path()).with(token)).andReturn().getResponse();
		request.assertAnswer("MockMvc", mock.getStatus(), mock.getContentAsString(),
				mock.getHeader(HttpHeaders.WWW_AUTHENTICATE));

		JoatTestToken realToken = ApplicationTestTokens.from(this.context).token();
		request.token().accept(realToken);
		HttpResponse<String> real = send(request.path(), realToken.authorizationHeader());
		request.assertAnswer("HTTP", real.statusCode(), real.body(),
				real.headers().firstValue(HttpHeaders.WWW_AUTHENTICATE).orElse(null));
	}

	@Test
	void jwtPostProcessorWhenAuthorityPrefixChangedThenOkWhereProductionForbids() throws Exception {
		MockHttpServletResponse jwtTest = this.mockMvc
			.perform(get("/legacy").with(jwt().jwt((jwt) -> jwt.claim("scope", "read"))))
			.andReturn().getResponse();
		MockHttpServletResponse joatTest = this.mockMvc.perform(get("/legacy").with(joatToken().scopes("read")))
			.andReturn().getResponse();
		HttpResponse<String> production = send("/legacy",
				ApplicationTestTokens.from(this.context).token().scopes("read").authorizationHeader());

		assertThat(jwtTest.getStatus()).isEqualTo(200);
		assertThat(joatTest.getStatus()).isEqualTo(403);
		assertThat(production.statusCode()).isEqualTo(403);
	}

	@Test
	void joatTokenWhenRequestHadAnAuthorizationHeaderThenReplacesIt() throws Exception {
		MockHttpServletResponse response = this.mockMvc
			.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
				.with(joatToken().scopes("read").claim("email", "bob@example.com")))
			.andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).isEqualTo("read by bob@example.com");
	}

	private HttpResponse<String> send(String path, String authorization) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header(HttpHeaders.AUTHORIZATION, authorization).timeout(Duration.ofSeconds(10)).GET().build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
