/**
 * The joat sample application: a client-credentials token endpoint and a scope-protected API.
 */
@NullMarked
package dev.joat.sample;

import org.jspecify.annotations.NullMarked;
