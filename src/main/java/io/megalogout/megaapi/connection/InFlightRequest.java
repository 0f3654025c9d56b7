package io.megalogout.megaapi.connection;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;

import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;

import io.vertx.core.http.HttpClientRequest;

/**
 * The HTTP request of the attempt running on this thread, so that it can be reset once its answer is being read: a
 * deadline that passes while a body trickles in must end the exchange, not wait for it. (Before the answer's headers,
 * cancelling the client's {@code Uni} does that.)
 * <p>
 * The REST client runs its request filters on the thread that subscribes, which is the thread that called
 * {@link #track()}; the filter hands that call the request's context.
 */
public final class InFlightRequest implements ClientRequestFilter {

    private static final ThreadLocal<Handle> CURRENT = new ThreadLocal<>();

    /** Starts tracking the request the current thread is about to send. Close the handle when the exchange is over. */
    public static Handle track() {
        Handle handle = new Handle();
        CURRENT.set(handle);
        return handle;
    }

    @Override
    public void filter(ClientRequestContext context) {
        Handle handle = CURRENT.get();
        if (handle != null && context instanceof ResteasyReactiveClientRequestContext reactive) {
            handle.context.set(reactive);
        }
    }

    /** One tracked request. */
    public static final class Handle implements AutoCloseable {

        private final AtomicReference<ResteasyReactiveClientRequestContext> context = new AtomicReference<>();
        private final AtomicBoolean reset = new AtomicBoolean();

        /** Resets the request (for HTTP/1.1: closes its connection), so that a blocked read of its body fails at once. */
        public void reset() {
            ResteasyReactiveClientRequestContext tracked = context.get();
            HttpClientRequest request = tracked == null ? null : tracked.unwrap(HttpClientRequest.class);
            if (request != null) {
                reset.set(true);
                request.reset();
            }
        }

        /** Whether {@link #reset()} cut the request. */
        public boolean wasReset() {
            return reset.get();
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }
}
