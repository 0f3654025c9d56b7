package io.megalogout.megaapi.connection;

import java.io.InputStream;
import java.util.function.Consumer;

import org.jboss.resteasy.reactive.RestResponse;

import io.smallrye.mutiny.Uni;

/**
 * One request's use of a client generation: its one request, then {@link #close()}, after which the client may be
 * closed. The only way to Mega-API's endpoints from outside this package.
 */
public final class Lease implements AutoCloseable {

    /** Told once, at {@link #close()}: the request is over, the generation may close its client. */
    private final Consumer<ClientGeneration> release;
    private final ClientGeneration generation;
    /** {@code close} when no connection may be kept; null (no header: HTTP/1.1 keeps the connection) otherwise. */
    private final String connectionHeader;
    private boolean released;

    Lease(ClientGeneration generation, String connectionHeader, Consumer<ClientGeneration> release) {
        this.release = release;
        this.generation = generation;
        this.connectionHeader = connectionHeader;
    }

    /** {@code DELETE <baseUrl>/rest/instance/<key>/logout}, answered as it streams in. */
    public Uni<RestResponse<InputStream>> logout(String baseUrl, String instanceKey, String authorization) {
        return generation.client.logout(baseUrl, instanceKey, authorization, connectionHeader);
    }

    /** {@code GET <baseUrl>/rest/instance/<key>}, answered as it streams in. */
    public Uni<RestResponse<InputStream>> status(String baseUrl, String instanceKey, String authorization) {
        return generation.client.status(baseUrl, instanceKey, authorization, connectionHeader);
    }

    MegaApiClient client() {
        return generation.client;
    }

    String connectionHeader() {
        return connectionHeader;
    }

    @Override
    public void close() {
        if (!released) {
            released = true;
            release.accept(generation);
        }
    }
}
