/**
 * joat-test for Spring WebFlux: {@link dev.joat.test.web.reactive.JoatWebTestClient#joatToken},
 * a {@code WebTestClient} configurer and {@code WebClient} filter that sends a real token through
 * the application's decoder.
 */
@NullMarked
package dev.joat.test.web.reactive;

import org.jspecify.annotations.NullMarked;
