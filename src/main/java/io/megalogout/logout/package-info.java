/**
 * The logout use case, for both doors: one key or a bulk of keys ({@code Logout}), a queued batch
 * ({@code QueuedLogouts}), each key's plain, dry-run or confirmed request, and its one line in the request log. Owns
 * the {@code Upstream} port that {@code megaapi} implements; knows no Lambda, HTTP or REST-client types.
 */
package io.megalogout.logout;
