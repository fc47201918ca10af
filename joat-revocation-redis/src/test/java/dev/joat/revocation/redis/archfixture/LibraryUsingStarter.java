package dev.joat.revocation.redis.archfixture;

import dev.joat.spring.boot.JoatProperties;

/** Breaks the library-without-starter rule on purpose: for the architecture tests only. */
public class LibraryUsingStarter {

	JoatProperties properties;

}
