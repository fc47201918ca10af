/**
 * Spring Boot auto-configuration of a joat-backed JWT resource server: the auto-configurations,
 * {@link dev.joat.spring.boot.JoatProperties} ({@code joat.*}) checked once at start-up, the
 * failure analysis of a bad configuration, and the version check. The per-request pieces it wires
 * live in {@link dev.joat.spring.security}; public types here are auto-configurations, properties,
 * or extension points an application's own security configuration uses.
 */
@NullMarked
package dev.joat.spring.boot;

import org.jspecify.annotations.NullMarked;
