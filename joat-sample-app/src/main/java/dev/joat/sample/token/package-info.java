/**
 * The OAuth 2.0 client-credentials token endpoint (RFC 6749 §4.4) and its client registry.
 */
package dev.joat.sample.token;
