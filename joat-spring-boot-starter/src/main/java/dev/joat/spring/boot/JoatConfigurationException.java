package dev.joat.spring.boot;

/**
 * A {@code joat.*} configuration that cannot work, found at startup. Its message names the
 * property and never contains a secret; {@link #getAction()} says how to fix it.
 */
public class JoatConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	/**
	 * Creates the exception.
	 * @param property the property at fault, e.g. {@code joat.secret}
	 * @param description what is wrong
	 * @param action how to fix it
	 */
	public JoatConfigurationException(String property, String description, String action) {
		super(description);
		this.property = property;
		this.action = action;
	}

	/**
	 * The property at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * How to fix the configuration.
	 * @return the suggested action
	 */
	public String getAction() {
		return this.action;
	}

}
