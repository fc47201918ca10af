/**
 * The joat sample application: a client-credentials token endpoint and a scope-protected API.
 */
package dev.joat.sample;
