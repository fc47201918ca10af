package dev.joat.spring.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * When {@link JwkSetKeySource} refreshes next. After a success: at three quarters of the freshness
 * lifetime, so that a key the issuer rotates in is fetched before its cache promise runs out; the
 * lifetime is the issuer's {@code max-age} clamped between the minimum and the refresh interval, or
 * the refresh interval without one; never sooner than the minimum interval. After failures: 1 s,
 * doubling, up to the minimum interval, so an outage at start-up ends quickly and a long one costs
 * the issuer one request per minimum interval.
 *
 * @param refreshInterval the longest lifetime
 * @param minimumRefreshInterval the shortest lifetime and the least time between unknown-kid refreshes
 */
record JwkSetRefreshTiming(Duration refreshInterval, Duration minimumRefreshInterval) {

	long minimumIntervalMillis() {
		return this.minimumRefreshInterval.toMillis();
	}

	long afterSuccessMillis(@Nullable Duration maxAge) {
		Duration lifetime = this.refreshInterval;
		if (maxAge != null) {
			lifetime = (maxAge.compareTo(this.minimumRefreshInterval) < 0) ? this.minimumRefreshInterval
					: (maxAge.compareTo(this.refreshInterval) > 0) ? this.refreshInterval : maxAge;
		}
		return Math.max(minimumIntervalMillis(), lifetime.toMillis() / 4 * 3);
	}

	long afterFailureMillis(int failures, long firstRetryMillis) {
		long delay = firstRetryMillis << Math.min(Math.max(failures - 1, 0), 20);
		return Math.min(delay, minimumIntervalMillis());
	}

}
