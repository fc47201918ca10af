/**
 * The configuration examples of the reference documentation site (docs/pages): each YAML and
 * properties file under {@code src/test/resources/dev/joat/docs} is shown on a page (its tagged
 * region, extracted by docs/build.sh) and loaded here into a context with joat's auto-configuration,
 * whose beans must then do what the page says.
 */
package dev.joat.docs;
