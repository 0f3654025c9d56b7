package io.megalogout.http;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * Every request gets the door's own id for its log lines (a new UUID: a caller cannot choose what the audit trail
 * calls its request). A caller's {@code X-Request-Id}, when it is sane (so that it cannot forge or flood log lines), is
 * kept beside it as {@code callerRequestId} and echoed; without one, the door's id is.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The door's id of the request: assigned by the filter below before anything else runs, or now if it did not run. */
    static String of(RoutingContext request) {
        String id = request.get(KEY);
        if (id == null) {
            id = UUID.randomUUID().toString();
            request.put(KEY, id);
        }
        return id;
    }

    /** The caller's own id for the request, when it sent a sane one. */
    static Optional<String> callers(RoutingContext request) {
        return Optional.ofNullable(request.request().getHeader(HEADER)).filter(id -> SANE.matcher(id).matches());
    }

    @ServerRequestFilter(preMatching = true)
    void assign(RoutingContext request) {
        of(request);
    }

    @ServerResponseFilter
    void echo(ContainerResponseContext response, RoutingContext request) {
        response.getHeaders().putSingle(HEADER, callers(request).orElseGet(() -> of(request)));
    }
}
