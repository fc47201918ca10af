package dev.joat.boot3;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The smallest Spring Boot 3.5 web application a user would add the starter to.
 */
@SpringBootApplication
class Boot3Application {

	@RestController
	static class Api {

		@GetMapping("/read")
		String read() {
			return "read";
		}

	}

}
