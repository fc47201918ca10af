package dev.joat.benchmarks.stock;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A stock Spring Boot resource server, the reference of the end-to-end load test: what a Spring user
 * writes for the sample's {@code GET /api/read} without joat. Spring Security's
 * {@code NimbusJwtDecoder} checks the bearer token (HS256 with the shared secret {@code JOAT_SECRET},
 * the default validators plus the issuer, as Boot configures an issuer), {@code @PreAuthorize} the
 * {@code read} scope, and the actuator, Micrometer and Prometheus are configured as in the sample
 * (health, metrics and prometheus on a separate, loopback-only management port,
 * {@code MANAGEMENT_PORT}); everything else, Spring Security's observations included, is Spring
 * Boot's default. Its configuration is {@code stock-resource-server.yml}, so that it never reads an
 * {@code application.yml} of another application on the same class path (the JMH jar holds the
 * sample too).
 */
@SpringBootApplication
public class StockResourceServer {

	/** The name of this application's configuration files ({@code spring.config.name}). */
	public static final String CONFIG_NAME = "stock-resource-server";

	/**
	 * The application, configured from {@value #CONFIG_NAME}{@code .yml}; arguments, system properties
	 * and the environment override it.
	 * @return a builder of the application
	 */
	public static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(StockResourceServer.class)
			.properties("spring.config.name=" + CONFIG_NAME);
	}

	/**
	 * Starts the server.
	 * @param args command-line arguments, as Spring Boot takes them
	 */
	public static void main(String[] args) {
		application().run(args);
	}

}
