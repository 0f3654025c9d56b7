package io.megalogout.http;

import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.jboss.resteasy.reactive.RestResponse;

import io.megalogout.error.LogoutFailure;
import io.megalogout.error.TooManyLogoutsException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.Logout;
import io.megalogout.logout.LogoutResult;
import io.megalogout.logout.Origin;
import io.megalogout.logout.event.LogoutEvent;

import io.quarkus.security.PermissionsAllowed;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;

import io.vertx.ext.web.RoutingContext;

/**
 * The HTTP door: {@code POST /logout} with the Lambda event as its body, answered as the Lambda answers (Mega-API's JSON
 * as sent, a dry run's or confirmed logout's answer, or a bulk's results). Only delegates: the body is read by the use
 * case, failures become problems in {@link ProblemResponses}. Who asks is the caller Quarkus Security authenticated
 * ({@link ApiKeyMechanism}); each key is checked against the caller's instances by the use case, asking the identity's
 * permissions ({@link Origins}). A request first takes the caller's share ({@link CallerShares}: a place and its keys'
 * logouts), then one of {@link LogoutSlots}' places, however many keys it has: a bulk's keys run
 * {@code bulk.concurrency} at once within it.
 */
@Path("/logout")
@PermissionsAllowed(InstancePermission.LOGOUT)
@SecurityScheme(securitySchemeName = LogoutResource.API_KEY, type = SecuritySchemeType.HTTP, scheme = "bearer", description = "A caller's API key: one of http.callers.<name>.api-keys, or of http.api-keys (the caller 'default')")
@SecurityRequirement(name = LogoutResource.API_KEY)
public class LogoutResource {

    static final String API_KEY = "apiKey";

    private final Logout logout;
    private final CallerShares shares;
    private final LogoutSlots slots;

    LogoutResource(Logout logout, CallerShares shares, LogoutSlots slots) {
        this.logout = logout;
        this.shares = shares;
        this.slots = slots;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log WhatsApp instances out of Mega-API, or see what a logout would do", description = "Plain"
            + " (neither dryRun nor confirm): sends exactly one DELETE /rest/instance/{instanceKey}/logout and answers"
            + " Mega-API's JSON byte for byte, \"error\": true included. dryRun: sends one GET /rest/instance/{instanceKey}"
            + " and never a DELETE. confirm: reads the status, sends the DELETE unless the instance is already"
            + " disconnected, then reads the status until it reads \"disconnected\" or time runs out. A bulk"
            + " (instanceKeys instead of instanceKey) does the same for each distinct key, a few at a time, and answers 200"
            + " with one result per key (207-style: each key's failure is in the body, not in the status).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenApiSchemas.LogoutRequest.class)))
    @APIResponse(responseCode = "200", description = "Plain: Mega-API's answer, as sent. dryRun: what a logout would send,"
            + " and the instance's status. confirm: the outcome, Mega-API's answer to the logout if one was sent, and the"
            + " last status read. A bulk: {\"results\": [...]}, one per distinct key in the order given, each that key's"
            + " answer or its error", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
                    OpenApiSchemas.MegaApiAnswer.class, OpenApiSchemas.DryRunAnswer.class,
                    OpenApiSchemas.ConfirmedAnswer.class, OpenApiSchemas.BulkAnswer.class })))
    @APIResponse(responseCode = "400", description = "The body is not a logout event, or its instanceKey is not valid (a bulk's invalid key is a result instead); nothing was sent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No API key, or one this service does not accept; nothing was sent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "forbidden-instance: the instance key is outside the caller's instances (a bulk's such key is a result instead); nothing was sent, neither a logout nor a status read. The same answer whether this deployment serves the instance or not", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Mega-API does not know the instance (unknown-instance); or this deployment has no host or token for it (instance-not-configured), and nothing was sent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "405", description = "Another method than POST", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The body is larger than the limit; nothing was sent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "The body is not application/json; nothing was sent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "rate-limited: the caller's logouts per minute (http.callers.<name>.logouts-per-minute) are used up, or a bulk asks for more than remain; each key counts one. Nothing was sent; see Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "Mega-API rejected the service's token, failed, or answered outside its contract; or the service's token could not be read from its secret", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Calls to Mega-API are paused (circuit breaker), or too many logouts are in flight (on this door, or of this caller's share, http.callers.<name>.max-concurrent); see Retry-After. Nothing was sent", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "504", description = "Mega-API did not answer in time, and the logout may or may not have happened; or (confirm) the logout was answered but the status did not read \"disconnected\" in time", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<RestResponse<String>> logout(byte[] body, RoutingContext request) {
        Origin origin = Origins.of(request, ((QuarkusHttpUser) request.user()).getSecurityIdentity());
        Deadline deadline = logout.deadlineFromNow();
        LogoutEvent event = logout.read(origin, new ByteArrayInputStream(body));
        CallerShares.Held share;
        try {
            share = shares.enter(origin.caller().name(), event.requests());
        } catch (LogoutFailure refused) {
            throw logout.refused(origin, refused);
        }
        CompletionStage<LogoutResult> run;
        try {
            run = slots.run(() -> logout.run(origin, event, deadline));
        } catch (RuntimeException failed) {
            share.close();
            throw failed;
        }
        // Given back when the logout ends, on the stage the slots returned: the stage answered below is cancelled when
        // the client goes away first, and a cancelled stage runs none of what was chained to it.
        // A request the door itself turned away sent nothing: its keys go back to the caller's minute.
        run.whenComplete((result, failure) -> {
            if (failure != null && cause(failure) instanceof BulkheadException) {
                share.unused();
            }
            share.close();
        });
        return run.handle((result, failure) -> {
            if (failure == null) {
                return RestResponse.ok(result.json());
            }
            Throwable cause = cause(failure);
            if (cause instanceof BulkheadException) {
                throw logout.refused(origin, new TooManyLogoutsException());
            }
            throw cause instanceof RuntimeException unchecked ? unchecked : new CompletionException(cause);
        });
    }

    private static Throwable cause(Throwable failure) {
        return failure instanceof CompletionException wrapped ? wrapped.getCause() : failure;
    }
}
