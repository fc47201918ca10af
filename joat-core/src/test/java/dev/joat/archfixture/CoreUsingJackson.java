package dev.joat.archfixture;

import tools.jackson.databind.json.JsonMapper;

/**
 * Breaks the core's only-the-JDK rule on purpose, as a core class importing Spring or Micrometer
 * would: for the architecture tests only.
 */
public class CoreUsingJackson {

	JsonMapper mapper;

}
