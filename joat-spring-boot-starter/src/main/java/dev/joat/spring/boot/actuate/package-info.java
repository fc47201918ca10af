/**
 * joat's actuator pieces: the {@code /actuator/joat} endpoint
 * ({@link dev.joat.spring.boot.actuate.JoatEndpoint}) and the token meters
 * ({@link dev.joat.spring.boot.actuate.JoatTokenMetrics}), each with its auto-configuration, active
 * only when Spring Boot's actuator or Micrometer is on the classpath.
 */
@NullMarked
package dev.joat.spring.boot.actuate;

import org.jspecify.annotations.NullMarked;
