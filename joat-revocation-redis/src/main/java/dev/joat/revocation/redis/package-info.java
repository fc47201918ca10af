/**
 * Token revocation across many resource servers on Redis: every node keeps a local replica of the
 * live deny-list, so a revocation check is a local lookup and never a network round trip. This
 * package is the library: it needs Spring Data Redis, not Spring Boot nor the starter; its Boot
 * wiring is {@link dev.joat.revocation.redis.autoconfigure}.
 */
@NullMarked
package dev.joat.revocation.redis;

import org.jspecify.annotations.NullMarked;
