/**
 * The Mega-API REST client interface and its connections' lifecycle: every request leases a client that is handed out
 * only within {@code megaapi.connection-reuse-ms} of its making, and closed after its last request. Imports none of
 * our packages; the raw client stays package-private.
 */
package io.megalogout.megaapi.connection;
