/**
 * The examples of the reference documentation site (docs/pages), as tests: each tagged region
 * ({@code // tag::NAME[]} … {@code // end::NAME[]}) is included into a page by docs/build.sh, so a
 * page shows code that compiles and runs. They use only joat's public API, from outside its package.
 */
package dev.joat.docs;
