package io.megalogout.http;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * Every request gets an id for its log line, echoed in the response: the caller's {@code X-Request-Id} when it is sane
 * (so that it cannot forge or flood log lines), a new UUID otherwise.
 */
final class RequestIds {

    static final String HEADER = "X-Request-Id";
    private static final String KEY = RequestIds.class.getName();
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** The request's id: assigned by the filter below before anything else runs, or now if it did not run. */
    static String of(RoutingContext request) {
        String id = request.get(KEY);
        if (id == null) {
            String given = request.request().getHeader(HEADER);
            id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
            request.put(KEY, id);
        }
        return id;
    }

    @ServerRequestFilter(preMatching = true)
    void assign(RoutingContext request) {
        of(request);
    }

    @ServerResponseFilter
    void echo(ContainerResponseContext response, RoutingContext request) {
        response.getHeaders().putSingle(HEADER, of(request));
    }
}
