package io.megalogout.http;

import java.util.Locale;

import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.megalogout.error.InstanceNotAllowedException;
import io.megalogout.error.InstanceNotConfiguredException;
import io.megalogout.error.InvalidEventException;
import io.megalogout.error.InvalidInstanceKeyException;
import io.megalogout.error.LogoutFailure;
import io.megalogout.error.LogoutNotConfirmedException;
import io.megalogout.error.MegaApiCircuitOpenException;
import io.megalogout.error.MegaApiContractException;
import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.error.MegaApiTimeoutException;
import io.megalogout.error.MegaApiTokenUnavailableException;
import io.megalogout.error.MegaApiUnavailableException;
import io.megalogout.error.NotAuthenticatedException;
import io.megalogout.error.RateLimitedException;
import io.megalogout.error.TooManyLogoutsException;
import io.megalogout.error.UnknownInstanceException;
import io.megalogout.logout.Logout;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;

import io.vertx.ext.web.RoutingContext;

/**
 * Every failure of the door as an {@code application/problem+json} answer: the one place that knows HTTP statuses. The
 * switch over our sealed errors is exhaustive, so a new error cannot reach callers without a status.
 */
class ProblemResponses {

    private final Logout logout;

    ProblemResponses(Logout logout) {
        this.logout = logout;
    }

    /** How long an overloaded door asks callers to wait: a few logouts' time. */
    static final int BUSY_RETRY_AFTER_SECONDS = 1;

    @ServerExceptionMapper
    RestResponse<Problem> logoutFailed(LogoutFailure failure) {
        RestResponse.ResponseBuilder<Problem> answer = switch (failure) {
            case InvalidEventException e -> problem(400, "invalid-event", "The body is not a logout event", e);
            case InvalidInstanceKeyException e -> problem(400, "invalid-instance-key", "The instance key is not valid", e);
            case UnknownInstanceException e -> problem(404, "unknown-instance", "Mega-API does not know the instance", e);
            // Not served by this deployment: for the caller, as final as an unknown instance (retrying will not help,
            // unlike after a 5xx); nothing was sent. The type tells it apart from Mega-API's own 404.
            case InstanceNotConfiguredException e ->
                problem(404, "instance-not-configured", "This deployment has no Mega-API settings for the instance", e);
            case MegaApiRejectedException e -> problem(502, "megaapi-rejected", "Mega-API rejected the service's token", e);
            case MegaApiUnavailableException e -> problem(502, "megaapi-unavailable", "Mega-API is unavailable", e);
            case MegaApiContractException e ->
                problem(502, "megaapi-contract", "Mega-API answered outside its contract", e);
            case MegaApiTimeoutException e -> problem(504, "megaapi-timeout", "Mega-API did not answer in time", e);
            case LogoutNotConfirmedException e ->
                problem(504, "logout-not-confirmed", "The logout was answered but not confirmed in time", e);
            case MegaApiTokenUnavailableException e ->
                problem(502, "megaapi-token-unavailable", "The service's Mega-API token could not be read", e);
            case MegaApiCircuitOpenException e -> problem(503, "megaapi-paused", "Calls to Mega-API are paused", e)
                    .header(HttpHeaders.RETRY_AFTER, MegaApiCircuitOpenException.seconds(e.pause()));
            case TooManyLogoutsException e -> problem(503, "too-many-logouts", "Too many logouts in flight", e)
                    .header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS);
            case InstanceNotAllowedException e ->
                problem(403, "forbidden-instance", "The caller may not act on this instance", e);
            // Without Retry-After when waiting would not help: a bulk of more keys than a minute holds.
            case RateLimitedException e -> problem(429, "rate-limited", "The caller's logouts per minute are used up", e)
                    .header(HttpHeaders.RETRY_AFTER, e.retryAfter()
                            .map(wait -> Math.max(1, MegaApiCircuitOpenException.seconds(wait))).orElse(null));
            case NotAuthenticatedException e -> problem(401, "unauthorized", "An API key is required", e)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        };
        return answer.build();
    }

    /**
     * No API key, another scheme, or a key this service does not accept: the same answer, nothing sent, and one line
     * with the client's address (never the presented key).
     */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    RestResponse<Problem> unauthorized(RoutingContext request) {
        return logoutFailed(logout.refused(Origins.unidentified(request), new NotAuthenticatedException()));
    }

    /** 404, 405, 406, 415 and the like from Quarkus REST. */
    @ServerExceptionMapper
    RestResponse<Problem> clientError(ClientErrorException error) {
        Response original = error.getResponse();
        int status = original.getStatus();
        String reason = original.getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 405 -> "Only POST is served here";
            case 415 -> "Send the event as 'Content-Type: application/json'";
            default -> reason;
        };
        RestResponse.ResponseBuilder<Problem> answer = answer(
                new Problem(Problem.type(slug(reason)), reason, status, detail, null, null));
        // The door's one route, POST /logout, is the only one a 405 can come from.
        return (error instanceof NotAllowedException ? answer.header(HttpHeaders.ALLOW, "POST") : answer).build();
    }

    private static RestResponse.ResponseBuilder<Problem> problem(int status, String name, String title,
            LogoutFailure failure) {
        return answer(new Problem(Problem.type(name), title, status, failure.getMessage(), failure.getClass().getName(),
                failure.instanceKey().orElse(null)));
    }

    private static RestResponse.ResponseBuilder<Problem> answer(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem> create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE);
    }

    private static String slug(String reason) {
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
