package dev.joat.spring.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import org.apache.commons.logging.Log;

/**
 * A WARN line for a server-side fault that requests can trigger again and again: written at most
 * once per interval, saying how often the fault occurred since the previous line, so that a flood
 * of requests cannot flood the log. The first occurrence is written at once. Thread-safe.
 *
 * <p>joat-revocation-redis keeps its own package-private copy, so that the Redis library does not
 * depend on the starter for a few lines (see {@code docs/pages/architecture.md}).
 */
final class RateLimitedLog {

	private final Log log;

	private final long intervalMillis;

	private final Clock clock;

	private long nextLineAt = Long.MIN_VALUE;

	private long occurrences;

	/**
	 * Creates a log that writes at most one line per {@code interval}.
	 * @param log where the lines go (at WARN)
	 * @param interval the least time between two lines
	 * @param clock the clock the interval is measured with
	 */
	RateLimitedLog(Log log, Duration interval, Clock clock) {
		this.log = Objects.requireNonNull(log, "log cannot be null");
		this.intervalMillis = Objects.requireNonNull(interval, "interval cannot be null").toMillis();
		this.clock = Objects.requireNonNull(clock, "clock cannot be null");
	}

	/**
	 * Counts one occurrence of the fault, and writes {@code message} with the count when the
	 * interval since the last line has passed.
	 * @param message the line, free of request data that could forge log lines
	 */
	void warn(String message) {
		long count;
		synchronized (this) {
			this.occurrences++;
			long now = this.clock.millis();
			if (now < this.nextLineAt) {
				return;
			}
			count = this.occurrences;
			this.occurrences = 0;
			this.nextLineAt = now + this.intervalMillis;
		}
		if (this.log.isWarnEnabled()) {
			this.log.warn(message + " (" + count + ((count == 1) ? " time" : " times") + " since the last report; at most"
					+ " one report every " + Duration.ofMillis(this.intervalMillis).toSeconds() + "s)");
		}
	}

}
