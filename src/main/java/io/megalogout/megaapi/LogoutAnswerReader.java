package io.megalogout.megaapi;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
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
import io.megalogout.logout.LogoutAnswer;

/**
 * Turns Mega-API's status and body into a {@link LogoutAnswer} or one of our errors. The only place that knows what
 * Mega-API's statuses mean.
 */
@Singleton
class LogoutAnswerReader {

    /** Upstream text we quote in a message is cut here: it is for a human, not a transcript. */
    static final int MAX_QUOTED_MESSAGE = 200;

    private final MegaApiToken tokens;
    private final int maxBody;

    LogoutAnswerReader(MegaApiToken tokens, MegaApiConfig config) {
        this.tokens = tokens;
        this.maxBody = config.maxResponseBytes();
    }

    LogoutAnswer read(InstanceKey key, UpstreamAnswer answer, Deadline deadline) {
        int status = answer.status();
        if (answer.isSuccess()) {
            return contractAnswer(key, answer);
        }
        String message = upstreamMessage(answer);
        if (status == 401 || status == 403) {
            throw new MegaApiRejectedException(key.value(), status, message);
        }
        if (status == 404) {
            throw new UnknownInstanceException(key.value(), status, message);
        }
        if (status == 503 || status == 429) {
            MegaApiUnavailableException busy = new MegaApiUnavailableException(key.value(), status, message);
            Optional<Duration> wait = answer.retryAfter().flatMap(header -> RetryAfter.parse(header, Instant.now()));
            throw wait.isPresent() ? RetryableFailure.retryIfFits(busy, wait, deadline) : busy;
        }
        if (status >= 500) {
            throw new MegaApiUnavailableException(key.value(), status, message);
        }
        if (status >= 300 && status < 400) {
            throw new MegaApiContractException(key.value(), status, "a redirect, which is never followed");
        }
        throw new MegaApiContractException(key.value(), status,
                message == null ? "a status the contract does not describe" : "upstream said " + message);
    }

    private LogoutAnswer contractAnswer(InstanceKey key, UpstreamAnswer answer) {
        int status = answer.status();
        if (answer.truncated()) {
            throw new MegaApiContractException(key.value(), status,
                    "the body is larger than megaapi.max-response-bytes (" + maxBody + " bytes)");
        }
        if (!answer.contentType().map(LogoutAnswerReader::isJson).orElse(false)) {
            throw new MegaApiContractException(key.value(), status, "the Content-Type is "
                    + answer.contentType().map(type -> "'" + quotable(type) + "'").orElse("missing")
                    + ", not application/json");
        }
        String body = answer.strictText().orElseThrow(
                () -> new MegaApiContractException(key.value(), status, "the body is not valid UTF-8"));
        JsonNode json = parse(body);
        if (json == null) {
            throw new MegaApiContractException(key.value(), status, "the body is not JSON");
        }
        JsonNode error = json.get("error");
        JsonNode message = json.get("message");
        if (!json.isObject() || error == null || !error.isBoolean() || message == null || !message.isTextual()) {
            throw new MegaApiContractException(key.value(), status,
                    "the body is not an object with a boolean 'error' and a string 'message'");
        }
        if (!tokens.redact(body).equals(body)) {
            throw new MegaApiContractException(key.value(), status, "the body contains the token, so it is not passed on");
        }
        return new LogoutAnswer(status, error.booleanValue(), message.textValue(), body);
    }

    /** {@code application/json}, or a {@code +json} type, with any parameters. */
    private static boolean isJson(String contentType) {
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The {@code message} of an error answer, when it has one, made safe to quote. */
    private String upstreamMessage(UpstreamAnswer answer) {
        JsonNode json = parse(answer.lenientText());
        JsonNode message = json == null ? null : json.get("message");
        return message == null || !message.isTextual() ? null : quotable(message.textValue());
    }

    /** Upstream text made safe to quote: no token, no control characters, bounded. */
    private String quotable(String text) {
        String safe = tokens.redact(text).replaceAll("\\p{Cntrl}", " ").strip();
        return safe.length() <= MAX_QUOTED_MESSAGE ? safe : safe.substring(0, MAX_QUOTED_MESSAGE) + "...";
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return StrictJson.MAPPER.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
