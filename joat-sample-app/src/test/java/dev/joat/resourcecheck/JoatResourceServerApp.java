package dev.joat.resourcecheck;

import java.security.Principal;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A joat-protected API as a user of the sample's tokens writes it: Boot's auto-configuration and
 * one endpoint; its configuration is only the sample's issuer URL. Outside the sample's packages,
 * so the sample's component scan never sees it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(JoatResourceServerApp.Hello.class)
public class JoatResourceServerApp {

	@RestController
	static class Hello {

		@GetMapping("/hello")
		String hello(Principal principal) {
			return "hello " + principal.getName();
		}

	}

}
