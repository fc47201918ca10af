package dev.joat.sample.token;

import java.time.Clock;
import java.util.List;

import dev.joat.KeySet;
import dev.joat.SignatureAlgorithm;
import dev.joat.TokenGenerator;
import dev.joat.TokenIssuanceListener;
import dev.joat.TokenProfile;
import dev.joat.spring.boot.JoatProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The sample as an issuer with a private key, when {@code joat.sample.signing-algorithm} is
 * {@code ES256}, {@code EdDSA} or {@code RS256}: its {@link TokenGenerator} signs with the
 * {@link IssuerSigningKey} ({@link SigningKeyProperties}), {@code GET /oauth2/jwks} publishes the
 * public half, and the RFC 8414 metadata names it as {@code jwks_uri}.
 *
 * <p>The sample verifies its own tokens on {@code /api/**} (and at its revocation and
 * introspection endpoints) with the starter's {@code TokenParser}: the {@link KeySet} bean of the
 * public key is the starter's documented "bring your own keys" extension point, which selects its
 * keys mode (no HMAC secret, so no HMAC token ever verifies here; no starter generator, so this
 * {@link TokenGenerator} bean issues). {@code /actuator/joat} shows the key's algorithm and
 * {@code kid} (by default the public RFC 7638 thumbprint), never key material.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AsymmetricSigningConfiguration.OnAsymmetricSigning.class)
class AsymmetricSigningConfiguration {

	private static final Log logger = LogFactory.getLog(AsymmetricSigningConfiguration.class);

	@Bean
	IssuerSigningKey sampleIssuerSigningKey(@Value("${" + SigningAlgorithmSetting.PROPERTY + ":}") String algorithm,
			SigningKeyProperties properties) {
		SignatureAlgorithm signatureAlgorithm = SigningAlgorithmSetting.algorithm(algorithm);
		if (signatureAlgorithm == null) {
			throw new IllegalStateException("Not an asymmetric algorithm: " + algorithm);
		}
		return IssuerSigningKeys.load(signatureAlgorithm, properties, logger);
	}

	@Bean
	TokenGenerator sampleTokenGenerator(IssuerSigningKey signingKey, AuthorizationServerMetadata metadata,
			JoatProperties joat, ObjectProvider<Clock> clock, ObjectProvider<TokenIssuanceListener> listeners) {
		TokenGenerator.Builder generator = TokenGenerator.builder(metadata.issuer(), signingKey.key());
		if (joat.getProfile() == JoatProperties.Profile.RFC9068) {
			generator.profile(TokenProfile.RFC_9068).audience(joat.getAudiences().toArray(String[]::new));
		}
		generator.lifetime(joat.getTokenLifetime());
		List<TokenIssuanceListener> all = listeners.orderedStream().toList();
		if (!all.isEmpty()) {
			generator.listener((alg, keyId, profile) -> all.forEach((listener) -> listener.tokenIssued(alg, keyId, profile)));
		}
		return generator.clock(clock.getIfUnique(Clock::systemUTC)).build();
	}

	/**
	 * The public half of the signing key, as the starter's {@code KeySource}: this bean alone puts
	 * the starter in keys mode, so its {@code TokenParser} verifies the sample's own tokens with it
	 * (issuer {@code joat.issuer}, the key's algorithm), asks for no HMAC secret, and
	 * {@code /actuator/joat} shows the key's {@code kid} and algorithm, never key material.
	 */
	@Bean
	KeySet sampleVerificationKeys(IssuerSigningKey signingKey) {
		return KeySet.of(signingKey.key().verificationKey());
	}

	/** Matches when {@code joat.sample.signing-algorithm} is set to anything but {@code HS256}. */
	static class OnAsymmetricSigning extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return SigningAlgorithmSetting.isAsymmetric(context.getEnvironment())
					? ConditionOutcome.match(SigningAlgorithmSetting.PROPERTY + " is not HS256")
					: ConditionOutcome.noMatch(SigningAlgorithmSetting.PROPERTY + " is HS256 or unset");
		}

	}

}
