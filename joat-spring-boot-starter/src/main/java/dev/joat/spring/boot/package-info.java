/**
 * Spring Boot auto-configuration of a joat-backed JWT resource server.
 */
package dev.joat.spring.boot;
