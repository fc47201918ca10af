package dev.joat.interop;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's application with the starter and one protected endpoint, {@code GET /read}, on the
 * servlet or the reactive stack (as {@code spring.main.web-application-type} says).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class ReadApplication {

	@RestController
	static class Endpoints {

		@GetMapping("/read")
		String read() {
			return "read";
		}

	}

}
