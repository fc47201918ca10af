/**
 * Spring Boot wiring of {@link dev.joat.revocation.redis}: the auto-configuration that starts a
 * {@link dev.joat.revocation.redis.RedisRevocation} when {@code joat.revocation.store=redis}, and its
 * {@code joat.revocation.redis.*} properties.
 */
@NullMarked
package dev.joat.revocation.redis.autoconfigure;

import org.jspecify.annotations.NullMarked;
