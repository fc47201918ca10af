package dev.joat.spring.boot;

import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.joat.TokenGenerator;
import dev.joat.TokenRequest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.x509;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The application's {@code OAuth2TokenValidator<Jwt>} beans and joat's rule for certificate-bound
 * tokens, through Boot's default servlet resource-server chain with real joat tokens.
 */
class TokenValidatorsThroughFilterChainTests {

	static final String ISSUER = "https://issuer.example";

	static final String CLIENT_CERTIFICATE = "client-certificate.pem";

	static final String OTHER_CLIENT_CERTIFICATE = "other-client-certificate.pem";

	/** Refuses tokens of a suspended tenant, as an application's own rule would. */
	@Configuration(proxyBeanMethods = false)
	static class TenantValidators {

		@Bean
		@Order(2)
		OAuth2TokenValidator<Jwt> secondTenantValidator() {
			return refusingTenant("suspended", "Second validator: the tenant is suspended");
		}

		@Bean
		@Order(1)
		OAuth2TokenValidator<Jwt> firstTenantValidator() {
			return refusingTenant("suspended", "First validator: the tenant is suspended");
		}

		@Bean
		@Order(3)
		OAuth2TokenValidator<Jwt> closedTenantValidator() {
			return refusingTenant("closed", "The tenant is closed");
		}

		private static OAuth2TokenValidator<Jwt> refusingTenant(String tenant, String description) {
			return (jwt) -> tenant.equals(jwt.getClaimAsString("tenant"))
					? OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null))
					: OAuth2TokenValidatorResult.success();
		}

	}

	static String tokenFor(TokenGenerator generator, String claim, Object value) {
		return generator.issueToken(TokenRequest.builder("abcd", List.of("read")).userId("1234").claim(claim, value).build());
	}

	/** {@code x5t#S256} of a PEM certificate on the test classpath (RFC 8705 §3.1). */
	static String thumbprint(String certificate) throws Exception {
		try (var in = new ClassPathResource(certificate).getInputStream()) {
			X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(x509.getEncoded());
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
	}

	@Nested
	@SpringBootTest(classes = { TestResourceServerApplication.class, TenantValidators.class },
			properties = { "joat.issuer=" + ISSUER, "joat.secret=" + JoatAutoConfigurationTests.SECRET })
	@AutoConfigureMockMvc
	class WithValidatorBeans {

		@Autowired
		private MockMvc mvc;

		@Autowired
		private TokenGenerator generator;

		@Test
		void getWhenValidatorBeansAcceptThenOk() throws Exception {
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + tokenFor(this.generator, "tenant", "active")))
				.andExpect(status().isOk());
		}

		@Test
		void getWhenValidatorBeanRefusesThenUnauthorizedWithItsDescription() throws Exception {
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + tokenFor(this.generator, "tenant", "closed")))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
						containsString("error=\"invalid_token\", error_description=\"The tenant is closed\"")));
		}

		@Test
		void getWhenTwoValidatorBeansRefuseThenTheFirstInOrderDescribes() throws Exception {
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + tokenFor(this.generator, "tenant", "suspended")))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
						containsString("error_description=\"First validator: the tenant is suspended\"")));
		}

	}

	@Nested
	@SpringBootTest(classes = TestResourceServerApplication.class,
			properties = { "joat.issuer=" + ISSUER, "joat.secret=" + JoatAutoConfigurationTests.SECRET })
	@AutoConfigureMockMvc
	class CertificateBoundTokensByDefault {

		@Autowired
		private MockMvc mvc;

		@Autowired
		private TokenGenerator generator;

		@Test
		void getWhenTokenCarriesCnfThenUnauthorizedEvenWithTheMatchingCertificate() throws Exception {
			String token = tokenFor(this.generator, "cnf", Map.of("x5t#S256", thumbprint(CLIENT_CERTIFICATE)));
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).with(x509(CLIENT_CERTIFICATE)))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("error_description=\"The token is"
						+ " bound to a key or certificate (cnf), which this server does not accept\"")));
		}

	}

	@Nested
	@SpringBootTest(classes = TestResourceServerApplication.class,
			properties = { "joat.issuer=" + ISSUER, "joat.secret=" + JoatAutoConfigurationTests.SECRET,
					"joat.allow-certificate-bound-tokens=true" })
	@AutoConfigureMockMvc
	class CertificateBoundTokensOptedIn {

		@Autowired
		private MockMvc mvc;

		@Autowired
		private TokenGenerator generator;

		@Test
		void getWhenCnfMatchesTheClientCertificateThenOk() throws Exception {
			String token = tokenFor(this.generator, "cnf", Map.of("x5t#S256", thumbprint(CLIENT_CERTIFICATE)));
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).with(x509(CLIENT_CERTIFICATE)))
				.andExpect(status().isOk());
		}

		@Test
		void getWhenCnfNamesAnotherCertificateThenUnauthorized() throws Exception {
			String token = tokenFor(this.generator, "cnf", Map.of("x5t#S256", thumbprint(CLIENT_CERTIFICATE)));
			assertRefused(token, x509(OTHER_CLIENT_CERTIFICATE), "Invalid SHA-256 Thumbprint for X509Certificate.");
		}

		@Test
		void getWhenCnfButNoClientCertificateThenUnauthorized() throws Exception {
			String token = tokenFor(this.generator, "cnf", Map.of("x5t#S256", thumbprint(CLIENT_CERTIFICATE)));
			assertRefused(token, (request) -> request, "Unable to obtain X509Certificate from current request.");
		}

		@Test
		void getWhenCnfHoldsAnotherConfirmationMethodThenUnauthorized() throws Exception {
			String token = tokenFor(this.generator, "cnf", Map.of("jkt", "0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I"));
			assertRefused(token, x509(CLIENT_CERTIFICATE), "The token's cnf can only hold an x5t#S256 certificate thumbprint");
		}

		@Test
		void getWhenNoCnfThenOkWithoutCertificate() throws Exception {
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION,
					"Bearer " + tokenFor(this.generator, "tenant", "active")))
				.andExpect(status().isOk());
		}

		private void assertRefused(String token, RequestPostProcessor certificate, String description) throws Exception {
			this.mvc.perform(get("/read").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).with(certificate))
				.andExpect(status().isUnauthorized())
				.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE,
						containsString("error=\"invalid_token\", error_description=\"" + description + "\"")));
		}

	}

}
