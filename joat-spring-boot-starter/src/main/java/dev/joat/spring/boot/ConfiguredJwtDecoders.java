package dev.joat.spring.boot;

import java.util.List;

import dev.joat.TokenParser;
import dev.joat.spring.security.JoatJwtDecoder;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.ClassUtils;

/**
 * The one place the starter configures a {@link JoatJwtDecoder} from the context:
 * {@code joat.allow-certificate-bound-tokens}, every {@code OAuth2TokenValidator<Jwt>} bean, in
 * order, and how verifications are observed.
 *
 * <p>Observation: with a {@link JoatJwtDecoder.VerificationTimer} bean ({@link dev.joat.spring.boot.actuate.JoatTokenMetrics}
 * when the application has a {@code MeterRegistry}) and {@link ObservationHandler} beans that are
 * all Micrometer {@code MeterObservationHandler}s (Spring Boot's actuator without tracing), the
 * observation would make nothing but its timer: the decoder gets that timer instead, at a fraction
 * of the cost. Otherwise (a tracing handler, any other handler bean, or an observation registry
 * whose handlers were added in code and not as beans) it gets the application's observation
 * registry, when there is exactly one.
 *
 * <p>The servlet bean is that decoder; the reactive bean wraps it.
 */
final class ConfiguredJwtDecoders {

	private static final String METER_HANDLER = "io.micrometer.core.instrument.observation.MeterObservationHandler";

	private ConfiguredJwtDecoders() {
	}

	static JoatJwtDecoder jwtDecoder(TokenParser tokenParser, JoatSettings settings,
			ObjectProvider<OAuth2TokenValidator<Jwt>> validators, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ObservationHandler<?>> observationHandlers,
			ObjectProvider<JoatJwtDecoder.VerificationTimer> verificationTimer) {
		JoatJwtDecoder decoder = new JoatJwtDecoder(tokenParser);
		JoatJwtDecoder.VerificationTimer timer = verificationTimer.getIfUnique();
		if (timer != null && onlyMeterHandlers(observationHandlers.stream().toList())) {
			decoder.setVerificationTimer(timer);
		}
		else {
			observationRegistry.ifUnique(decoder::setObservationRegistry);
		}
		decoder.setAllowCertificateBoundTokens(settings.allowCertificateBoundTokens());
		List<OAuth2TokenValidator<Jwt>> applicationValidators = validators.orderedStream().toList();
		if (!applicationValidators.isEmpty()) {
			decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(applicationValidators));
		}
		return decoder;
	}

	/**
	 * Whether {@code handlers} are some and all meter handlers: an observation would then make
	 * meters only. {@code false} for none, since a registry's handlers may then have been added in
	 * code, where they cannot be seen.
	 */
	static boolean onlyMeterHandlers(List<ObservationHandler<?>> handlers) {
		if (handlers.isEmpty() || !ClassUtils.isPresent(METER_HANDLER, ConfiguredJwtDecoders.class.getClassLoader())) {
			return false;
		}
		Class<?> meterHandler = ClassUtils.resolveClassName(METER_HANDLER, ConfiguredJwtDecoders.class.getClassLoader());
		return handlers.stream().allMatch(meterHandler::isInstance);
	}

}
