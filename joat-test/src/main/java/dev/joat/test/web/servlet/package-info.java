/**
 * joat-test for Spring MVC: {@link dev.joat.test.web.servlet.JoatMockMvc#joatToken()}, a MockMvc
 * {@code RequestPostProcessor} that sends a real token through the application's decoder.
 */
package dev.joat.test.web.servlet;
