package io.megalogout.logout;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a confirmed logout polls the status after the logout ({@link ConfirmedLogout}). */
@ConfigMapping(prefix = "confirm")
interface ConfirmConfig {

    /** Milliseconds to wait before the first status read after the logout; the wait doubles before each next read. */
    @WithDefault("250")
    long pollInitialDelayMs();

    /** The longest wait between two status reads, in milliseconds. */
    @WithDefault("2000")
    long pollMaxDelayMs();

    /**
     * The least time, in milliseconds, that must be left before the deadline for one more status read (or the longest
     * read so far, if longer): the poll stops when its next read could not finish in time.
     */
    @WithDefault("500")
    long pollMinReadMs();
}
