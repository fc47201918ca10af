package dev.joat.spring.boot;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.server.resource.web.OAuth2ProtectedResourceMetadataFilter;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.security.config.Customizer.withDefaults;

/**
 * The RFC 9728 document of a plain starter app, produced by the very
 * {@link OAuth2ProtectedResourceMetadataFilter} instance in the starter's default filter chain (or
 * in an application's own chain using the bean): truthful claims, {@code joat.resource} checked at
 * startup, and the bean backing off for the application's own.
 */
class ProtectedResourceMetadataTests {

	private static final String ISSUER = "https://issuer.example";

	private static final String RESOURCE = "https://api.example.com";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatWebSecurityAutoConfigurationTests.bootSecurityAutoConfigurations()))
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class, JoatWebSecurityAutoConfiguration.class))
		.withPropertyValues("joat.issuer=" + ISSUER, "joat.secret=" + JoatAutoConfigurationTests.SECRET);

	@Test
	void defaultChainWhenResourceConfiguredThenDocumentTruthfulWhateverTheHost() {
		this.runner.withPropertyValues("joat.resource=" + RESOURCE).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(document(context, "attacker.example")).containsOnly(entry("resource", RESOURCE),
					entry("authorization_servers", List.of(ISSUER)), entry("bearer_methods_supported", List.of("header")));
		});
	}

	@Test
	void defaultChainWhenDefaultsThenNoCertificateBoundClaim() {
		this.runner.run((context) -> assertThat(document(context, "localhost"))
			.doesNotContainKey("tls_client_certificate_bound_access_tokens"));
	}

	@Test
	void defaultChainWhenResourceUnsetThenSpringSecurityTakesItFromTheRequest() {
		this.runner.run((context) -> assertThat(document(context, "api.internal")).containsOnly(
				entry("resource", "http://api.internal"), entry("authorization_servers", List.of(ISSUER)),
				entry("bearer_methods_supported", List.of("header"))));
	}

	@Test
	void defaultChainWhenCertificateBoundTokensAllowedThenClaimStays() {
		this.runner.withPropertyValues("joat.resource=" + RESOURCE, "joat.allow-certificate-bound-tokens=true")
			.run((context) -> assertThat(document(context, "localhost"))
				.contains(entry("resource", RESOURCE), entry("tls_client_certificate_bound_access_tokens", true)));
	}

	@Test
	void defaultChainWhenIssuerIsNoUrlThenNoAuthorizationServers() {
		this.runner.withPropertyValues("joat.issuer=legacy-provider", "joat.resource=" + RESOURCE)
			.run((context) -> assertThat(document(context, "localhost")).containsOnly(entry("resource", RESOURCE),
					entry("bearer_methods_supported", List.of("header"))));
	}

	@Test
	void defaultChainWhenAnyIssuerAcceptedThenNoAuthorizationServers() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JoatWebSecurityAutoConfigurationTests.bootSecurityAutoConfigurations()))
			.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class, JoatWebSecurityAutoConfiguration.class))
			.withPropertyValues("joat.accept-any-issuer=true", "joat.secret=" + JoatAutoConfigurationTests.SECRET,
					"joat.resource=" + RESOURCE)
			.run((context) -> assertThat(document(context, "localhost")).doesNotContainKey("authorization_servers"));
	}

	@Test
	void autoConfigurationWhenResourceIsNoAbsoluteUrlThenFailsNamingResource() {
		for (String resource : List.of("api.example.com", "/api", "ftp://api.example.com", "https://api.example.com#top",
				"https://user:pw@api.example.com", "https://api.example.com?tenant=1", "https:///path")) {
			this.runner.withPropertyValues("joat.resource=" + resource).run((context) -> {
				JoatConfigurationException ex = SecretConfigurationTests.failure(context);
				assertThat(ex.getProperty()).as(resource).isEqualTo("joat.resource");
				assertThat(ex.getMessage()).as(resource)
					.isEqualTo("joat.resource must be an absolute http(s) URL without user info, query or fragment");
				assertThat(ex.getAction()).isEqualTo("Set joat.resource to this resource server's URL, e.g."
						+ " https://api.example.com (https in production), or remove it to let Spring Security take it"
						+ " from each request.");
			});
		}
	}

	@Test
	void autoConfigurationWhenResourceIsNotAUrlThenFailsNamingResource() {
		this.runner.withPropertyValues("joat.resource=https://api example.com").run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo("joat.resource");
			assertThat(ex.getMessage()).isEqualTo("joat.resource is not a URL");
		});
	}

	@Test
	void autoConfigurationWhenResourceBlankThenFailsNamingResource() {
		this.runner.withPropertyValues("joat.resource= ").run((context) -> {
			JoatConfigurationException ex = SecretConfigurationTests.failure(context);
			assertThat(ex.getProperty()).isEqualTo("joat.resource");
			assertThat(ex.getMessage()).isEqualTo("joat.resource is blank");
		});
	}

	@Test
	void autoConfigurationWhenApplicationDefinesRuleThenStarterRuleBacksOffAndDefaultChainUsesIt() {
		this.runner.withUserConfiguration(ApplicationRule.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBeansOfType(JoatProtectedResourceMetadata.class)).containsOnlyKeys("applicationRule");
			assertThat(document(context, "localhost")).containsEntry("resource", ApplicationRule.RESOURCE);
		});
	}

	@Test
	void applicationChainWhenItAppliesTheBeanThenDocumentTruthful() {
		this.runner.withUserConfiguration(ApplicationChain.class).withPropertyValues("joat.resource=" + RESOURCE)
			.run((context) -> {
				assertThat(context.getBeansOfType(SecurityFilterChain.class)).containsOnlyKeys("applicationChain");
				assertThat(document(context, "attacker.example")).containsOnly(entry("resource", RESOURCE),
						entry("authorization_servers", List.of(ISSUER)), entry("bearer_methods_supported", List.of("header")),
						entry("scopes_supported", List.of("read")));
			});
	}

	/**
	 * {@code GET /.well-known/oauth-protected-resource} with {@code Host: host}, answered by the
	 * metadata filter of the context's one filter chain.
	 */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> document(AssertableWebApplicationContext context, String host) throws Exception {
		OAuth2ProtectedResourceMetadataFilter filter = context.getBean(SecurityFilterChain.class)
			.getFilters()
			.stream()
			.filter(OAuth2ProtectedResourceMetadataFilter.class::isInstance)
			.map(OAuth2ProtectedResourceMetadataFilter.class::cast)
			.findFirst()
			.orElseThrow();
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/.well-known/oauth-protected-resource");
		request.addHeader("Host", host);
		request.setServerName(host);
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(200);
		return JSON.readValue(response.getContentAsString(), Map.class);
	}

	@Configuration(proxyBeanMethods = false)
	static class ApplicationRule {

		static final String RESOURCE = "https://own.example.com";

		@Bean
		JoatProtectedResourceMetadata applicationRule() {
			JoatProperties properties = new JoatProperties();
			properties.setResource(RESOURCE);
			return JoatProtectedResourceMetadata.of(properties);
		}

	}

	/** An application's own chain, applying the bean as the site's "Protecting an app" page shows and adding its scopes. */
	@Configuration(proxyBeanMethods = false)
	static class ApplicationChain {

		// tag::own-chain[]
		@Bean
		SecurityFilterChain applicationChain(HttpSecurity http, JoatProtectedResourceMetadata joatMetadata) {
			http.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.oauth2ResourceServer((resourceServer) -> resourceServer.jwt(withDefaults())
					.protectedResourceMetadata((metadata) -> metadata.protectedResourceMetadataCustomizer(
							joatMetadata.andThen((document) -> document.scope("read")))));
			return http.build();
		}
		// end::own-chain[]

	}

}
