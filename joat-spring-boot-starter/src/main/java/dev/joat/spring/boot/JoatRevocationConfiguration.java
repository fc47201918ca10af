package dev.joat.spring.boot;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import dev.joat.revocation.InMemoryRevocationStore;
import dev.joat.revocation.RevocationList;
import dev.joat.revocation.RevocationStore;
import dev.joat.spring.security.JoatRevocationMonitor;
import dev.joat.spring.security.RevocationUnavailableFilter;
import dev.joat.spring.security.RevocationUnavailableWebFilter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Token revocation from {@code joat.revocation.*}: the {@link InMemoryRevocationStore} for
 * {@code store=in-memory} (backing off when the application defines a {@link RevocationList} or
 * {@link RevocationStore}), the rule that picks the parser's {@link RevocationList}
 * ({@link #revocationList}), the {@link JoatRevocationMonitor}, the filters that answer {@code 503}
 * when revocation cannot be checked, and the meters.
 */
@Configuration(proxyBeanMethods = false)
class JoatRevocationConfiguration {

	/** How often the starter's in-memory store gives back the memory of expired entries. */
	static final Duration EXPIRED_ENTRY_REMOVAL_INTERVAL = Duration.ofSeconds(30);

	@Bean
	@ConditionalOnMissingBean
	JoatRevocationMonitor joatRevocationMonitor() {
		return new JoatRevocationMonitor();
	}

	@Bean
	@ConditionalOnRevocationStore(JoatProperties.Revocation.Store.IN_MEMORY)
	@ConditionalOnMissingBean({ RevocationList.class, RevocationStore.class })
	InMemoryRevocationStore joatRevocationStore(JoatSettings settings, ObjectProvider<Clock> clock) {
		return InMemoryRevocationStore.builder()
			.maxEntries(settings.revocation().maxEntries())
			.clock(clock.getIfUnique(Clock::systemUTC))
			.build();
	}

	@Bean
	@ConditionalOnRevocationStore(JoatProperties.Revocation.Store.IN_MEMORY)
	ExpiredRevocationRemoval joatExpiredRevocationRemoval(ObjectProvider<InMemoryRevocationStore> stores) {
		return new ExpiredRevocationRemoval(stores.orderedStream().toList(), EXPIRED_ENTRY_REMOVAL_INTERVAL);
	}

	/**
	 * The list the starter's parser consults, {@code null} for none: the application's or a
	 * module's {@link RevocationList} bean when there is one, whatever {@code joat.revocation.store}
	 * says ({@code none} only means the starter creates no store). Fails start-up when the
	 * configured store cannot work.
	 */
	static @Nullable RevocationList revocationList(JoatSettings.Revocation revocation,
			ObjectProvider<RevocationList> lists, ObjectProvider<RevocationStore> stores) {
		JoatProperties.Revocation.Store store = revocation.store();
		List<RevocationList> candidates = lists.orderedStream().toList();
		RevocationList list = lists.getIfUnique();
		if (list == null && candidates.size() > 1) {
			throw new JoatConfigurationException("joat.revocation.store", "there are " + candidates.size()
					+ " RevocationList beans and none is primary: the token parser cannot tell which one to consult",
					"Mark the RevocationList bean the parser must consult @Primary, or define only one.");
		}
		if (list != null || store == JoatProperties.Revocation.Store.NONE) {
			return list;
		}
		if (store == JoatProperties.Revocation.Store.REDIS) {
			throw new JoatConfigurationException("joat.revocation.store",
					"joat.revocation.store=redis needs a RevocationList bean from the joat-revocation-redis module, and"
							+ " there is none",
					"Add the dependency dev.joat:joat-revocation-redis and a Redis connection (spring.data.redis.*), or"
							+ " set joat.revocation.store=in-memory for a single node.");
		}
		throw new JoatConfigurationException("joat.revocation.store", "joat.revocation.store=" + store.propertyValue()
				+ " found " + ((stores.getIfAvailable() != null) ? "a RevocationStore bean but no RevocationList bean:"
						+ " revocations would be recorded but never checked"
						: "no RevocationList bean"),
				"Define a RevocationList bean next to your RevocationStore (InMemoryRevocationStore is both), or"
						+ " remove yours to get the starter's.");
	}

	/** {@code 503} with {@code Retry-After} on the servlet stack, whichever security chain is configured. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	@ConditionalOnClass(name = "jakarta.servlet.Filter")
	static class ServletRevocationConfiguration {

		/** Spring Boot's default order of Spring Security's filter ({@code spring.security.filter.order}). */
		private static final int DEFAULT_SECURITY_FILTER_ORDER = -100;

		@Bean
		@ConditionalOnMissingBean
		RevocationUnavailableFilter joatRevocationUnavailableFilter(JoatRevocationMonitor monitor,
				Environment environment) {
			int securityFilterOrder = environment.getProperty("spring.security.filter.order", Integer.class,
					DEFAULT_SECURITY_FILTER_ORDER);
			return new RevocationUnavailableFilter(monitor, securityFilterOrder - 1);
		}

	}

	/** {@code 503} with {@code Retry-After} on the reactive stack, whichever security chain is configured. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
	@ConditionalOnClass(name = "reactor.core.publisher.Mono")
	static class ReactiveRevocationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RevocationUnavailableWebFilter joatRevocationUnavailableWebFilter(JoatRevocationMonitor monitor) {
			return new RevocationUnavailableWebFilter(monitor);
		}

	}

	/**
	 * The meters, bound to every registry by Spring Boot: {@code joat.revocation.unavailable}
	 * ({@code outcome}: {@code refused} with 503, {@code accepted} against a stale list) and, when a
	 * list is consulted that can count, {@code joat.revocation.entries}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
	static class RevocationMetricsConfiguration {

		@Bean
		MeterBinder joatRevocationMeters(JoatRevocationMonitor monitor, ObjectProvider<RevocationList> lists) {
			return (registry) -> bind(registry, monitor, lists.getIfUnique());
		}

		private static void bind(MeterRegistry registry, JoatRevocationMonitor monitor, RevocationList list) {
			FunctionCounter.builder(JoatRevocationMonitor.METER_NAME, monitor, JoatRevocationMonitor::refusedCount)
				.description("Requests refused with 503 because token revocation could not be checked")
				.tag("outcome", "refused")
				.register(registry);
			FunctionCounter.builder(JoatRevocationMonitor.METER_NAME, monitor, JoatRevocationMonitor::acceptedCount)
				.description("Tokens checked against a stale revocation list (joat.revocation.fail-open=true)")
				.tag("outcome", "accepted")
				.register(registry);
			if (list != null && list.entryCount() >= 0) {
				Gauge.builder("joat.revocation.entries", list, RevocationList::entryCount)
					.description("Entries of the revocation list the token parser consults")
					.register(registry);
			}
		}

	}

}
