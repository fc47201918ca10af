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
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * joat-core's beans from the {@link JoatSettings}, built once from {@code joat.*} and Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}; the bean methods only map checked values
 * onto the builders. A {@link Clock} bean, when the application has exactly one, is the parser's
 * and generator's clock (handy in tests); otherwise the system clock. Every
 * {@code TokenVerificationListener} and {@code TokenIssuanceListener} bean (such as
 * {@link dev.joat.spring.boot.actuate.JoatTokenMetrics}) is told, in order, of the parser's
 * verifications and the generator's tokens. The parser consults the {@code RevocationList} bean
 * when there is one ({@code joat.revocation.*}).
 */
@Configuration(proxyBeanMethods = false)
class JoatCoreConfiguration {

	private static final Log logger = LogFactory.getLog(JoatCoreConfiguration.class);

	@Bean
	JoatSettings joatSettings(JoatProperties properties, Environment environment) {
		return JoatSettings.of(properties, Binder.get(environment));
	}

	@Bean
	@ConditionalOnMissingBean
	SecretResolver joatSecretResolver(JoatSettings settings) {
		return settings.secretResolver();
	}

	@Bean
	@ConditionalOnMissingBean
	TokenParser joatTokenParser(JoatSettings settings, SecretResolver secretResolver, ObjectProvider<Clock> clock,
			ObjectProvider<TokenVerificationListener> listeners, ObjectProvider<RevocationList> revocationLists,
			ObjectProvider<RevocationStore> revocationStores) {
		TokenParser.Builder parser = (secretResolver instanceof SecretRing ring) ? TokenParser.builder(ring)
				: TokenParser.builder(secretResolver).algorithms(settings.algorithms().toArray(HmacAlgorithm[]::new));
		String issuer = settings.requiredIssuer();
		if (issuer == null) {
			logger.warn("joat.accept-any-issuer=true: bearer tokens from any issuer are accepted, their \"iss\" is"
					+ " not checked. Set joat.issuer instead to accept only your provider's tokens.");
		}
		PropertyMapper map = PropertyMapper.get();
		map.from(issuer).to(parser::issuer);
		map.from(settings.audiences()).whenNot(List::isEmpty).as((audiences) -> audiences.toArray(String[]::new))
			.to(parser::audience);
		map.from(settings.requireAtJwt()).whenTrue().toCall(() -> parser.requireType(TokenType.AT_JWT));
		map.from(settings.allowShortSecrets()).whenTrue().toCall(parser::allowShortSecrets);
		map.from(settings.clockSkew()).to(parser::clockSkew);
		map.from(settings.maxTokenLength()).to(parser::maxTokenLength);
		map.from(TokenListeners.verification(listeners.orderedStream().toList())).to(parser::listener);
		map.from(JoatRevocationConfiguration.revocationList(settings.revocation(), revocationLists, revocationStores))
			.to((revocationList) -> parser.revocationList(revocationList)
				.requireTokenId(settings.revocation().requireJti()));
		return parser.clock(clock.getIfUnique(Clock::systemUTC)).build();
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty("joat.issuer")
	TokenGenerator joatTokenGenerator(JoatSettings settings, SecretResolver secretResolver,
			ObjectProvider<Clock> clock, ObjectProvider<TokenIssuanceListener> listeners) {
		String issuer = settings.requiredIssuer();
		TokenGenerator.Builder generator = (secretResolver instanceof SecretRing ring)
				? TokenGenerator.builder(issuer, ring)
				: TokenGenerator.builder(issuer, secretResolver).algorithm(settings.algorithms().get(0));
		PropertyMapper map = PropertyMapper.get();
		map.from(settings.profile()).whenEqualTo(JoatProperties.Profile.RFC9068)
			.toCall(() -> generator.profile(TokenProfile.RFC_9068)
				.audience(settings.audiences().toArray(String[]::new)));
		map.from(settings.allowShortSecrets()).whenTrue().toCall(generator::allowShortSecrets);
		map.from(settings.tokenLifetime()).to(generator::lifetime);
		map.from(TokenListeners.issuance(listeners.orderedStream().toList())).to(generator::listener);
		return generator.clock(clock.getIfUnique(Clock::systemUTC)).build();
	}

}
