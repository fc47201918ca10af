/**
 * The OAuth 2.0 client-credentials token endpoint (RFC 6749 §4.4), token revocation (RFC 7009)
 * and introspection (RFC 7662) behind the same client authentication, the RFC 8414 metadata, and
 * the client registry.
 */
@NullMarked
package dev.joat.sample.token;

import org.jspecify.annotations.NullMarked;
