package dev.joat.sample.token;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The sample's client registry holds scopes to the one rule of {@code dev.joat.ScopeToken}
 * (RFC 6749 §3.3), the rule the generator applies: a client configured with any other scope fails
 * at startup instead of failing each token request.
 */
class ClientRegistryScopeTests {

	@ParameterizedTest
	@ValueSource(strings = { "read\u00a0", "re\u200bad", "\"read\"", "read\\", "caf\u00e9", "read write", "" })
	void clientRegistryWhenScopeIsNotAnRfc6749ScopeTokenThenFailsAtStartup(String scope) {
		assertThatIllegalStateException().isThrownBy(() -> registry(List.of("read", scope)))
			.withMessage("Client demo has an invalid scope value");
	}

	@Test
	void clientRegistryWhenScopesUseEveryScopeTokenCharacterThenAccepted() {
		StringBuilder everyCharacter = new StringBuilder();
		for (char c = 0x21; c <= 0x7E; c++) {
			if (c != '"' && c != '\\') {
				everyCharacter.append(c);
			}
		}
		ClientRegistry registry = registry(List.of("read", everyCharacter.toString()));
		assertThat(registry.authenticate("demo", "secret")).hasValueSatisfying(
				(client) -> assertThat(client.scopes()).containsExactly("read", everyCharacter.toString()));
	}

	private static ClientRegistry registry(List<String> scopes) {
		SampleClientsProperties.Client client = new SampleClientsProperties.Client();
		client.setId("demo");
		client.setSecret("{noop}secret");
		client.setScopes(scopes);
		SampleClientsProperties properties = new SampleClientsProperties();
		properties.setClients(List.of(client));
		return new ClientRegistry(properties, PasswordEncoderFactories.createDelegatingPasswordEncoder());
	}

}
