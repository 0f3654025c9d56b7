package io.megalogout.logout.event;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How many keys one bulk event may list, which the reader enforces; how many of them run at once is the use case's
 * ({@code bulk.concurrency}, read beside the code that runs them).
 */
@ConfigMapping(prefix = "bulk")
public interface BulkLimitConfig {

    /** {@link #maxKeys()}'s default, which the HTTP door's OpenAPI document gives as a bulk's most keys. */
    int DEFAULT_MAX_KEYS = 100;

    /**
     * The most keys one bulk event may list, duplicates included; more is an invalid event, nothing sent. 100 keys of
     * the longest kind still fit the HTTP door's 16 KiB body, and at the default concurrency and a usual Mega-API
     * latency (50 to 500 ms) they finish in 1 to 7 s, well inside {@code megaapi.logout-timeout-ms}.
     */
    @WithDefault("" + DEFAULT_MAX_KEYS)
    int maxKeys();
}
