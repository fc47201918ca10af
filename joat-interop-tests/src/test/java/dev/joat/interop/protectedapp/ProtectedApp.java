package dev.joat.interop.protectedapp;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A joat-protected resource server as its users write it: Boot's auto-configuration (without the
 * Spring Authorization Server's, which shares the test class path), one endpoint, and nothing of
 * joat's configuration but what the test passes as properties. Its {@link ShiftedClock} lets a test
 * move the parser's time forward to see a token expire.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
		"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerAutoConfiguration",
		"org.springframework.boot.security.oauth2.server.authorization.autoconfigure.servlet.OAuth2AuthorizationServerJwtAutoConfiguration" })
public class ProtectedApp {

	@Bean
	ShiftedClock clock() {
		return new ShiftedClock();
	}

	/** The one protected endpoint. */
	@RestController
	static class Endpoints {

		@GetMapping("/hello")
		String hello(Principal principal) {
			return "hello " + principal.getName();
		}

	}

	/** The system clock, shifted by what a test sets. Thread-safe. */
	public static final class ShiftedClock extends Clock {

		private volatile Duration shift = Duration.ZERO;

		/**
		 * Shifts this clock from the system time.
		 * @param shift how far ahead of the system clock this one is
		 */
		public void shift(Duration shift) {
			this.shift = shift;
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
			return Instant.now().plus(this.shift);
		}

	}

}
