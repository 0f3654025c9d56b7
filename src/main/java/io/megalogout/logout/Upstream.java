package io.megalogout.logout;

import java.time.Duration;
import java.util.List;

/**
 * Mega-API as the use case needs it: one logout, or one status read, of one valid key, answered or failed with our
 * errors before the deadline. Implemented by the Mega-API client ({@code megaapi.MegaApi}), so that this package depends
 * on nothing of it.
 */
public interface Upstream {

    LogoutAnswer logout(InstanceKey key, Deadline deadline);

    /** Reads the instance's status ({@code GET}), which changes nothing on Mega-API's side. */
    InstanceStatus status(InstanceKey key, Deadline deadline);

    /**
     * The request {@link #logout} sends for {@code key}, as a dry run describes it: {@code DELETE <url>}. Found before
     * {@code deadline}, as a logout finds its host and token (which may mean reading a secret).
     */
    String logoutRequest(InstanceKey key, Deadline deadline);

    /** The most one logout may take, every attempt and wait included ({@code megaapi.logout-timeout-ms}). */
    Duration timeout();

    /**
     * Whether logouts to the default host are refused without a request for now, because it failed repeatedly just
     * before; false without a default host.
     */
    boolean paused();

    /** Whether status reads from the default host are refused without a request for now (their own breaker is open). */
    boolean statusReadsPaused();

    /** The circuit breakers open now, one per host and call, e.g. {@code megaapi-logout:https://host}: not secret. */
    List<String> pausedHosts();
}
