package io.megalogout.logout;

import java.time.Duration;

/**
 * Mega-API as the use case needs it: one logout of one valid key, answered or failed with our errors before the
 * deadline. Implemented by the Mega-API client ({@code megaapi.MegaApi}), so that this package depends on nothing of it.
 */
public interface Upstream {

    LogoutAnswer logout(InstanceKey key, Deadline deadline);

    /** The most one logout may take, every attempt and wait included ({@code megaapi.logout-timeout-ms}). */
    Duration timeout();

    /** Whether logouts are refused without a request for now, because Mega-API failed repeatedly just before. */
    boolean paused();
}
