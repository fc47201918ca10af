package dev.joat.revocation.redis.autoconfigure.archfixture;

/**
 * Breaks the public-only-when-needed rule on purpose (public, yet neither an auto-configuration
 * nor properties): for the architecture tests only.
 */
public class PublicWiring {

}
