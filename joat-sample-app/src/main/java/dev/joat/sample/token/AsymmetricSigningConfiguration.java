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
 * {@code ES256}, {@code EdDSA} or {@code RS256}: its {@link TokenGenerator} signs with the current
 * key of the {@link IssuerSigningKeyRing} (one key from {@link SigningKeyProperties}, or a key ring
 * from {@link SigningKeyRingProperties}), {@code GET /oauth2/jwks} publishes the public halves of
 * the next, current and retired keys, and the RFC 8414 metadata names it as {@code jwks_uri}.
 *
 * <p>The sample verifies its own tokens on {@code /api/**} (and at its revocation and
 * introspection endpoints) with the starter's {@code TokenParser}: the {@link KeySet} bean of the
 * public keys is the starter's documented "bring your own keys" extension point, which selects its
 * keys mode (no HMAC secret, so no HMAC token ever verifies here; no starter generator, so this
 * {@link TokenGenerator} bean issues). {@code /actuator/joat} shows the keys' algorithm and
 * {@code kid} (by default the public RFC 7638 thumbprint), never key material; the start-up INFO
 * line shows each key's state, {@code kid} and thumbprint.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(AsymmetricSigningConfiguration.OnAsymmetricSigning.class)
class AsymmetricSigningConfiguration {

	private static final Log logger = LogFactory.getLog(AsymmetricSigningConfiguration.class);

	@Bean
	IssuerSigningKeyRing sampleIssuerSigningKeys(@Value("${" + SigningAlgorithmSetting.PROPERTY + ":}") String algorithm,
			SigningKeyProperties single, SigningKeyRingProperties ring, ObjectProvider<Clock> clock) {
		SignatureAlgorithm signatureAlgorithm = SigningAlgorithmSetting.algorithm(algorithm);
		if (signatureAlgorithm == null) {
			throw new IllegalStateException("Not an asymmetric algorithm: " + algorithm);
		}
		IssuerSigningKeyRing keys = IssuerSigningKeyRings.load(signatureAlgorithm, single, ring,
				clock.getIfUnique(Clock::systemUTC).instant(), logger);
		logger.info("Signing " + signatureAlgorithm.jwsName() + " tokens with " + keys.ring() + " from " + keys.source());
		return keys;
	}

	@Bean
	TokenGenerator sampleTokenGenerator(IssuerSigningKeyRing signingKeys, AuthorizationServerMetadata metadata,
			JoatProperties joat, ObjectProvider<Clock> clock, ObjectProvider<TokenIssuanceListener> listeners) {
		TokenGenerator.Builder generator = TokenGenerator.builder(metadata.issuer(), signingKeys.ring());
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
	 * The public halves of the keys published at start-up (next, current, and retired keys whose
	 * instant has not passed), as the starter's {@code KeySource}: this bean alone puts the starter in
	 * keys mode, so its {@code TokenParser} verifies the sample's own tokens with it (issuer
	 * {@code joat.issuer}, the keys' algorithm), asks for no HMAC secret, and {@code /actuator/joat}
	 * shows each key's {@code kid} and algorithm, never key material. A fixed {@link KeySet} is
	 * enough although the published keys change over time: a retired key leaves the JWK Set when the
	 * last token it signed has expired, so that its tokens are refused for their {@code exp} from then
	 * on; and a next key verifies here already, as it does at resource servers, for the tokens of an
	 * instance that a rolling restart has already switched to it.
	 */
	@Bean
	KeySet sampleVerificationKeys(IssuerSigningKeyRing signingKeys, ObjectProvider<Clock> clock) {
		return signingKeys.publishedKeys(clock.getIfUnique(Clock::systemUTC).instant());
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
