package io.megalogout.logout;

import java.time.Duration;

/**
 * Mega-API as the use case needs it: one logout, or one status read, of one valid key, answered or failed with our
 * errors before the deadline. Implemented by the Mega-API client ({@code megaapi.MegaApi}), so that this package depends
 * on nothing of it.
 */
public interface Upstream {

    LogoutAnswer logout(InstanceKey key, Deadline deadline);

    /** Reads the instance's status ({@code GET}), which changes nothing on Mega-API's side. */
    InstanceStatus status(InstanceKey key, Deadline deadline);

    /** The request {@link #logout} sends for {@code key}, as a dry run describes it: {@code DELETE <url>}. */
    String logoutRequest(InstanceKey key);

    /** The most one logout may take, every attempt and wait included ({@code megaapi.logout-timeout-ms}). */
    Duration timeout();

    /** Whether logouts are refused without a request for now, because Mega-API failed repeatedly just before. */
    boolean paused();

    /** Whether status reads are refused without a request for now (their own circuit breaker is open). */
    boolean statusReadsPaused();
}
