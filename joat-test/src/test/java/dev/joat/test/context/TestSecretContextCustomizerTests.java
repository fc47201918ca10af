package dev.joat.test.context;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test-only secret: added only when the test's environment names no secret, with the test
 * issuer only when none is set, and never overriding what the application sets.
 */
class TestSecretContextCustomizerTests {

	private final TestSecretContextCustomizer customizer = new TestSecretContextCustomizer();

	@Test
	void customizeContextWhenNoSecretThenRandomTestOnlySecretAndIssuerOfLowestPrecedence() {
		GenericApplicationContext context = context(Map.of());

		this.customizer.customizeContext(context, null);

		StandardEnvironment environment = (StandardEnvironment) context.getEnvironment();
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(TestSecretContextCustomizer.PROPERTY_SOURCE_NAME);
		assertThat(environment.getProperty("joat.issuer")).isEqualTo("joat-test");
		assertThat(Base64.getDecoder().decode(environment.getProperty("joat.secret-base64"))).hasSize(64);
	}

	@Test
	void customizeContextWhenTwoContextsThenEachItsOwnSecret() {
		GenericApplicationContext first = context(Map.of());
		GenericApplicationContext second = context(Map.of());

		this.customizer.customizeContext(first, null);
		this.customizer.customizeContext(second, null);

		assertThat(first.getEnvironment().getProperty("joat.secret-base64"))
			.isNotEqualTo(second.getEnvironment().getProperty("joat.secret-base64"));
	}

	@Test
	void customizeContextWhenSecretSetThenNothingAdded() {
		assertUntouched(context(Map.of("joat.secret", "0123456789abcdef0123456789abcdef")));
	}

	@Test
	void customizeContextWhenSecretBase64SetThenNothingAdded() {
		assertUntouched(context(Map.of("joat.secret-base64", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=")));
	}

	@Test
	void customizeContextWhenSecretsByKidSetThenNothingAdded() {
		assertUntouched(context(Map.of("joat.secrets[0].kid", "2026-01", "joat.secrets[0].secret", "x".repeat(32))));
	}

	@Test
	void customizeContextWhenSecretsByKidSetAsEnvironmentVariablesThenNothingAdded() {
		GenericApplicationContext context = context(Map.of());
		((StandardEnvironment) context.getEnvironment()).getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					Map.of("JOAT_SECRETS_0_KID", "2026-01", "JOAT_SECRETS_0_SECRET", "x".repeat(32))));

		assertUntouched(context);
	}

	@Test
	void customizeContextWhenIssuerSetThenKeptAndOnlyTheSecretAdded() {
		GenericApplicationContext context = context(Map.of("joat.issuer", "https://issuer.example.com"));

		this.customizer.customizeContext(context, null);

		assertThat(context.getEnvironment().getProperty("joat.issuer")).isEqualTo("https://issuer.example.com");
		assertThat(context.getEnvironment().getProperty("joat.secret-base64")).isNotBlank();
	}

	@Test
	void customizeContextWhenAnyIssuerAcceptedThenNoIssuerAdded() {
		GenericApplicationContext context = context(Map.of("joat.accept-any-issuer", "true"));

		this.customizer.customizeContext(context, null);

		assertThat(context.getEnvironment().containsProperty("joat.issuer")).isFalse();
		assertThat(context.getEnvironment().getProperty("joat.secret-base64")).isNotBlank();
	}

	@Test
	void equalsWhenTwoCustomizersThenEqualSoTestContextsAreCached() {
		assertThat(new TestSecretContextCustomizer()).isEqualTo(this.customizer)
			.hasSameHashCodeAs(this.customizer);
	}

	private void assertUntouched(GenericApplicationContext context) {
		this.customizer.customizeContext(context, null);

		assertThat(context.getEnvironment().getPropertySources().contains(TestSecretContextCustomizer.PROPERTY_SOURCE_NAME))
			.isFalse();
		assertThat(context.getEnvironment().containsProperty("joat.issuer")).isFalse();
	}

	private static GenericApplicationContext context(Map<String, Object> properties) {
		GenericApplicationContext context = new GenericApplicationContext();
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
		environment.getPropertySources().addFirst(new MapPropertySource("application", properties));
		context.setEnvironment(environment);
		return context;
	}

}
