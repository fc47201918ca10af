package dev.joat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IssuerMetadataTests {

	@Test
	void parseWhenOpenIdConfigurationThenIssuerAndJwksUri() {
		IssuerMetadata metadata = IssuerMetadata.parse(bytes("""
				{"issuer":"https://issuer.example/realms/a","authorization_endpoint":"https://issuer.example/auth",
				 "jwks_uri":"https://issuer.example/realms/a/certs","response_types_supported":["code"],
				 "mtls_endpoint_aliases":{"token_endpoint":"https://mtls.issuer.example/token"}}"""));
		assertThat(metadata).isEqualTo(new IssuerMetadata("https://issuer.example/realms/a", "https://issuer.example/realms/a/certs"));
	}

	@Test
	void parseWhenNoJwksUriThenNull() {
		assertThat(IssuerMetadata.parse(bytes("{\"issuer\":\"https://i\"}")).jwksUri()).isNull();
	}

	@Test
	void parseWhenNotMetadataThenRefusedWithSpecificMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> IssuerMetadata.parse(bytes("<html>")))
			.withMessage("Not issuer metadata: the document is not a JSON object");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IssuerMetadata.parse(bytes("{\"issuer\":\"https://a\",\"issuer\":\"https://b\"}")))
			.withMessage("Not issuer metadata: the document has a duplicate member name");
		assertThatIllegalArgumentException().isThrownBy(() -> IssuerMetadata.parse(bytes("{\"issuer\":1}")))
			.withMessage("Not issuer metadata: it has no \"issuer\" string");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IssuerMetadata.parse(bytes("{\"issuer\":\"https://i\",\"jwks_uri\":[]}")))
			.withMessage("The issuer metadata's \"jwks_uri\" is not a string");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> IssuerMetadata.parse(new byte[IssuerMetadata.DEFAULT_MAX_SIZE + 1]))
			.withMessage("The issuer metadata has 262145 bytes, more than the 262144 allowed");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
