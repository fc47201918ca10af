package dev.joat.spring.security;

import java.util.Objects;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The WebFlux twin of {@link RevocationUnavailableFilter}: a request that fails because token
 * revocation cannot be checked, or the issuer's keys are unavailable, is answered {@code 503 Service Unavailable} with {@code Retry-After}
 * and {@code Cache-Control: no-store}, no body. Spring Security's reactive resource server passes the
 * decoder's error on (it is not a {@code BadJwtException}), so this filter, ordered just before
 * Spring Security's {@code WebFilterChainProxy} ({@code -100}), sees it whichever
 * {@code SecurityWebFilterChain} the application configured. Thread-safe.
 */
public final class RevocationUnavailableWebFilter implements WebFilter, Ordered {

	/** Just before Spring Security's {@code WebFluxSecurityConfiguration.WEB_FILTER_CHAIN_FILTER_ORDER}. */
	public static final int ORDER = -101;

	private final JoatRevocationMonitor monitor;

	/**
	 * Creates the filter.
	 * @param monitor where refusals are counted and logged
	 */
	public RevocationUnavailableWebFilter(JoatRevocationMonitor monitor) {
		this.monitor = Objects.requireNonNull(monitor, "monitor cannot be null");
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).onErrorResume((ex) -> {
			ServiceUnavailable unavailable = ServiceUnavailable.of(ex);
			ServerHttpResponse response = exchange.getResponse();
			if (unavailable == null || response.isCommitted()) {
				return Mono.error(ex);
			}
			unavailable.report(this.monitor);
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()));
			response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
			return response.setComplete();
		});
	}

}
