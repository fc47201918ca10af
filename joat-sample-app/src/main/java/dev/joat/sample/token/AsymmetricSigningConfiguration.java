package dev.joat.sample.token;

import java.time.Clock;
import java.util.List;

import dev.joat.InvalidTokenException;
import dev.joat.KeySet;
import dev.joat.SecretResolver;
import dev.joat.SignatureAlgorithm;
import dev.joat.TokenGenerator;
import dev.joat.TokenIssuanceListener;
import dev.joat.TokenParser;
import dev.joat.TokenProfile;
import dev.joat.TokenType;
import dev.joat.TokenVerificationListener;
import dev.joat.revocation.RevocationList;
import dev.joat.spring.boot.JoatConfigurationReport;
import dev.joat.spring.boot.JoatProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
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
 * introspection endpoints) with a {@link TokenParser} bean over that one public key, configured
 * from {@code joat.*} as the starter configures its own parser; the starter's
 * {@code JoatJwtDecoder} uses whichever {@code TokenParser} bean the context has, and its own
 * parser and generator back off ({@code @ConditionalOnMissingBean}). Until the starter verifies
 * with public keys by itself, two stopgaps keep it from asking for an HMAC secret that this mode
 * does not have: a {@link SecretResolver} bean that resolves none (so no HMAC token ever verifies
 * here), and the {@code /actuator/joat} report rewritten to show this key (its algorithm, its
 * {@code kid}, by default the public RFC 7638 thumbprint) instead of a secret.
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

	@Bean
	TokenParser sampleTokenParser(IssuerSigningKey signingKey, AuthorizationServerMetadata metadata, JoatProperties joat,
			ObjectProvider<Clock> clock, ObjectProvider<TokenVerificationListener> listeners,
			ObjectProvider<RevocationList> revocationLists) {
		TokenParser.Builder parser = TokenParser.withKeys(KeySet.of(signingKey.key().verificationKey()))
			.issuer(metadata.issuer());
		if (!joat.getAudiences().isEmpty()) {
			parser.audience(joat.getAudiences().toArray(String[]::new));
		}
		if (joat.isRequireAtJwt()) {
			parser.requireType(TokenType.AT_JWT);
		}
		parser.clockSkew(joat.getClockSkew()).maxTokenLength(joat.getMaxTokenLength());
		List<TokenVerificationListener> all = listeners.orderedStream().toList();
		if (!all.isEmpty()) {
			parser.listener(new TokenVerificationListener() {

				@Override
				public void tokenAccepted(String keyId) {
					all.forEach((listener) -> listener.tokenAccepted(keyId));
				}

				@Override
				public void tokenRefused(InvalidTokenException.Reason reason, String keyId) {
					all.forEach((listener) -> listener.tokenRefused(reason, keyId));
				}

			});
		}
		@Nullable RevocationList revocationList = revocationLists.getIfUnique();
		if (revocationList != null) {
			parser.revocationList(revocationList).requireTokenId(joat.getRevocation().isRequireJti());
		}
		return parser.clock(clock.getIfUnique(Clock::systemUTC)).build();
	}

	/**
	 * Stopgap until the starter verifies with public keys by itself: the starter's configuration
	 * report needs a {@link SecretResolver} and would otherwise refuse to start without
	 * {@code joat.secret}. This one resolves no secret, and the parser above never asks it.
	 */
	@Bean
	SecretResolver sampleNoSecretResolver() {
		return (header, claims) -> null;
	}

	/** {@code /actuator/joat} and the start-up line show the signing key's public identity, never a secret. */
	@Bean
	static BeanPostProcessor sampleSigningKeyReport(ObjectProvider<IssuerSigningKey> signingKey) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof JoatConfigurationReport report) {
					IssuerSigningKey key = signingKey.getObject();
					String algorithm = key.key().algorithm().jwsName();
					return new JoatConfigurationReport(report.issuer(), List.of(algorithm), report.profile(),
							report.tokenLifetime(), report.clockSkew(), report.audiences(), report.maxTokenLength(),
							report.requireAtJwt(), key.source(),
							List.of(new JoatConfigurationReport.Key(key.key().keyId(), algorithm, true)),
							report.revocation());
				}
				return bean;
			}

		};
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
