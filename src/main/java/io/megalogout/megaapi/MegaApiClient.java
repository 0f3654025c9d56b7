package io.megalogout.megaapi;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

/**
 * Mega-API's logout endpoint, as its OpenAPI document describes it. Hidden behind {@link MegaApi}. Every status comes
 * back as a plain {@link Response} ({@code disable-default-mapper}), so that {@link LogoutAnswerReader} maps them all in
 * one place from the body as text, and a 2xx answer can be passed on exactly as sent.
 */
@RegisterRestClient(configKey = "megaapi")
@Path("/rest/instance")
interface MegaApiClient {

    /** The key is a path parameter: the client percent-encodes it, so it stays one segment whatever it holds. */
    @DELETE
    @Path("/{instanceKey}/logout")
    @Produces(MediaType.APPLICATION_JSON)
    Response logout(@RestPath String instanceKey, @RestHeader("Authorization") String authorization);
}
