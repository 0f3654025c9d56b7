package io.megalogout.megaapi.connection;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How long Mega-API connections may be kept. The client's other settings are {@code quarkus.rest-client.megaapi.*},
 * which {@code application.properties} feeds from the rest of {@code megaapi.*}.
 */
@ConfigMapping(prefix = "megaapi")
public interface ConnectionConfig {

    /**
     * Milliseconds for which one set of connections may be reused, from the moment the first of them could be opened
     * ({@link ClientGenerations}): a burst of requests within it shares its connections (one TCP and TLS handshake per
     * connection, not per request); after it, and after any freeze that outlasts it, the next request opens new ones.
     * Keep it well under the shortest idle timeout of a server on the way (5 s for Apache httpd and Node.js): at most
     * {@value ClientGenerations#MAX_REUSE_MS}. {@code 0}: a new connection for every request.
     */
    @WithDefault("2000")
    long connectionReuseMs();
}
