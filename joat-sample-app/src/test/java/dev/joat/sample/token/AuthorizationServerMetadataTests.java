package dev.joat.sample.token;

import java.util.List;

import dev.joat.spring.boot.JoatConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * The issuer the sample's metadata is built from: an absolute http(s) URL without path, or
 * start-up stops naming {@code joat.issuer}.
 */
class AuthorizationServerMetadataTests {

	private static final List<String> AUTH_METHODS = List.of("client_secret_basic", "client_secret_post");

	@Test
	void asMapWhenIssuerUrlThenRfc8414MetadataFromIt() {
		AuthorizationServerMetadata metadata = new AuthorizationServerMetadata("https://auth.example.com", clients(), true);
		assertThat(metadata.asMap()).containsExactly(entry("issuer", "https://auth.example.com"),
				entry("token_endpoint", "https://auth.example.com/oauth2/token"),
				entry("grant_types_supported", List.of("client_credentials")),
				entry("token_endpoint_auth_methods_supported", AUTH_METHODS),
				entry("scopes_supported", List.of("read", "profile")), entry("response_types_supported", List.of()),
				entry("revocation_endpoint", "https://auth.example.com/oauth2/revoke"),
				entry("revocation_endpoint_auth_methods_supported", AUTH_METHODS),
				entry("introspection_endpoint", "https://auth.example.com/oauth2/introspect"),
				entry("introspection_endpoint_auth_methods_supported", AUTH_METHODS));
	}

	@Test
	void asMapWhenNoRevocationStoreThenNoRevocationEndpoint() {
		AuthorizationServerMetadata metadata = new AuthorizationServerMetadata("https://auth.example.com", clients(), false);
		assertThat(metadata.asMap()).doesNotContainKeys("revocation_endpoint", "revocation_endpoint_auth_methods_supported")
			.containsEntry("introspection_endpoint", "https://auth.example.com/oauth2/introspect");
	}

	@ParameterizedTest
	@ValueSource(strings = { "joat-sample", "ftp://auth.example.com", "https://auth.example.com/",
			"https://auth.example.com/tenant", "https://auth.example.com?x=1", "https://auth.example.com#f",
			"https://user@auth.example.com", "https:///nohost" })
	void constructorWhenIssuerNotAUrlWithoutPathThenConfigurationExceptionNamingJoatIssuer(String issuer) {
		assertThatExceptionOfType(JoatConfigurationException.class)
			.isThrownBy(() -> new AuthorizationServerMetadata(issuer, clients(), true))
			.withMessage("joat.issuer must be an absolute http(s) URL without path, query or fragment")
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("joat.issuer"));
	}

	@Test
	void constructorWhenIssuerNotSetThenConfigurationExceptionNamingJoatIssuer() {
		assertThatExceptionOfType(JoatConfigurationException.class)
			.isThrownBy(() -> new AuthorizationServerMetadata("", clients(), true))
			.withMessage("joat.issuer is not set")
			.satisfies((ex) -> assertThat(ex.getAction())
				.isEqualTo("Set joat.issuer to an absolute http(s) URL without path, query or fragment,"
						+ " e.g. https://auth.example.com"));
	}

	private static ClientRegistry clients() {
		SampleClientsProperties properties = new SampleClientsProperties();
		SampleClientsProperties.Client client = new SampleClientsProperties.Client();
		client.setId("demo-client");
		client.setSecret("{noop}demo-secret");
		client.setScopes(List.of("read", "profile"));
		properties.setClients(List.of(client));
		return new ClientRegistry(properties, PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

}
