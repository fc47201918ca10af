package dev.joat.revocation.redis.autoconfigure;

import dev.joat.revocation.redis.RedisRevocation;
import dev.joat.spring.boot.ConditionalOnRevocationStore;
import dev.joat.spring.boot.JoatProperties;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Revocation shared through Redis when {@code joat.revocation.store=redis} and the application has a
 * {@link RedisConnectionFactory} (Spring Boot's, from {@code spring.data.redis.*}): a
 * {@link RedisRevocation} started with the context and closed with it, whose replica is the
 * {@code RevocationList} the starter's token parser consults and whose store is the
 * {@code RevocationStore} an application revokes through. Configured by {@code joat.revocation.*}
 * ({@code max-staleness}, {@code fail-open}, {@code max-entries}) and
 * {@link RedisRevocationProperties joat.revocation.redis.*}. Ordered after Spring Boot's Redis
 * auto-configuration and before joat's, so the starter finds these beans; every bean backs off when
 * the application defines its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
		beforeName = "dev.joat.spring.boot.JoatAutoConfiguration")
@ConditionalOnClass({ RedisConnectionFactory.class, dev.joat.TokenParser.class })
@ConditionalOnBean(RedisConnectionFactory.class)
@ConditionalOnRevocationStore(JoatProperties.Revocation.Store.REDIS)
@EnableConfigurationProperties(RedisRevocationProperties.class)
@Import(RedisRevocationConfiguration.class)
public final class RedisRevocationAutoConfiguration {

}
