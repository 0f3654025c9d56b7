package io.megalogout.logout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.error.InvalidEventException;
import io.megalogout.json.StrictJson;

/**
 * Parses the raw event bytes ourselves, so that any malformed event ends in {@link InvalidEventException} and never in
 * a Jackson or cast exception. Strict: valid UTF-8, one JSON object, no duplicate fields, nothing after it.
 */
@Singleton
class LogoutEventReader {

    LogoutEvent read(InputStream event) {
        JsonNode root;
        try {
            root = StrictJson.MAPPER.readTree(utf8(event));
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

    /** The event as text, decoded strictly: see {@link StrictJson#utf8}. */
    private static String utf8(InputStream event) {
        try {
            return StrictJson.utf8(event.readAllBytes())
                    .orElseThrow(() -> new InvalidEventException("it is not valid UTF-8"));
        } catch (IOException e) {
            throw new UncheckedIOException("the event could not be read", e);
        }
    }
}
