/** Mega-API: the REST client, its configuration, its wire answer, and the mapping of its failures to our errors. */
package io.megalogout.megaapi;
