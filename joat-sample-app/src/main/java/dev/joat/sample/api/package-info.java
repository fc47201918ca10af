/**
 * The API protected by joat access tokens, with scope checks.
 */
package dev.joat.sample.api;
