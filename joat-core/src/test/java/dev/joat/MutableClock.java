package dev.joat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves forward by hand: no sleeps. Safe to read from many threads. Public, through
 * this module's test jar, for the starter's tests.
 */
public final class MutableClock extends Clock {

	private volatile Instant now;

	/**
	 * A clock that reads {@code now} until moved.
	 * @param now the starting instant
	 */
	public MutableClock(Instant now) {
		this.now = now;
	}

	/**
	 * Moves the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
