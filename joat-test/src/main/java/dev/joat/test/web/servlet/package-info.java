/**
 * joat-test for Spring MVC: {@link dev.joat.test.web.servlet.JoatMockMvc#joatToken()}, a MockMvc
 * {@code RequestPostProcessor} that sends a real token through the application's decoder.
 */
@NullMarked
package dev.joat.test.web.servlet;

import org.jspecify.annotations.NullMarked;
