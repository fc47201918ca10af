package dev.joat.spring.boot;

import java.net.http.HttpResponse;
import java.util.List;

import dev.joat.SecretResolver;
import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import dev.joat.readme.servlet.Application;
import dev.joat.spring.security.JoatJwtDecoder;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The servlet application of README.md ("Protect a Spring Boot app"), exactly as shown there, on a
 * real Tomcat with real joat tokens: the scope check, the challenges the README promises, and no
 * HTTP session on any answer.
 */
@SpringBootTest(classes = Application.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "joat.issuer=My OAuth2 Provider", "joat.secret=" + JoatAutoConfigurationTests.SECRET })
class ReadmeServletApplicationTests {

	@LocalServerPort
	private int port;

	@Autowired
	private TokenGenerator generator;

	@Autowired
	private ApplicationContext context;

	@Test
	void getWhenTokenHasReadScopeThenOkWithoutSession() throws Exception {
		String token = this.generator.issueToken(TokenRequest.builder("abcd", List.of("read")).userId("1234").build());
		HttpResponse<String> response = HttpCalls.get(this.port, "/read", token);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("read by 1234");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void getWhenTokenLacksScopeThenForbiddenInsufficientScope() throws Exception {
		String token = this.generator.issueToken("abcd", List.of("profile"));
		HttpResponse<String> response = HttpCalls.get(this.port, "/read", token);
		assertThat(response.statusCode()).isEqualTo(403);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer error=\"insufficient_scope\", "
				+ "error_description=\"The request requires higher privileges than provided by the access token.\", "
				+ "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\"");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void getWhenNoTokenThenUnauthorizedWithBareBearerChallengeWithoutSession() throws Exception {
		HttpResponse<String> response = HttpCalls.get(this.port, "/read", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate"))
			.containsExactly("Bearer resource_metadata=\"" + HttpCalls.resourceMetadata(this.port) + "\"");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void getWhenTokenSignedWithOtherSecretThenUnauthorizedInvalidTokenWithoutSession() throws Exception {
		String forged = TokenGenerator.builder("My OAuth2 Provider", SecretResolver.of("x" + JoatAutoConfigurationTests.SECRET))
			.build()
			.issueToken("abcd", List.of("read"));
		HttpResponse<String> response = HttpCalls.get(this.port, "/read", forged);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("WWW-Authenticate")).containsExactly("Bearer error=\"invalid_token\", "
				+ "error_description=\"Bad signature\", error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\", "
				+ "resource_metadata=\"" + HttpCalls.resourceMetadata(this.port) + "\"");
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void getWhenBrowserAsksWithoutTokenThenUnauthorizedWithoutSession() throws Exception {
		HttpResponse<String> response = HttpCalls.getAsBrowser(this.port, "/read");
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void postWhenNoTokenThenUnauthorizedNotCsrfForbidden() throws Exception {
		HttpResponse<String> response = HttpCalls.post(this.port, "/read", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

	@Test
	void contextWhenReadmeApplicationThenJoatStatelessChainWithJoatDecoder() {
		assertThat(this.context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("joatSecurityFilterChain");
		assertThat(this.context.getBean(JwtDecoder.class)).isInstanceOf(JoatJwtDecoder.class);
	}

}
