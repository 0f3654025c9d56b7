package io.megalogout.megaapi.targets;

import java.time.Duration;

/** Where the Mega-API token comes from: the configuration ({@link ConfiguredToken}) or a secret ({@link SecretToken}). */
sealed interface TokenSource permits ConfiguredToken, SecretToken {

    /**
     * The token as the source holds it now, read within {@code budget}; no cache of ours in between.
     *
     * @throws TokenReadException saying from where and why, never a value
     */
    BearerToken read(Duration budget);

    /** The source, for messages and log lines: {@code megaapi.token} or {@code secret '<id>'}. */
    String name();
}
