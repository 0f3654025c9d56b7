package io.megalogout.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a body over {@code quarkus.http.limits.max-body-size} as a 413 problem. Quarkus enforces that limit itself,
 * before any of our code, with a bare 413 and no way to shape it; this route runs just before Quarkus' and answers the
 * usual case, a declared {@code Content-Length} over the limit, the way every other failure is answered. (A chunked body
 * over the limit still gets Quarkus' bare 413.) Nothing is read and nothing is sent.
 */
@Singleton
class BodyLimit {

    private final ObjectMapper json;
    private final long maxBytes;

    BodyLimit(ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize max) {
        this.json = json;
        this.maxBytes = max.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext request) {
        String declared = request.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || !declared.matches("\\d{1,18}") || Long.parseLong(declared) <= maxBytes) {
            request.next();
            return;
        }
        Problem problem = new Problem(Problem.type("content-too-large"), "The body is too large", 413,
                "The body has " + declared + " bytes; at most " + maxBytes + " are read", null, null);
        try {
            request.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    // The body is not read: close rather than drain it.
                    .putHeader("Connection", "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            request.fail(e);
        }
    }
}
