package io.megalogout.logout.event;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.error.InvalidEventException;
import io.megalogout.json.StrictJson;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Parses the raw event bytes ourselves, so that any malformed event ends in {@link InvalidEventException} and never in
 * a Jackson or cast exception. Strict: valid UTF-8, one JSON object, no duplicate fields, nothing after it. The opt-in
 * fields {@code dryRun} and {@code confirm} must be JSON booleans, not both true, and not misspelt: an event that meant
 * a dry run must never be read as a logout. A bulk's {@code instanceKeys} must be a non-empty array of at most
 * {@code bulk.max-keys} strings, never beside an {@code instanceKey}, and not misspelt either: an event that meant a
 * bulk must not be read as one key, nor the other way round.
 */
@Singleton
public class LogoutEventReader {

    static final String INSTANCE_KEY = "instanceKey";
    static final String INSTANCE_KEYS = "instanceKeys";

    private final int maxKeys;

    @Inject
    LogoutEventReader(BulkLimitConfig config) {
        this(config.maxKeys());
    }

    LogoutEventReader(int maxKeys) {
        if (maxKeys < 1) {
            throw new ConfigurationException("bulk.max-keys must be at least 1", Set.of("bulk.max-keys"));
        }
        this.maxKeys = maxKeys;
    }

    public LogoutEvent read(InputStream event) {
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
            throw new InvalidEventException("it is a JSON " + typeOf(root) + ", not an object");
        }
        EventFields.refuseMisspellings(root);
        JsonNode keys = root.get(INSTANCE_KEYS);
        if (keys != null) {
            if (root.has(INSTANCE_KEY)) {
                throw new InvalidEventException("it has both instanceKey and instanceKeys; send one key or a bulk");
            }
            return new LogoutEvent(bulk(keys), true, EventFields.mode(root));
        }
        JsonNode key = root.get(INSTANCE_KEY);
        if (key == null || key.isNull()) {
            throw new InvalidEventException("it has no instanceKey (nor instanceKeys)");
        }
        if (!key.isTextual()) {
            throw new InvalidEventException("its instanceKey is a " + typeOf(key) + ", not a string");
        }
        return LogoutEvent.single(key.textValue(), EventFields.mode(root));
    }

    /** A bulk's keys as written, duplicates kept: checked here for their shape only, each key's rules come later. */
    private List<String> bulk(JsonNode keys) {
        if (!keys.isArray()) {
            throw new InvalidEventException("its instanceKeys is " + withArticle(typeOf(keys)) + ", not an array of"
                    + " strings");
        }
        if (keys.isEmpty()) {
            throw new InvalidEventException("its instanceKeys is empty");
        }
        if (keys.size() > maxKeys) {
            throw new InvalidEventException("its instanceKeys has " + keys.size() + " keys, more than bulk.max-keys ("
                    + maxKeys + "); split it");
        }
        List<String> read = new ArrayList<>(keys.size());
        for (int i = 0; i < keys.size(); i++) {
            JsonNode key = keys.get(i);
            if (!key.isTextual()) {
                throw new InvalidEventException("its instanceKeys[" + i + "] is " + withArticle(typeOf(key))
                        + ", not a string");
            }
            read.add(key.textValue());
        }
        return read;
    }

    static String typeOf(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    static String withArticle(String type) {
        return switch (type) {
            case "null" -> "null";
            case "array", "object" -> "an " + type;
            default -> "a " + type;
        };
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
