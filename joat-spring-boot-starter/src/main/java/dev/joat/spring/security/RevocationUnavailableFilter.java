package dev.joat.spring.security;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * Answers {@code 503 Service Unavailable} with {@code Retry-After} when a request fails because
 * token revocation cannot be checked ({@link dev.joat.revocation.RevocationUnavailableException}
 * anywhere in the cause chain) or the issuer's keys are unavailable
 * ({@link dev.joat.KeysUnavailableException}: the issuer has not answered yet, or not for longer than
 * the keys' maximum staleness), instead of the {@code 500} the servlet container would answer: the token may be valid, so
 * neither {@code 401} nor a server error is right. No body, no stack trace; {@code Cache-Control:
 * no-store}. Every other exception passes through untouched.
 *
 * <p>Why a filter around Spring Security's: the decoder's exception is not a {@code BadJwtException},
 * so {@code JwtAuthenticationProvider} does not turn it into a {@code 401}, and
 * {@code BearerTokenAuthenticationFilter}'s failure handler rethrows it; it leaves the security
 * filter chain, whichever chain the application configured. The starter registers this filter as a
 * bean ordered just before Spring Security's ({@code spring.security.filter.order} minus one), so
 * the application's own {@code SecurityFilterChain} needs nothing. Without Spring Boot, register it
 * before the {@code springSecurityFilterChain}.
 *
 * <p>Thread-safe.
 */
public final class RevocationUnavailableFilter implements Filter, Ordered {

	private final JoatRevocationMonitor monitor;

	private final int order;

	/**
	 * Creates the filter.
	 * @param monitor where refusals are counted and logged
	 * @param order the filter's order, before Spring Security's filter
	 */
	public RevocationUnavailableFilter(JoatRevocationMonitor monitor, int order) {
		this.monitor = Objects.requireNonNull(monitor, "monitor cannot be null");
		this.order = order;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			ServiceUnavailable unavailable = ServiceUnavailable.of(ex);
			if (unavailable == null || response.isCommitted()) {
				throw ex;
			}
			if (!(response instanceof HttpServletResponse http)) {
				throw ex;
			}
			unavailable.report(this.monitor);
			http.resetBuffer();
			http.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			http.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(unavailable.retryAfterSeconds()));
			http.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		}
	}

}
