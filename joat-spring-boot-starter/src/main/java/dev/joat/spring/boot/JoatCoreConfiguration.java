package dev.joat.spring.boot;

import java.time.Clock;
import java.util.List;

import dev.joat.HmacAlgorithm;
import dev.joat.SecretResolver;
import dev.joat.SecretRing;
import dev.joat.TokenGenerator;
import dev.joat.TokenIssuanceListener;
import dev.joat.TokenParser;
import dev.joat.TokenProfile;
import dev.joat.TokenType;
import dev.joat.TokenVerificationListener;
import dev.joat.revocation.RevocationList;
import dev.joat.revocation.RevocationStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * joat-core's beans from {@code joat.*}, merged with Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*} ({@link ResourceServerSettings}). A
 * {@link Clock} bean, when the application has exactly one, is the parser's and generator's clock
 * (handy in tests); otherwise the system clock. Every {@code TokenVerificationListener} and
 * {@code TokenIssuanceListener} bean (such as {@link dev.joat.spring.boot.actuate.JoatTokenMetrics}) is told, in order, of the
 * parser's verifications and the generator's tokens. The parser consults the
 * {@code RevocationList} bean when there is one ({@code joat.revocation.*}).
 */
@Configuration(proxyBeanMethods = false)
class JoatCoreConfiguration {

	private static final Log logger = LogFactory.getLog(JoatCoreConfiguration.class);

	@Bean
	ResourceServerSettings joatResourceServerSettings(JoatProperties properties, Environment environment) {
		return ResourceServerSettings.of(properties, Binder.get(environment));
	}

	@Bean
	@ConditionalOnMissingBean
	SecretResolver joatSecretResolver(JoatProperties properties, ResourceServerSettings settings) {
		return JoatSettings.secretResolver(properties, settings.algorithms());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenParser joatTokenParser(JoatProperties properties, ResourceServerSettings settings,
			SecretResolver secretResolver, ObjectProvider<Clock> clock,
			ObjectProvider<TokenVerificationListener> listeners, ObjectProvider<RevocationList> revocationLists,
			ObjectProvider<RevocationStore> revocationStores) {
		List<HmacAlgorithm> algorithms = settings.algorithms();
		TokenParser.Builder parser = (secretResolver instanceof SecretRing ring) ? TokenParser.builder(ring)
				: TokenParser.builder(secretResolver).algorithms(algorithms.toArray(HmacAlgorithm[]::new));
		String issuer = JoatSettings.requiredIssuer(properties);
		if (issuer != null) {
			parser.issuer(issuer);
		}
		else {
			logger.warn("joat.accept-any-issuer=true: bearer tokens from any issuer are accepted, their \"iss\" is"
					+ " not checked. Set joat.issuer instead to accept only your provider's tokens.");
		}
		if (!settings.audiences().isEmpty()) {
			parser.audience(settings.audiences().toArray(String[]::new));
		}
		if (properties.isRequireAtJwt()) {
			parser.requireType(TokenType.AT_JWT);
		}
		if (properties.isAllowShortSecrets()) {
			parser.allowShortSecrets();
		}
		if (properties.getClockSkew() == null) {
			throw clockSkewOutOfRange();
		}
		try {
			parser.clockSkew(properties.getClockSkew());
		}
		catch (IllegalArgumentException ex) {
			throw clockSkewOutOfRange();
		}
		try {
			parser.maxTokenLength(properties.getMaxTokenLength());
		}
		catch (IllegalArgumentException ex) {
			throw new JoatConfigurationException("joat.max-token-length",
					"joat.max-token-length must be positive; it is " + properties.getMaxTokenLength(),
					"Set joat.max-token-length to a positive number of characters, e.g. 8192.");
		}
		TokenVerificationListener listener = TokenListeners.verification(listeners.orderedStream().toList());
		if (listener != null) {
			parser.listener(listener);
		}
		RevocationList revocationList = JoatRevocationConfiguration.revocationList(properties, revocationLists,
				revocationStores);
		if (revocationList != null) {
			parser.revocationList(revocationList).requireTokenId(properties.getRevocation().isRequireJti());
		}
		return parser.clock(clock.getIfUnique(Clock::systemUTC)).build();
	}

	private static JoatConfigurationException clockSkewOutOfRange() {
		return new JoatConfigurationException("joat.clock-skew", "joat.clock-skew must be between 0s and 1d",
				"Set joat.clock-skew to a duration between 0s and 1d; 60s is the default.");
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("joat.issuer")
	TokenGenerator joatTokenGenerator(JoatProperties properties, ResourceServerSettings settings,
			SecretResolver secretResolver, ObjectProvider<Clock> clock, ObjectProvider<TokenIssuanceListener> listeners) {
		String issuer = JoatSettings.requiredIssuer(properties);
		TokenGenerator.Builder generator = (secretResolver instanceof SecretRing ring)
				? TokenGenerator.builder(issuer, ring)
				: TokenGenerator.builder(issuer, secretResolver)
					.algorithm(settings.algorithms().get(0));
		if (properties.getProfile() == JoatProperties.Profile.RFC9068) {
			if (settings.audiences().isEmpty()) {
				throw new JoatConfigurationException("joat.audiences", "the rfc9068 profile needs joat.audiences",
						"Set joat.audiences to the identifier(s) of the resource server(s) the tokens are for.");
			}
			generator.profile(TokenProfile.RFC_9068).audience(settings.audiences().toArray(String[]::new));
		}
		if (properties.isAllowShortSecrets()) {
			generator.allowShortSecrets();
		}
		try {
			generator.lifetime(properties.getTokenLifetime());
		}
		catch (IllegalArgumentException ex) {
			throw new JoatConfigurationException("joat.token-lifetime", ex.getMessage(),
					"Set joat.token-lifetime to a positive duration, e.g. 1h.");
		}
		TokenIssuanceListener listener = TokenListeners.issuance(listeners.orderedStream().toList());
		if (listener != null) {
			generator.listener(listener);
		}
		return generator.clock(clock.getIfUnique(Clock::systemUTC)).build();
	}

}
