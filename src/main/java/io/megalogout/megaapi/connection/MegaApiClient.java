package io.megalogout.megaapi.connection;

import java.io.InputStream;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.rest.client.reactive.Url;

import io.smallrye.mutiny.Uni;

/**
 * Mega-API's logout and status endpoints, as their OpenAPI documents describe them. Package-private: requests go
 * through a {@link Lease}, never through a client of their own.
 * <p>
 * Each answer is a {@link Uni} so that waiting for it can be cut at the deadline (cancelling resets the request), and
 * its body an {@link InputStream} that streams from the connection, so that the exchange reads at most
 * {@code megaapi.max-response-bytes}. Every status comes back as an answer ({@code disable-default-mapper}) and is
 * mapped in one place, {@code megaapi.AnswerReader}.
 * <p>
 * Each call names its instance's base URL ({@link Url}): one set of {@code quarkus.rest-client.megaapi.*} settings
 * (timeouts, no redirects, TLS verification) for every host, and metrics labelled with the path template, never a host
 * or a key. Clients are made from those settings by {@link ClientGenerations}, which closes each one ({@link #close()})
 * once its connections are too old to reuse; {@code connection} is {@code close} when none may be kept, else null (no
 * header: HTTP/1.1 keeps the connection).
 */
@RegisterRestClient(configKey = "megaapi")
@RegisterProvider(InFlightRequest.class)
@Path("/rest/instance")
interface MegaApiClient extends AutoCloseable {

    /** The key is a path parameter: the client percent-encodes it, so it stays one segment whatever it holds. */
    @DELETE
    @Path("/{instanceKey}/logout")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<InputStream>> logout(@Url String baseUrl, @RestPath String instanceKey,
            @RestHeader("Authorization") String authorization, @RestHeader("Connection") String connection);

    /** The instance's connection status ("Status da Conexão"): a read, which changes nothing. */
    @GET
    @Path("/{instanceKey}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<RestResponse<InputStream>> status(@Url String baseUrl, @RestPath String instanceKey,
            @RestHeader("Authorization") String authorization, @RestHeader("Connection") String connection);

    /** Closes the client and its pooled connections; no checked exception. */
    @Override
    void close();
}
