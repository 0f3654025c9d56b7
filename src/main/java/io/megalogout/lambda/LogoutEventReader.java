package io.megalogout.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.megalogout.error.InvalidEventException;

/**
 * Parses the raw event bytes ourselves, so that any malformed event ends in {@link InvalidEventException} and never in
 * a Jackson or cast exception. Strict: one JSON object, no duplicate fields, nothing after it.
 */
@Singleton
class LogoutEventReader {

    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    LogoutEvent read(InputStream event) {
        JsonNode root;
        try {
            root = json.readTree(event);
        } catch (IOException e) {
            throw new InvalidEventException("it is not a single valid JSON document (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidEventException("it is empty");
        }
        if (!root.isObject()) {
            throw new InvalidEventException(
                    "it is a JSON " + root.getNodeType().name().toLowerCase(Locale.ROOT) + ", not an object");
        }
        JsonNode key = root.get("instanceKey");
        if (key == null || key.isNull()) {
            throw new InvalidEventException("it has no instanceKey");
        }
        if (!key.isTextual()) {
            throw new InvalidEventException(
                    "its instanceKey is a " + key.getNodeType().name().toLowerCase(Locale.ROOT) + ", not a string");
        }
        return new LogoutEvent(key.textValue());
    }
}
