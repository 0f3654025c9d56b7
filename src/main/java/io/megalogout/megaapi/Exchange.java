package io.megalogout.megaapi;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.RestResponse;

import io.megalogout.error.MegaApiTimeoutException;
import io.megalogout.error.MegaApiUnavailableException;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.megaapi.connection.ClientGenerations;
import io.megalogout.megaapi.connection.InFlightRequest;
import io.megalogout.megaapi.connection.Lease;
import io.megalogout.megaapi.targets.Redaction;
import io.megalogout.megaapi.targets.Target;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Vertx;

/**
 * One HTTP exchange with Mega-API, a logout or a status read: sends the request once, on a client of
 * {@link ClientGenerations} (a kept connection only while it is recent), and reads the answer, within the deadline and
 * the size limit. Failures on the wire become our errors here; a failure that happened before anything was
 * sent (connection refused, unknown host) is marked retryable, since Mega-API cannot have acted on it, and so is any
 * failure of a request that may be repeated ({@link Call}).
 */
@ApplicationScoped
class Exchange {

    private final ClientGenerations clients;
    private final Vertx vertx;
    private final Redaction tokens;
    private final int maxBody;

    Exchange(ClientGenerations clients, Vertx vertx, Redaction tokens, MegaApiConfig config) {
        this.clients = clients;
        this.vertx = vertx;
        this.tokens = tokens;
        this.maxBody = config.maxResponseBytes();
    }

    UpstreamAnswer send(Call call, InstanceKey key, Deadline deadline, Target target) {
        Duration budget = deadline.remaining();
        if (budget.isNegative() || budget.isZero()) {
            throw new MegaApiTimeoutException(key.value(),
                    call.what("no time was left before the deadline; nothing was sent"));
        }
        try (Lease client = clients.lease();
                InFlightRequest.Handle request = InFlightRequest.track()) {
            RestResponse<InputStream> response;
            try {
                response = call.send(client, target.baseUrl(), key.value(), target.token().authorization())
                        .ifNoItem().after(budget).fail()
                        .await().indefinitely();
            } catch (RuntimeException e) {
                throw beforeTheAnswer(call, key, e, deadline, target.host());
            }
            return read(call, key, response, request, deadline);
        }
    }

    /** Reads status, headers and at most {@code maxBody + 1} bytes, resetting the request if the deadline passes. */
    private UpstreamAnswer read(Call call, InstanceKey key, RestResponse<InputStream> response,
            InFlightRequest.Handle request, Deadline deadline) {
        Optional<String> contentType = Optional.ofNullable(response.getHeaderString(HttpHeaders.CONTENT_TYPE));
        Optional<String> retryAfter = Optional.ofNullable(response.getHeaderString(HttpHeaders.RETRY_AFTER));
        long timer = vertx.setTimer(Math.max(1, deadline.remaining().toMillis()), id -> request.reset());
        try (InputStream body = response.getEntity()) {
            if (response.getLength() > maxBody) {
                request.reset();
                return new UpstreamAnswer(response.getStatus(), contentType, retryAfter, new byte[0], true);
            }
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(maxBody + 1);
            if (request.wasReset()) {
                // The deadline cut the body; the stream may report that as an early end rather than an error.
                throw deadlinePassed(call, key, response);
            }
            boolean truncated = bytes.length > maxBody;
            if (!truncated && response.getLength() > bytes.length) {
                throw afterSending(call, key, "the connection closed after " + bytes.length + " of the "
                        + response.getLength() + " bytes of the answer (HTTP " + response.getStatus() + ")", null, null,
                        deadline);
            }
            if (truncated) {
                // The rest is not wanted: close the connection instead of draining it.
                request.reset();
            }
            return new UpstreamAnswer(response.getStatus(), contentType, retryAfter,
                    truncated ? Arrays.copyOf(bytes, maxBody) : bytes, truncated);
        } catch (IOException e) {
            if (request.wasReset() || deadline.hasPassed()) {
                throw deadlinePassed(call, key, response);
            }
            throw afterSending(call, key, "the connection failed while the answer (HTTP " + response.getStatus()
                    + ") was arriving", describe(e), null, deadline);
        } finally {
            vertx.cancelTimer(timer);
        }
    }

    private static MegaApiTimeoutException deadlinePassed(Call call, InstanceKey key, RestResponse<?> response) {
        return new MegaApiTimeoutException(key.value(), call.afterArriving("the deadline passed while the answer (HTTP "
                + response.getStatus() + ") was still arriving"));
    }

    /** Maps a failure that came before the answer's headers; the log line names the host, the caller is not told. */
    private RuntimeException beforeTheAnswer(Call call, InstanceKey key, Throwable failure, Deadline deadline,
            String host) {
        String wire = host + ": " + describe(failure);
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            return call.mayRetry(new MegaApiTimeoutException(key.value(),
                    call.afterArriving("no answer before the deadline")), deadline);
        }
        if (has(failure, ConnectTimeoutException.class)) {
            return call.mayRetry(new MegaApiTimeoutException(key.value(),
                    call.what("could not connect within megaapi.connect-timeout-ms; nothing was sent"), wire),
                    deadline);
        }
        if (has(failure, TimeoutException.class)) {
            return call.mayRetry(new MegaApiTimeoutException(key.value(),
                    call.afterArriving("no data within megaapi.read-timeout-ms")), deadline);
        }
        if (has(failure, UnknownHostException.class) || has(failure, ConnectException.class)) {
            String what = has(failure, UnknownHostException.class) ? "its host name could not be resolved"
                    : "could not connect to it";
            return RetryableFailure.retryIfFits(new MegaApiUnavailableException(key.value(),
                    call.what(what + "; nothing was sent"), wire, failure), Optional.empty(), deadline);
        }
        if (has(failure, SSLException.class)) {
            return new MegaApiUnavailableException(key.value(), call.what("the TLS handshake failed; nothing was sent"),
                    wire + "; check that the instance's base URL is Mega-API's https host", failure);
        }
        return afterSending(call, key, "the connection failed", wire, failure, deadline);
    }

    /**
     * @param what what failed, for the caller
     * @param wire what the wire said, for the log line only; null when {@code what} says it all
     */
    private static RuntimeException afterSending(Call call, InstanceKey key, String what, String wire,
            Throwable cause, Deadline deadline) {
        return call.mayRetry(new MegaApiUnavailableException(key.value(), call.afterSending(what), wire, cause),
                deadline);
    }

    private static boolean has(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What went wrong on the wire, from the innermost cause: connection refused, unknown host, reset... Holds addresses
     * and TLS details, so it is for the log line only.
     */
    private String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String detail = root.getMessage() == null ? "" : ": " + tokens.redact(root.getMessage());
        return root.getClass().getSimpleName() + detail;
    }
}
