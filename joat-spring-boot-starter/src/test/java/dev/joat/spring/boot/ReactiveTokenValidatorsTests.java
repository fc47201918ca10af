package dev.joat.spring.boot;

import java.util.Map;

import dev.joat.TokenGenerator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * The application's {@code OAuth2TokenValidator<Jwt>} beans and joat's rule for certificate-bound
 * tokens in a WebFlux app, through Boot's default reactive resource-server chain.
 */
class ReactiveTokenValidatorsTests {


	abstract static class ReactiveClient {

		@Autowired
		private ApplicationContext context;

		@Autowired
		TokenGenerator generator;

		private WebTestClient client;

		@BeforeEach
		void setUp() {
			this.client = WebTestClient.bindToApplicationContext(this.context).apply(springSecurity()).configureClient().build();
		}

		WebTestClient.ResponseSpec read(String token) {
			return this.client.get().uri("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange();
		}

		void assertRefused(String token, String description) {
			read(token).expectStatus().isUnauthorized()
				.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, (challenge) -> assertThat(challenge)
					.contains("error=\"invalid_token\", error_description=\"" + description + "\""));
		}

	}

	@Nested
	@SpringBootTest(classes = { ReactiveResourceServerTests.ReactiveApplication.class,
			TokenValidatorsThroughFilterChainTests.TenantValidators.class }, properties = {
					"spring.main.web-application-type=reactive", "joat.issuer=" + TokenValidatorsThroughFilterChainTests.ISSUER,
					"joat.secret=" + JoatAutoConfigurationTests.SECRET })
	class WithValidatorBeans extends ReactiveClient {

		@Test
		void getWhenValidatorBeansAcceptThenOk() {
			read(TokenValidatorsThroughFilterChainTests.tokenFor(this.generator, "tenant", "active")).expectStatus().isOk();
		}

		@Test
		void getWhenValidatorBeanRefusesThenUnauthorizedWithItsDescription() {
			assertRefused(TokenValidatorsThroughFilterChainTests.tokenFor(this.generator, "tenant", "closed"),
					"The tenant is closed");
		}

		@Test
		void getWhenTwoValidatorBeansRefuseThenTheFirstInOrderDescribes() {
			assertRefused(TokenValidatorsThroughFilterChainTests.tokenFor(this.generator, "tenant", "suspended"),
					"First validator: the tenant is suspended");
		}

	}

	@Nested
	@SpringBootTest(classes = ReactiveResourceServerTests.ReactiveApplication.class, properties = {
			"spring.main.web-application-type=reactive", "joat.issuer=" + TokenValidatorsThroughFilterChainTests.ISSUER,
			"joat.secret=" + JoatAutoConfigurationTests.SECRET })
	class CertificateBoundTokensByDefault extends ReactiveClient {

		@Test
		void getWhenTokenCarriesCnfThenUnauthorized() throws Exception {
			assertRefused(TokenValidatorsThroughFilterChainTests.tokenFor(this.generator, "cnf",
					Map.of("x5t#S256", TokenValidatorsThroughFilterChainTests.thumbprint("client-certificate.pem"))),
					"The token is bound to a key or certificate (cnf), which this server does not accept");
		}

	}

	@Nested
	@SpringBootTest(classes = ReactiveResourceServerTests.ReactiveApplication.class, properties = {
			"spring.main.web-application-type=reactive", "joat.issuer=" + TokenValidatorsThroughFilterChainTests.ISSUER,
			"joat.secret=" + JoatAutoConfigurationTests.SECRET, "joat.allow-certificate-bound-tokens=true" })
	class CertificateBoundTokensOptedIn extends ReactiveClient {

		@Test
		void getWhenCnfX5tS256ThenStillUnauthorizedBecauseSpringCannotSeeTheCertificateInWebFlux() throws Exception {
			assertRefused(TokenValidatorsThroughFilterChainTests.tokenFor(this.generator, "cnf",
					Map.of("x5t#S256", TokenValidatorsThroughFilterChainTests.thumbprint("client-certificate.pem"))),
					"Unable to obtain X509Certificate from current request.");
		}

		@Test
		void getWhenNoCnfThenOk() {
			read(TokenValidatorsThroughFilterChainTests.tokenFor(this.generator, "tenant", "active")).expectStatus().isOk();
		}

	}

}
