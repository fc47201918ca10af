package dev.joat.sample;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.oauth2.client.AuthorizedClientServiceOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.springframework.security.oauth2.client.web.client.RequestAttributeClientRegistrationIdResolver.clientRegistrationId;

/**
 * The sample's metadata over real HTTP, with {@code joat.issuer} set to the URL the server
 * listens at (a port chosen before start-up): RFC 8414 authorization-server metadata and the RFC
 * 9728 protected-resource metadata are public, say only what is true, and every URL in them
 * answers; Spring Security's OAuth2 client, given nothing but the issuer URL, discovers the token
 * endpoint, gets a token and calls the API with it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
		properties = "joat.secret=" + SampleApplicationTests.SECRET)
class SampleMetadataTests {

	private static final int PORT = freePort();

	private static final String ISSUER = "http://localhost:" + PORT;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@DynamicPropertySource
	static void issuerIsThisServer(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("joat.issuer", () -> ISSUER);
		// DEFINED_PORT would also take application.yml's management port 8081, which another process may hold.
		registry.add("management.server.port", () -> 0);
	}

	@Test
	void authorizationServerMetadataWhenFetchedThenPublicAndTruthful() throws Exception {
		HttpResponse<String> response = get("/.well-known/oauth-authorization-server");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
				(type) -> assertThat(type).startsWith("application/json"));
		assertThat(json(response.body())).containsExactly(entry("issuer", ISSUER),
				entry("token_endpoint", ISSUER + "/oauth2/token"),
				entry("grant_types_supported", List.of("client_credentials")),
				entry("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post")),
				entry("scopes_supported", List.of("read", "profile")), entry("response_types_supported", List.of()),
				entry("revocation_endpoint", ISSUER + "/oauth2/revoke"),
				entry("revocation_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post")),
				entry("introspection_endpoint", ISSUER + "/oauth2/introspect"),
				entry("introspection_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post")));
	}

	@Test
	void protectedResourceMetadataWhenFetchedThenPublicAndTruthful() throws Exception {
		HttpResponse<String> response = get("/.well-known/oauth-protected-resource");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json(response.body())).containsOnly(entry("resource", ISSUER), entry("authorization_servers", List.of(ISSUER)),
				entry("scopes_supported", List.of("read", "profile")), entry("bearer_methods_supported", List.of("header")));
	}

	@Test
	void protectedResourceMetadataWhenHostHeaderForgedThenResourceUnchanged() throws Exception {
		RawHttp.Response response = RawHttp.send(PORT, "127.0.0.1",
				"GET /.well-known/oauth-protected-resource HTTP/1.1\r\nHost: attacker.example\r\n"
						+ "X-Forwarded-Host: attacker.example\r\nX-Forwarded-Proto: https",
				null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(json(response.body())).contains(entry("resource", ISSUER), entry("authorization_servers", List.of(ISSUER)));
		assertThat(response.body()).doesNotContain("attacker.example");
	}

	@Test
	void apiWhenNoTokenOrBadTokenAndHostForgedThenChallengePointsAtJoatResourceDocument() throws Exception {
		for (String authorization : new String[] { "", "\r\nAuthorization: Bearer not.a.token" }) {
			RawHttp.Response response = RawHttp.send(PORT, "127.0.0.1", "GET /api/me HTTP/1.1\r\nHost: attacker.example"
					+ "\r\nX-Forwarded-Host: attacker.example\r\nX-Forwarded-Proto: https" + authorization, null);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.header("WWW-Authenticate")).as(authorization)
				.endsWith("resource_metadata=\"" + ISSUER + "/.well-known/oauth-protected-resource\"")
				.doesNotContain("attacker.example");
		}
	}

	@Test
	void metadataWhenEveryUrlInItFetchedThenEachAnswers() throws Exception {
		List<String> urls = new ArrayList<>();
		for (String document : List.of("/.well-known/oauth-authorization-server", "/.well-known/oauth-protected-resource")) {
			collectUrls(json(get(document).body()), urls);
		}
		assertThat(urls).contains(ISSUER, ISSUER + "/oauth2/token", ISSUER + "/oauth2/revoke", ISSUER + "/oauth2/introspect");
		for (String url : urls) {
			HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(URI.create(url)).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(answer.statusCode()).as(url).isNotEqualTo(404).isLessThan(500);
		}
		// The issuer's metadata is where RFC 8414 §3 says it is.
		assertThat(this.http.send(HttpRequest.newBuilder(URI.create(ISSUER + "/.well-known/oauth-authorization-server")).build(),
				HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
	}

	@Test
	void springOAuth2ClientWhenOnlyIssuerUriConfiguredThenDiscoversGetsTokenAndCallsApi() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(OAuth2ClientAutoConfiguration.class))
			.withPropertyValues("spring.security.oauth2.client.provider.joat.issuer-uri=" + ISSUER,
					"spring.security.oauth2.client.registration.joat.client-id=demo-client",
					"spring.security.oauth2.client.registration.joat.client-secret=demo-secret",
					"spring.security.oauth2.client.registration.joat.authorization-grant-type=client_credentials")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ClientRegistrationRepository registrations = context.getBean(ClientRegistrationRepository.class);
				ClientRegistration joat = registrations.findByRegistrationId("joat");
				assertThat(joat.getProviderDetails().getTokenUri()).isEqualTo(ISSUER + "/oauth2/token");
				RestClient restClient = RestClient.builder()
					.baseUrl(ISSUER)
					.requestInterceptor(new OAuth2ClientHttpRequestInterceptor(
							new AuthorizedClientServiceOAuth2AuthorizedClientManager(registrations,
									context.getBean(OAuth2AuthorizedClientService.class))))
					.build();
				String me = restClient.get().uri("/api/me").attributes(clientRegistrationId("joat")).retrieve()
					.body(String.class);
				assertThat(json(me)).contains(entry("client_id", "demo-client"), entry("provider", ISSUER),
						entry("authorized_scope", List.of("read", "profile")));
			});
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(ISSUER + path)).build(), HttpResponse.BodyHandlers.ofString());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> json(String body) {
		return JSON.readValue(body, Map.class);
	}

	private static void collectUrls(Object value, List<String> urls) {
		if (value instanceof String text && text.startsWith("http")) {
			urls.add(text);
		}
		else if (value instanceof Map<?, ?> map) {
			map.values().forEach((nested) -> collectUrls(nested, urls));
		}
		else if (value instanceof List<?> list) {
			list.forEach((nested) -> collectUrls(nested, urls));
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
