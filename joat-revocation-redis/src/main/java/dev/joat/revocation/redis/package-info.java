/**
 * Token revocation across many resource servers on Redis: every node keeps a local replica of the
 * live deny-list, so a revocation check is a local lookup and never a network round trip.
 */
package dev.joat.revocation.redis;
