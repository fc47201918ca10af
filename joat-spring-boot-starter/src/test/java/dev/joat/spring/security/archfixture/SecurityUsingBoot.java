package dev.joat.spring.security.archfixture;

import dev.joat.spring.boot.JoatProperties;

/** Breaks the security-without-Boot rule on purpose: for the architecture tests only. */
public class SecurityUsingBoot {

	JoatProperties properties;

}
