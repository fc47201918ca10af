/**
 * joat-test in the Spring TestContext framework: {@link dev.joat.test.context.ApplicationTestTokens}
 * mints with the application context's own beans, and a context customizer gives test contexts
 * without a configured secret a random, test-only one, or, when the application verifies with
 * public keys (Spring Boot's key properties or its own {@code KeySource} bean), a test-only key
 * pair added to its key source. Needs Spring Boot, spring-test and the joat starter on the class
 * path.
 */
@NullMarked
package dev.joat.test.context;

import org.jspecify.annotations.NullMarked;
