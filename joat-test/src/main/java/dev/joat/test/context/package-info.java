/**
 * joat-test in the Spring TestContext framework: {@link dev.joat.test.context.ApplicationTestTokens}
 * mints with the application context's own beans, and a context customizer gives test contexts
 * without a configured secret a random, test-only one. Needs Spring Boot and spring-test on the
 * class path.
 */
@NullMarked
package dev.joat.test.context;

import org.jspecify.annotations.NullMarked;
