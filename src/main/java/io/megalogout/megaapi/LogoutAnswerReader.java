package io.megalogout.megaapi;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.megalogout.error.MegaApiContractException;
import io.megalogout.error.MegaApiRejectedException;
import io.megalogout.error.MegaApiUnavailableException;
import io.megalogout.error.UnknownInstanceException;
import io.megalogout.logout.InstanceKey;

/**
 * Turns Mega-API's status and body into a {@link LogoutResponse} or one of our errors. The only place that knows what
 * Mega-API's statuses mean.
 */
@Singleton
class LogoutAnswerReader {

    /** Upstream text we quote in a message is cut here: it is for a human, not a transcript. */
    static final int MAX_QUOTED_MESSAGE = 200;

    /**
     * Our own, strict mapper: a duplicate field makes an answer ambiguous, and data after the object would make the body
     * we pass on something other than the JSON we checked. Neither is the contract.
     */
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private final BearerToken token;

    LogoutAnswerReader(MegaApiConfig config) {
        this.token = config.token();
    }

    LogoutResponse read(InstanceKey key, int status, String body) {
        if (status >= 200 && status < 300) {
            return contractAnswer(key, status, body);
        }
        String message = upstreamMessage(body);
        if (status == 401 || status == 403) {
            throw new MegaApiRejectedException(key.value(), status, message);
        }
        if (status == 404) {
            throw new UnknownInstanceException(key.value(), status, message);
        }
        if (status >= 500 || status == 429) {
            throw new MegaApiUnavailableException(key.value(), status, message);
        }
        if (status >= 300 && status < 400) {
            throw new MegaApiContractException(key.value(), status, "a redirect, which is never followed");
        }
        throw new MegaApiContractException(key.value(), status,
                message == null ? "a status the contract does not describe" : "upstream said " + message);
    }

    private LogoutResponse contractAnswer(InstanceKey key, int status, String body) {
        JsonNode answer = parse(body);
        if (answer == null) {
            throw new MegaApiContractException(key.value(), status, "the body is not JSON");
        }
        JsonNode error = answer.get("error");
        JsonNode message = answer.get("message");
        if (!answer.isObject() || error == null || !error.isBoolean() || message == null || !message.isTextual()) {
            throw new MegaApiContractException(key.value(), status,
                    "the body is not an object with a boolean 'error' and a string 'message'");
        }
        if (!token.redact(body).equals(body)) {
            throw new MegaApiContractException(key.value(), status, "the body contains the token, so it is not passed on");
        }
        return new LogoutResponse(status, error.booleanValue(), message.textValue(), body);
    }

    /** The {@code message} of an error answer, when it has one, made safe to quote. */
    private String upstreamMessage(String body) {
        JsonNode answer = parse(body);
        JsonNode message = answer == null ? null : answer.get("message");
        if (message == null || !message.isTextual()) {
            return null;
        }
        String text = token.redact(message.textValue()).replaceAll("\\p{Cntrl}", " ").strip();
        return text.length() <= MAX_QUOTED_MESSAGE ? text : text.substring(0, MAX_QUOTED_MESSAGE) + "...";
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }
}
