package dev.joat.spring.security;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Every log event of the application while open, from Logback's root logger: for tests that
 * assert what a request logs (and that it logs nothing at WARN or ERROR).
 */
public final class CapturedLogs implements AutoCloseable {

	private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

	private final Logger decoderLogger = (Logger) LoggerFactory.getLogger(JoatJwtDecoder.class);

	private final Level decoderLevel;

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private CapturedLogs() {
		this.decoderLevel = this.decoderLogger.getLevel();
		// DEBUG from the decoder too, so that tests see what is logged below WARN.
		this.decoderLogger.setLevel(Level.DEBUG);
		this.appender.start();
		this.root.addAppender(this.appender);
	}

	public static CapturedLogs start() {
		return new CapturedLogs();
	}

	/** The formatted lines at WARN or above, each as {@code LEVEL logger: message}. */
	public List<String> warnOrAbove() {
		return lines(Level.WARN);
	}

	/** The formatted lines at {@code level} or above, each as {@code LEVEL logger: message}. */
	public List<String> lines(Level level) {
		return this.appender.list.stream()
			.filter((event) -> event.getLevel().isGreaterOrEqual(level))
			.map((event) -> event.getLevel() + " " + event.getLoggerName() + ": " + event.getFormattedMessage())
			.toList();
	}

	@Override
	public void close() {
		this.root.detachAppender(this.appender);
		this.decoderLogger.setLevel(this.decoderLevel);
	}

}
