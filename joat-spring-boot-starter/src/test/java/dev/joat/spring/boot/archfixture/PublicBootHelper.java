package dev.joat.spring.boot.archfixture;

/**
 * Breaks the public-only-when-needed rule on purpose (public, yet neither an auto-configuration,
 * properties nor an extension point): for the architecture tests only.
 */
public class PublicBootHelper {

}
