/**
 * Mega-API: the REST client behind the use case's {@code Upstream}, its configuration, and the mapping of its answers and
 * failures to our errors.
 */
package io.megalogout.megaapi;
