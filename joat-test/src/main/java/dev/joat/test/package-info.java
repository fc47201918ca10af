/**
 * Test support for applications that use joat: real tokens, minted with the application's own
 * generator and secret, so that tests go through the real decoder, validators and authority
 * converter. {@link dev.joat.test.JoatTestTokens} is the plain minting API and needs only joat-core
 * and Jackson; the Spring helpers live in {@code dev.joat.test.context},
 * {@code dev.joat.test.web.servlet} (MockMvc) and {@code dev.joat.test.web.reactive}
 * (WebTestClient).
 */
@NullMarked
package dev.joat.test;

import org.jspecify.annotations.NullMarked;
