package io.megalogout.megaapi;

import java.io.InputStream;
import java.util.Optional;

import org.jboss.resteasy.reactive.RestResponse;

import io.megalogout.error.LogoutFailure;
import io.megalogout.logout.Deadline;
import io.megalogout.megaapi.connection.Lease;

import io.smallrye.mutiny.Uni;

/**
 * The two requests this client sends, and what follows from each for messages and retries. A logout is destructive: one
 * that may have reached Mega-API is never sent again. A status read is a {@code GET} that changes nothing, so it may be
 * sent again after any failure on Mega-API's side, as long as an attempt still fits before the deadline.
 */
enum Call {

    LOGOUT(null, "the logout may or may not have happened", false) {
        @Override
        Uni<RestResponse<InputStream>> send(Lease client, String baseUrl, String instanceKey,
                String authorization) {
            return client.logout(baseUrl, instanceKey, authorization);
        }
    },
    STATUS("status read", null, true) {
        @Override
        Uni<RestResponse<InputStream>> send(Lease client, String baseUrl, String instanceKey,
                String authorization) {
            return client.status(baseUrl, instanceKey, authorization);
        }
    };

    /** How messages name the request; none for the logout, whose messages are older than the status read. */
    private final String label;
    /** What it means when the request may have reached Mega-API; null when nothing follows from it. */
    private final String ifItArrived;
    private final boolean repeatable;

    Call(String label, String ifItArrived, boolean repeatable) {
        this.label = label;
        this.ifItArrived = ifItArrived;
        this.repeatable = repeatable;
    }

    abstract Uni<RestResponse<InputStream>> send(Lease client, String baseUrl, String instanceKey,
            String authorization);

    /** The request's name for an error's message, e.g. {@code "status read"}; null for the logout. */
    String label() {
        return label;
    }

    /** {@code what} happened to this request, for a message: prefixed with the request's name, if it has one. */
    String what(String what) {
        return label == null ? what : label + ": " + what;
    }

    /** {@code what} happened after the request may have reached Mega-API, for a message, with what that means. */
    String afterArriving(String what) {
        return what(ifItArrived == null ? what : what + "; " + ifItArrived);
    }

    /** Like {@link #afterArriving}, when the request may not even have been sent whole. */
    String afterSending(String what) {
        return what(ifItArrived == null ? what : what + "; the request may have been sent, so " + ifItArrived);
    }

    /** What a log line about this request adds after the instance key: nothing for the logout. */
    String logField() {
        return label == null ? "" : " request=" + name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A failure on Mega-API's side after the request may have reached it: retried when this request may be repeated and
     * an attempt still fits before the deadline.
     */
    RuntimeException mayRetry(LogoutFailure failure, Deadline deadline) {
        return repeatable ? RetryableFailure.retryIfFits(failure, Optional.empty(), deadline) : failure;
    }
}
