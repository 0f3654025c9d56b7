package io.megalogout.megaapi.connection;

import java.time.Duration;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

import io.quarkus.rest.client.reactive.runtime.RestClientCDIDelegateBuilder;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * The Mega-API clients requests go through, so that a burst of requests reuses its connections and nothing is ever
 * written into a connection that may have died unseen. Each client (a "generation", with its own connection pool) is
 * handed out only within {@code megaapi.connection-reuse-ms} of the moment it was made, by the monotonic clock and by
 * the wall clock alike; after that the next request gets a new client, and so new connections, and the old one is
 * closed once its last request is over. So no connection is ever used past that age, however long it sat idle, and
 * a freeze (Lambda between invocations, SIGSTOP) that outlasts the window never hands out a connection from before it.
 * A SnapStart checkpoint and restore close the current client outright (CRaC hooks).
 * <p>
 * Why our own: Vert.x 4.5's pool hands out a pooled connection whatever its age (its keep-alive timeout is enforced by
 * a timer, which does not run while the process is frozen, in whole seconds), and the injected REST client offers no
 * way to drop its pooled connections. A client is built from the same {@code quarkus.rest-client.megaapi.*} settings
 * the injected one would have. {@code megaapi.connection-reuse-ms=0}: one client for good, whose requests ask for their
 * connection to be closed after the answer ({@code Connection: close}), so nothing is ever kept: making a client costs
 * milliseconds, too much for every request.
 */
@ApplicationScoped
public class ClientGenerations implements Resource {

    /** Under the shortest keep-alive idle timeout in common use (5 s: Apache httpd, Node.js), with a margin. */
    static final long MAX_REUSE_MS = 4000;
    private static final String REUSE = "megaapi.connection-reuse-ms";
    private static final Logger LOG = Logger.getLogger(ClientGenerations.class);

    private final Supplier<MegaApiClient> clients;
    /** 0: no window; every request asks for its connection to be closed, and the one client is never renewed. */
    private final long windowNanos;
    private final LongSupplier nanoClock;
    private final LongSupplier wallClock;
    private ClientGeneration current;
    private long made;

    @Inject
    ClientGenerations(ConnectionConfig config) {
        this(() -> RestClientCDIDelegateBuilder.createDelegate(MegaApiClient.class, null, "megaapi"),
                window(config.connectionReuseMs()), System::nanoTime, System::currentTimeMillis);
    }

    /**
     * {@code megaapi.connection-reuse-ms} as a window, from 0 to {@value #MAX_REUSE_MS}.
     *
     * @throws ConfigurationException naming the property, for a window a server may outlast
     */
    static Duration window(long reuseMs) {
        if (reuseMs < 0 || reuseMs > MAX_REUSE_MS) {
            throw new ConfigurationException(REUSE + " must be from 0 (a new connection for every request) to "
                    + MAX_REUSE_MS + ": a connection kept longer may meet a server that closed it", Set.of(REUSE));
        }
        return Duration.ofMillis(reuseMs);
    }

    ClientGenerations(Supplier<MegaApiClient> clients, Duration window, LongSupplier nanoClock, LongSupplier wallClock) {
        this.clients = clients;
        this.windowNanos = window.toNanos();
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        // Weakly held by the global context; this bean lives as long as the application.
        Core.getGlobalContext().register(this);
    }

    /**
     * Makes the first client at start-up, so that {@code quarkus.rest-client.megaapi.*} settings it cannot be made from
     * (a trust store that is not there, say) stop start-up instead of failing the first logout.
     */
    void onStart(@Observes StartupEvent started) {
        try {
            lease().close();
        } catch (RuntimeException e) {
            throw new ConfigurationException("quarkus.rest-client.megaapi.*: the Mega-API client cannot be made from "
                    + "these settings (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** A client for one request: close the lease when the answer has been read (or abandoned). */
    public synchronized Lease lease() {
        if (current == null || !fresh(current)) {
            retireCurrent();
            long making = System.nanoTime();
            MegaApiClient client = clients.get();
            current = new ClientGeneration(client, ++made, nanoClock.getAsLong(), wallClock.getAsLong());
            LOG.debugf("Mega-API client generation %d made in %d µs", current.number,
                    (System.nanoTime() - making) / 1000);
        }
        current.leased();
        return new Lease(current, windowNanos == 0 ? "close" : null, this::release);
    }

    /** How many clients were made so far: each one opened its own connections. */
    synchronized long made() {
        return made;
    }

    /** Closes the current client once its requests are over; the next request gets a new one. */
    synchronized void retireCurrent() {
        if (current != null) {
            current.retire();
            current = null;
        }
    }

    @PreDestroy
    void close() {
        retireCurrent();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // No open connection in the snapshot: it would be dead, or shared by every copy, when restored.
        retireCurrent();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        retireCurrent();
    }

    private boolean fresh(ClientGeneration generation) {
        return generation.fresh(windowNanos, nanoClock.getAsLong(), wallClock.getAsLong());
    }

    /** A lease is over: closes its client if it was the last request on a client that is too old to hand out. */
    private synchronized void release(ClientGeneration generation) {
        generation.released();
        if (generation == current && !fresh(generation)) {
            retireCurrent();
        } else {
            // Retired already (another request found it too old, or a checkpoint): closed once the last is over.
            generation.closeIfDone();
        }
    }
}
