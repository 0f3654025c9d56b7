/**
 * The caller's event, read strictly: one key or a bulk of keys, as written, and the mode it asks for, or an
 * {@code InvalidEventException}. Reads only: checks no key rule and sends nothing.
 */
package io.megalogout.logout.event;
