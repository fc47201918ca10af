package dev.joat.spring.boot;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.joat.SecretRing;
import dev.joat.TokenGenerator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Secret rotation with {@code joat.secrets} and {@code joat.signing-kid}, and the RFC 9068
 * profile with {@code joat.profile} and {@code joat.require-at-jwt}.
 */
class RotationAndProfileTests {

	private static final String OLD = "old-secret-of-at-least-32-bytes!";

	private static final String NEW = "new-secret-of-at-least-32-bytes!";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JoatAutoConfiguration.class))
		.withPropertyValues("joat.issuer=joat");

	@Test
	void rotationWhenNewKeyAddedSwitchedAndOldRemovedThenOldTokensAcceptedUntilRemoval() {
		String[] oldToken = new String[1];
		// 1. Before: one key.
		this.runner.withPropertyValues("joat.secrets[0].kid=2026-01", "joat.secrets[0].secret=" + OLD).run((context) -> {
			oldToken[0] = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
			assertThat(context.getBean(JwtDecoder.class).decode(oldToken[0]).getHeaders()).containsEntry("kid", "2026-01");
		});
		// 2. Mid-rotation: the new key is added and signs; tokens of both keys are accepted.
		this.runner.withPropertyValues("joat.secrets[0].kid=2026-01", "joat.secrets[0].secret=" + OLD,
				"joat.secrets[1].kid=2026-07", "joat.secrets[1].secret-base64="
						+ Base64.getEncoder().encodeToString(NEW.getBytes()), "joat.signing-kid=2026-07")
			.run((context) -> {
				String newToken = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read"));
				JwtDecoder decoder = context.getBean(JwtDecoder.class);
				Jwt fresh = decoder.decode(newToken);
				assertThat(fresh.getHeaders()).containsEntry("kid", "2026-07");
				assertThat(decoder.decode(oldToken[0]).getHeaders()).containsEntry("kid", "2026-01");
			});
		// 3. After the longest token lifetime: the old key is removed; its tokens are refused.
		this.runner.withPropertyValues("joat.secrets[0].kid=2026-07", "joat.secrets[0].secret=" + NEW).run((context) -> {
			assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(oldToken[0]))
				.withMessage("Unknown key: the token's 'kid' names no key of this server");
		});
	}

	@Test
	void secretsWhenDefaultKidThenPyJoatTokensWithoutKidAccepted() {
		String pyjoat = TokenGenerator.builder("joat", dev.joat.SecretResolver.of(OLD)).build().issueToken("abcd", List.of());
		this.runner.withPropertyValues("joat.secrets[0].kid=legacy", "joat.secrets[0].secret=" + OLD,
				"joat.default-kid=legacy")
			.run((context) -> assertThat(context.getBean(JwtDecoder.class).decode(pyjoat).getSubject()).isEqualTo("abcd"));
		this.runner.withPropertyValues("joat.secrets[0].kid=legacy", "joat.secrets[0].secret=" + OLD)
			.run((context) -> assertThatExceptionOfType(BadJwtException.class)
				.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(pyjoat)));
	}

	@Test
	void secretsWhenConfiguredThenResolverIsASecretRingSigningWithSigningKid() {
		this.runner.withPropertyValues("joat.secrets[0].kid=a", "joat.secrets[0].secret=" + OLD, "joat.secrets[1].kid=b",
				"joat.secrets[1].secret=" + NEW, "joat.signing-kid=b")
			.run((context) -> assertThat(context.getBean(dev.joat.SecretResolver.class)).isInstanceOfSatisfying(SecretRing.class,
					(ring) -> assertThat(ring.signingKeyId()).isEqualTo("b")));
	}

	@Test
	void secretsWhenMisconfiguredThenFailsNamingTheProperty() {
		assertFailure(new String[] { "joat.secrets[0].secret=" + OLD }, "joat.secrets[0].kid", "joat.secrets[0].kid is missing");
		assertFailure(new String[] { "joat.secrets[0].kid=a", "joat.secrets[0].secret=" + OLD, "joat.secrets[1].kid=a",
				"joat.secrets[1].secret=" + NEW }, "joat.secrets[1].kid", "kid 'a' is used twice");
		assertFailure(new String[] { "joat.secrets[0].kid=a", "joat.secrets[0].secret=short" }, "joat.secrets[0].secret",
				"joat.secrets[0].secret is shorter than the 32 bytes HS256 requires (RFC 7518 §3.2)");
		assertFailure(new String[] { "joat.secrets[0].kid=a", "joat.secrets[0].secret=" + OLD, "joat.signing-kid=b" },
				"joat.signing-kid", "joat.signing-kid 'b' names no secret of joat.secrets");
		assertFailure(new String[] { "joat.secrets[0].kid=a", "joat.secrets[0].secret=" + OLD, "joat.secret=" + NEW },
				"joat.secrets", "more than one of joat.secret, joat.secret-base64 and joat.secrets is set");
		assertFailure(new String[] { "joat.secrets[0].kid=a", "joat.secrets[0].secret=" + OLD,
				"joat.secrets[0].algorithm=HS512" }, "joat.secrets[0].algorithm",
				"joat.secrets[0].algorithm HS512 is not in joat.algorithms [HS256]");
	}

	@Test
	void profileWhenRfc9068ThenAtJwtTokensWithAudienceAndRequireAtJwtRefusesOthers() {
		String pyjoat = TokenGenerator.builder("joat", dev.joat.SecretResolver.of(OLD)).build().issueToken("abcd", List.of());
		this.runner.withPropertyValues("joat.secret=" + OLD, "joat.profile=rfc9068", "joat.audiences=https://api.example",
				"joat.require-at-jwt=true")
			.run((context) -> {
				String token = context.getBean(TokenGenerator.class).issueToken("abcd", List.of("read", "profile"));
				Jwt jwt = context.getBean(JwtDecoder.class).decode(token);
				assertThat(jwt.getHeaders()).containsEntry("typ", "at+jwt");
				assertThat(jwt.getClaims()).containsEntry("client_id", "abcd").containsEntry("scope", "read profile")
					.containsKey("jti");
				assertThat(jwt.getAudience()).containsExactly("https://api.example");
				assertThatExceptionOfType(BadJwtException.class)
					.isThrownBy(() -> context.getBean(JwtDecoder.class).decode(pyjoat))
					.withMessage("Wrong token type: 'typ' must be at+jwt");
			});
	}

	@Test
	void profileWhenRfc9068WithoutAudiencesThenFails() {
		assertFailure(new String[] { "joat.secret=" + OLD, "joat.profile=rfc9068" }, "joat.audiences",
				"the rfc9068 profile needs joat.audiences");
	}

	private void assertFailure(String[] properties, String property, String message) {
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			Throwable cause = context.getStartupFailure();
			while (!(cause instanceof JoatConfigurationException)) {
				cause = cause.getCause();
			}
			JoatConfigurationException ex = (JoatConfigurationException) cause;
			assertThat(Map.of(ex.getProperty(), ex.getMessage())).containsExactly(Map.entry(property, message));
		});
	}

}
