package dev.joat.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The joat sample: an OAuth 2.0 client-credentials token endpoint ({@code POST /oauth2/token})
 * and an API protected by the tokens it issues ({@code /api/**}), with nothing but the joat
 * starter and Spring Boot.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SampleApplication {

	/**
	 * Starts the sample.
	 * @param args command-line arguments, as Spring Boot takes them
	 */
	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
