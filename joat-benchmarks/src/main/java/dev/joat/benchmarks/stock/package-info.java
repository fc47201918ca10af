/**
 * The stock Spring Boot resource server that {@code joat-benchmarks/scripts/load-test.sh} and the
 * {@link dev.joat.benchmarks.FilterChain} benchmark compare the joat sample with: Spring Security's
 * {@code NimbusJwtDecoder} and Boot's defaults, with the sample's actuator, metrics and
 * management-port configuration. Not a way to run joat; nothing of joat is in it.
 */
package dev.joat.benchmarks.stock;
