package dev.joat.sample;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.observation.SecurityObservationSettings;

/**
 * Which of Spring Security's observations the filter chains make, decided by Spring Boot's own
 * {@code management.observations.enable.*} properties, so that one switch turns them on or off and
 * what is off costs nothing per request.
 *
 * <p>Boot's properties alone only filter observations after Spring Security has made them: with any
 * observation registry, Spring Security wraps each filter of every chain, the authentication
 * manager and the authorization managers in observations ({@code spring.security.filterchains},
 * {@code spring.security.http.secured.requests}, {@code spring.security.authentications},
 * {@code spring.security.authorizations}), and a filtered observation still costs its context, its
 * key values and the predicate on every filter of every request. This configuration asks the
 * registry, once at startup, whether it would keep an observation of each of those names and tells Spring
 * Security ({@link SecurityObservationSettings}) to wrap only the kinds that would. The sample's
 * {@code application.yml} turns them off ({@code management.observations.enable.spring.security:
 * false}): on {@code GET /api/read} they cost more than the token check, the controller and the
 * JSON together (see {@code joat-benchmarks/README.md}); the HTTP server timer
 * ({@code http.server.requests}) and joat's meters stay. {@code
 * --management.observations.enable.spring.security=true} (or {@code
 * MANAGEMENT_OBSERVATIONS_ENABLE_SPRING_SECURITY=true}) turns them all back on, and a longer name
 * one kind only, e.g. {@code management.observations.enable.spring.security.authorizations=true}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityObservations {

	/** The observation around each request's way through a filter chain. */
	static final String REQUESTS = "spring.security.http.secured.requests";

	/** The observations before and after each filter of a chain. */
	static final String FILTER_CHAINS = "spring.security.filterchains";

	/** The observation around each authentication. */
	static final String AUTHENTICATIONS = "spring.security.authentications";

	/** The observation around each authorization decision. */
	static final String AUTHORIZATIONS = "spring.security.authorizations";

	@Bean
	SecurityObservationSettings securityObservationSettings(ObjectProvider<ObservationRegistry> registry) {
		ObservationRegistry observations = registry.getIfUnique(() -> ObservationRegistry.NOOP);
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(enabled(observations, REQUESTS) && enabled(observations, FILTER_CHAINS))
			.shouldObserveAuthentications(enabled(observations, AUTHENTICATIONS))
			.shouldObserveAuthorizations(enabled(observations, AUTHORIZATIONS))
			.build();
	}

	// An observation the registry would drop (by a predicate, or for want of a handler) is created as a no-op.
	private static boolean enabled(ObservationRegistry registry, String name) {
		return !Observation.createNotStarted(name, Observation.Context::new, registry).isNoop();
	}

}
