package dev.joat.spring.boot;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * The checks of configured values that joat's settings apply, for a module that configures joat
 * (joat-revocation-redis) to apply the same rule with the same message. Each failure is a
 * {@link JoatConfigurationException} naming the property and how to fix it; a value is shown only
 * when it is a number or a duration, never a text that may be a secret. Stateless and thread-safe.
 */
public final class JoatPropertyChecks {

	private JoatPropertyChecks() {
	}

	/**
	 * Checks that a duration is positive.
	 * @param value the bound value
	 * @param property the property, e.g. {@code joat.revocation.max-staleness}
	 * @param example a good value for the action, e.g. {@code 30s}
	 * @return {@code value}
	 * @throws JoatConfigurationException when {@code value} is null, zero or negative
	 */
	public static Duration positive(@Nullable Duration value, String property, String example) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new JoatConfigurationException(property, property + " must be a positive duration; it is " + value,
					"Set " + property + " to a positive duration, e.g. " + example + ".");
		}
		return value;
	}

	/**
	 * Checks that a count is positive.
	 * @param value the bound value
	 * @param property the property, e.g. {@code joat.revocation.max-entries}
	 * @param unit what is counted, e.g. {@code entries}
	 * @param example a good value for the action, e.g. {@code 100000}
	 * @return {@code value}
	 * @throws JoatConfigurationException when {@code value} is zero or negative
	 */
	public static int positive(int value, String property, String unit, String example) {
		if (value <= 0) {
			throw new JoatConfigurationException(property, property + " must be positive; it is " + value,
					"Set " + property + " to a positive number of " + unit + ", e.g. " + example + ".");
		}
		return value;
	}

}
