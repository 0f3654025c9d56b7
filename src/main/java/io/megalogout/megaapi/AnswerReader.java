package io.megalogout.megaapi;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.error.MegaApiContractException;
import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.error.MegaApiUnavailableException;
import io.megalogout.error.UnknownInstanceException;
import io.megalogout.json.StrictJson;
import io.megalogout.logout.Deadline;
import io.megalogout.logout.InstanceKey;
import io.megalogout.logout.InstanceStatus;
import io.megalogout.logout.LogoutAnswer;
import io.megalogout.megaapi.targets.Redaction;

/**
 * Turns Mega-API's status and body into a {@link LogoutAnswer} or an {@link InstanceStatus}, or one of our errors. The
 * only place that knows what Mega-API's statuses mean; both requests share them, and differ only in the 2xx body each
 * must have.
 */
@Singleton
class AnswerReader {

    private final Redaction tokens;
    private final SafeText safe;
    private final int maxBody;

    AnswerReader(Redaction tokens, SafeText safe, MegaApiConfig config) {
        this.tokens = tokens;
        this.safe = safe;
        this.maxBody = config.maxResponseBytes();
    }

    /** A logout's answer: {@code {"error": boolean, "message": string}}, extra fields kept. */
    LogoutAnswer logout(InstanceKey key, UpstreamAnswer answer, Deadline deadline) {
        Body body = contractBody(Call.LOGOUT, key, answer, deadline);
        JsonNode json = body.json();
        JsonNode error = json.get("error");
        JsonNode message = json.get("message");
        if (!json.isObject() || error == null || !error.isBoolean() || message == null || !message.isTextual()) {
            throw new MegaApiContractException(key.value(), answer.status(),
                    "the body is not an object with a boolean 'error' and a string 'message'");
        }
        return new LogoutAnswer(answer.status(), error.booleanValue(), message.textValue(), body.text());
    }

    /**
     * A status read's answer: {@code {"error": false, "instance": {"status": string, ...}}}, anything else kept. An
     * answer with {@code "error": true} reports no status, so it is outside the contract too.
     */
    InstanceStatus status(InstanceKey key, UpstreamAnswer answer, Deadline deadline) {
        Body body = contractBody(Call.STATUS, key, answer, deadline);
        JsonNode json = body.json();
        JsonNode error = json.get("error");
        JsonNode status = json.path("instance").get("status");
        if (!json.isObject() || error == null || !error.isBoolean() || !json.path("instance").isObject() || status == null
                || !status.isTextual()) {
            throw new MegaApiContractException(key.value(), answer.status(), Call.STATUS.what(
                    "the body is not an object with a boolean 'error' and an object 'instance' with a string 'status'"));
        }
        if (error.booleanValue()) {
            String message = safe.messageOf(body.text());
            throw new MegaApiContractException(key.value(), answer.status(),
                    Call.STATUS.what("it says \"error\": true" + (message == null ? "" : " (" + message + ")")));
        }
        return new InstanceStatus(answer.status(), status.textValue(), StrictJson.memberText(body.text(), "instance")
                .orElseThrow(() -> new IllegalStateException("'instance' was read as an object, but its text was not")));
    }

    /** The body of a 2xx answer that is JSON within the limits, as text and as read. */
    private record Body(String text, JsonNode json) {
    }

    /** The body of a 2xx answer that is JSON within the limits; any other status is its error here. */
    private Body contractBody(Call call, InstanceKey key, UpstreamAnswer answer, Deadline deadline) {
        if (!answer.isSuccess()) {
            throw failed(call, key, answer, deadline);
        }
        int status = answer.status();
        if (answer.truncated()) {
            throw new MegaApiContractException(key.value(), status,
                    call.what("the body is larger than megaapi.max-response-bytes (" + maxBody + " bytes)"));
        }
        if (!answer.isJson()) {
            throw new MegaApiContractException(key.value(), status, call.what("the Content-Type is "
                    + answer.contentType().map(type -> "'" + safe.of(type) + "'").orElse("missing")
                    + ", not application/json"));
        }
        String body = answer.strictText().orElseThrow(
                () -> new MegaApiContractException(key.value(), status, call.what("the body is not valid UTF-8")));
        JsonNode json = StrictJson.tree(body).orElseThrow(
                () -> new MegaApiContractException(key.value(), status, call.what("the body is not JSON")));
        if (!tokens.redact(body).equals(body)) {
            throw new MegaApiContractException(key.value(), status,
                    call.what("the body contains the token, so it is not passed on"));
        }
        return new Body(body, json);
    }

    /** Every status but 2xx, as our error. */
    private RuntimeException failed(Call call, InstanceKey key, UpstreamAnswer answer, Deadline deadline) {
        int status = answer.status();
        String message = safe.messageOf(answer.lenientText());
        if (status == 401 || status == 403) {
            return new MegaApiRejectedException(key.value(), call.label(), status, message);
        }
        if (status == 404) {
            return new UnknownInstanceException(key.value(), call.label(), status, message);
        }
        if (status == 503 || status == 429) {
            MegaApiUnavailableException busy = new MegaApiUnavailableException(key.value(), call.label(), status, message);
            Optional<Duration> wait = answer.retryAfter().flatMap(header -> RetryAfter.parse(header, Instant.now()));
            // Mega-API said when: never sooner. A 429 without a wait asks for fewer requests: not at once either.
            return wait.isPresent() ? RetryableFailure.retryIfFits(busy, wait, deadline)
                    : status == 429 ? busy : call.mayRetry(busy, deadline);
        }
        if (status >= 500) {
            return call.mayRetry(new MegaApiUnavailableException(key.value(), call.label(), status, message), deadline);
        }
        if (status >= 300 && status < 400) {
            return new MegaApiContractException(key.value(), status, call.what("a redirect, which is never followed"));
        }
        return new MegaApiContractException(key.value(), status,
                call.what(message == null ? "a status the contract does not describe" : "upstream said " + message));
    }
}
