package io.megalogout.megaapi.connection;

import io.quarkus.arc.Arc;

/**
 * For tests in the running application: drops the Mega-API connections it keeps ({@link ClientGenerations}), as a
 * pause longer than {@code megaapi.connection-reuse-ms} would, so that the next request opens a new connection, which
 * the TcpGate's faults apply to.
 */
public final class KeptConnections {

    private KeptConnections() {
    }

    public static void drop() {
        Arc.container().instance(ClientGenerations.class).get().retireCurrent();
    }

    /** How many clients, each with connections of its own, the application has made so far. */
    public static long clientsMade() {
        return Arc.container().instance(ClientGenerations.class).get().made();
    }
}
