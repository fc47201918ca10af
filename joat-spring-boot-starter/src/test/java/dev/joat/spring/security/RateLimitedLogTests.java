package dev.joat.spring.security;

import java.time.Duration;
import java.time.Instant;

import ch.qos.logback.classic.Level;
import dev.joat.MutableClock;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateLimitedLogTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	private final RateLimitedLog log = new RateLimitedLog(LogFactory.getLog(RateLimitedLogTests.class),
			Duration.ofMinutes(1), this.clock);

	@Test
	void warnWhenFirstOccurrenceThenWrittenAtOnceWithCountOne() {
		try (CapturedLogs logs = CapturedLogs.start()) {
			this.log.warn("The vault is down");
			assertThat(logs.lines(Level.TRACE)).containsExactly("WARN dev.joat.spring.security.RateLimitedLogTests: "
					+ "The vault is down (1 time since the last report; at most one report every 60s)");
		}
	}

	@Test
	void warnWhenRepeatedWithinIntervalThenOneLineAndTheNextCountsTheSuppressed() {
		try (CapturedLogs logs = CapturedLogs.start()) {
			for (int i = 0; i < 1000; i++) {
				this.log.warn("The vault is down");
				this.clock.advance(Duration.ofMillis(50));
			}
			assertThat(logs.warnOrAbove()).hasSize(1);
			this.clock.advance(Duration.ofSeconds(10));
			this.log.warn("The vault is still down");
			assertThat(logs.warnOrAbove()).hasSize(2);
			assertThat(logs.warnOrAbove().get(1)).isEqualTo("WARN dev.joat.spring.security.RateLimitedLogTests: "
					+ "The vault is still down (1000 times since the last report; at most one report every 60s)");
		}
	}

	@Test
	void warnWhenJustBeforeIntervalEndsThenSuppressedAndAtIntervalEndWritten() {
		try (CapturedLogs logs = CapturedLogs.start()) {
			this.log.warn("down");
			this.clock.advance(Duration.ofMillis(59_999));
			this.log.warn("down");
			assertThat(logs.warnOrAbove()).hasSize(1);
			this.clock.advance(Duration.ofMillis(1));
			this.log.warn("down");
			assertThat(logs.warnOrAbove()).hasSize(2).last().asString().contains("(2 times since the last report");
		}
	}

}
