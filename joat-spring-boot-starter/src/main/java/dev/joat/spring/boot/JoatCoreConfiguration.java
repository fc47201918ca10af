package dev.joat.spring.boot;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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

import dev.joat.JwkSetParser;
import dev.joat.KeySet;
import dev.joat.KeySource;
import dev.joat.KeysUnavailableException;
import dev.joat.SignatureAlgorithm;
import dev.joat.spring.security.JwkSetKeySource;
import dev.joat.spring.security.JwkSetListener;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.client.RestClient;

/**
 * joat-core's beans from the {@link JoatSettings}, built once from {@code joat.*} and Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}; the bean methods only map checked values
 * onto the builders. A {@link Clock} bean, when the application has exactly one, is the parser's
 * and generator's clock (handy in tests); otherwise the system clock. Every
 * {@code TokenVerificationListener} and {@code TokenIssuanceListener} bean (such as
 * {@link dev.joat.spring.boot.actuate.JoatTokenMetrics}) is told, in order, of the parser's
 * verifications and the generator's tokens. The parser consults the {@code RevocationList} bean
 * when there is one ({@code joat.revocation.*}).
 *
 * <p>Two modes, decided by Spring Boot's properties alone ({@link KeySettings}): without
 * {@code issuer-uri}, {@code jwk-set-uri} and {@code public-key-location}, HMAC secrets (a
 * {@code SecretResolver} and, with {@code joat.issuer}, a {@code TokenGenerator}); with one of
 * them, the issuer's public keys (a {@link KeySource}: a {@link JwkSetKeySource} or the fixed
 * {@link KeySet} of a PEM file) and no generator. Without those properties, an application-defined
 * {@link KeySource} bean alone also selects keys mode ("bring your own keys": an issuer verifying
 * its own tokens, keys from a vault): the parser verifies with that bean, {@code joat.issuer} is
 * required, no secret is needed and none may be set, and the starter makes no generator (it has no
 * private key: an issuer defines its own {@code TokenGenerator} bean). The one rule is
 * {@link KeyMode}. One parser bean, one mapping of the shared settings, for all modes.
 */
@Configuration(proxyBeanMethods = false)
class JoatCoreConfiguration {

	private static final Log logger = LogFactory.getLog(JoatCoreConfiguration.class);

	@Bean
	JoatSettings joatSettings(JoatProperties properties, Environment environment, ResourceLoader resourceLoader,
			ConfigurableListableBeanFactory beanFactory) {
		boolean applicationKeySource = KeyMode.of(environment,
				beanFactory) == KeyMode.APPLICATION;
		return JoatSettings.of(properties, Binder.get(environment), resourceLoader, applicationKeySource);
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(KeyModeConditions.OnHmac.class)
	SecretResolver joatSecretResolver(JoatSettings settings) {
		return settings.secretResolver();
	}

	@Bean
	@ConditionalOnMissingBean
	TokenParser joatTokenParser(JoatSettings settings, ObjectProvider<SecretResolver> secretResolvers,
			ObjectProvider<KeySource> keySources, ObjectProvider<Clock> clock,
			ObjectProvider<TokenVerificationListener> listeners, ObjectProvider<RevocationList> revocationLists,
			ObjectProvider<RevocationStore> revocationStores) {
		KeySettings keys = settings.keys();
		TokenParser.Builder parser;
		if (keys != null) {
			if (secretResolvers.getIfAvailable() != null) {
				if (keys.application()) {
					throw new JoatConfigurationException(KeySettings.APPLICATION_KEY_SOURCE,
							"the application defines a KeySource bean, so joat verifies tokens with its public keys, but"
									+ " also a SecretResolver bean, which would never be used",
							"Remove the SecretResolver bean to verify with the KeySource bean, or remove the KeySource"
									+ " bean to verify HMAC-signed tokens with your SecretResolver.");
				}
				throw new JoatConfigurationException(keys.trigger(), keys.trigger()
						+ " is set, so joat verifies tokens with the issuer's public keys, but the application defines a"
						+ " SecretResolver bean, which would never be used",
						"Remove " + keys.trigger() + " to verify HMAC-signed tokens with your SecretResolver, or remove"
								+ " the SecretResolver bean to verify the issuer's tokens.");
			}
			KeySource keySource = keySources.getObject();
			parser = TokenParser.withKeys(keySource)
				.signatureAlgorithms(keys.algorithms(keySource).toArray(SignatureAlgorithm[]::new));
		}
		else {
			SecretResolver secretResolver = secretResolvers.getObject();
			parser = (secretResolver instanceof SecretRing ring) ? TokenParser.builder(ring)
					: TokenParser.builder(secretResolver).algorithms(settings.algorithms().toArray(HmacAlgorithm[]::new));
		}
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
	@Conditional(KeyModeConditions.OnHmac.class)
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

	/**
	 * The issuer's keys when {@code issuer-uri}, {@code jwk-set-uri} or {@code public-key-location}
	 * is set; each backs off for the application's own {@link KeySource}. The JWK Set source fetches
	 * with the application's {@code RestClient.Builder} when Spring Boot provides one (SSL bundles,
	 * proxies, observations), else {@code RestClient.builder()}, and measures staleness with the
	 * system clock, not a {@code Clock} bean (a fixed test clock would keep the keys fresh forever).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.web.client.RestClient")
	static class KeySourceConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean(KeySource.class)
		@Conditional(KeyModeConditions.OnJwkSet.class)
		JwkSetKeySource joatJwkSetKeySource(JoatSettings settings, ObjectProvider<RestClient.Builder> restClientBuilder,
				ObjectProvider<JwkSetListener> listeners) {
			KeySettings keys = settings.requiredKeys();
			KeySettings.Jwks jwks = keys.jwks();
			String jwkSetUri = keys.jwkSetUri();
			JwkSetKeySource.Builder source = (jwkSetUri != null) ? JwkSetKeySource.withJwkSetUri(jwkSetUri)
					: JwkSetKeySource.withIssuerLocation(Objects.requireNonNull(keys.issuerUri()));
			source.restClientBuilder(restClientBuilder.getIfAvailable(RestClient::builder))
				.parser(JwkSetParser.builder()
					.algorithms(keys.algorithms())
					.maxSize(jwks.maxSize())
					.maxKeys(jwks.maxKeys())
					.build());
			PropertyMapper map = PropertyMapper.get();
			map.from(jwks.connectTimeout()).to(source::connectTimeout);
			map.from(jwks.readTimeout()).to(source::readTimeout);
			map.from(jwks.refreshInterval()).to(source::refreshInterval);
			map.from(jwks.minimumRefreshInterval()).to(source::minimumRefreshInterval);
			map.from(jwks.maxStaleness()).to(source::maxStaleness);
			map.from(jwks.unknownKeyWait()).to(source::unknownKeyWait);
			map.from(jwks.failOpen()).to(source::failOpen);
			map.from(jwks.allowInsecureHttp()).to(source::allowInsecureHttp);
			map.from(jwkSetListener(listeners.orderedStream().toList())).to(source::listener);
			JwkSetKeySource keySource = source.build();
			if (!jwks.awaitFirstKeys().isZero()) {
				awaitFirstKeys(keySource, jwks.awaitFirstKeys());
			}
			return keySource;
		}

		@Bean
		@ConditionalOnMissingBean(KeySource.class)
		@Conditional(KeyModeConditions.OnPublicKey.class)
		KeySet joatPublicKeys(JoatSettings settings) {
			return Objects.requireNonNull(settings.requiredKeys().publicKeys());
		}

		private static void awaitFirstKeys(JwkSetKeySource keySource, Duration timeout) {
			try {
				keySource.awaitFirstKeys(timeout);
			}
			catch (KeysUnavailableException ex) {
				keySource.close();
				throw new JoatConfigurationException("joat.jwks.await-first-keys",
						"no keys within joat.jwks.await-first-keys (" + timeout + "): " + ex.getMessage(),
						"Check that the issuer is reachable from this application, or set joat.jwks.await-first-keys=0"
								+ " to start without keys and answer 503 with Retry-After until they arrive.");
			}
		}

		private static @Nullable JwkSetListener jwkSetListener(List<JwkSetListener> listeners) {
			if (listeners.isEmpty()) {
				return null;
			}
			if (listeners.size() == 1) {
				return listeners.get(0);
			}
			return (outcome, status) -> listeners.forEach((listener) -> listener.refreshed(outcome, status));
		}

	}

}
