/**
 * The API protected by joat access tokens, with scope checks.
 */
@NullMarked
package dev.joat.sample.api;

import org.jspecify.annotations.NullMarked;
