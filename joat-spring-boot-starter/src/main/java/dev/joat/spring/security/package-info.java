/**
 * What runs on each request of a joat resource server, in Spring Security's terms: the
 * {@link dev.joat.spring.security.JoatJwtDecoder} and its reactive twin (a joat
 * {@code TokenParser} behind Spring Security's decoder contracts), the
 * {@link dev.joat.spring.security.ScopeAuthoritiesConverter}, the checks of certificate-bound
 * tokens, and the filters that answer {@code 503} while revocation cannot be checked
 * ({@link dev.joat.spring.security.JoatRevocationMonitor}), and the JWK Set client
 * ({@link dev.joat.spring.security.JwkSetKeySource}) that keeps an issuer's public keys fresh in the
 * background. Nothing here needs Spring Boot: an
 * application wiring Spring Security by hand uses these types directly.
 */
@NullMarked
package dev.joat.spring.security;

import org.jspecify.annotations.NullMarked;
