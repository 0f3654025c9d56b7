package io.megalogout.logout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
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
class LogoutEventReader {

    static final String INSTANCE_KEY = "instanceKey";
    static final String INSTANCE_KEYS = "instanceKeys";
    static final String DRY_RUN = "dryRun";
    static final String CONFIRM = "confirm";
    /** The fields whose misspellings are refused. */
    private static final List<String> GUARDED = List.of(INSTANCE_KEYS, DRY_RUN, CONFIRM);

    private final int maxKeys;

    @Inject
    LogoutEventReader(BulkConfig config) {
        this(config.maxKeys());
    }

    LogoutEventReader(int maxKeys) {
        if (maxKeys < 1) {
            throw new ConfigurationException("bulk.max-keys must be at least 1", Set.of("bulk.max-keys"));
        }
        this.maxKeys = maxKeys;
    }

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
            throw new InvalidEventException("it is a JSON " + typeOf(root) + ", not an object");
        }
        refuseMisspellings(root);
        JsonNode keys = root.get(INSTANCE_KEYS);
        if (keys != null) {
            if (root.has(INSTANCE_KEY)) {
                throw new InvalidEventException("it has both instanceKey and instanceKeys; send one key or a bulk");
            }
            return new LogoutEvent(bulk(keys), true, mode(root));
        }
        JsonNode key = root.get(INSTANCE_KEY);
        if (key == null || key.isNull()) {
            throw new InvalidEventException("it has no instanceKey (nor instanceKeys)");
        }
        if (!key.isTextual()) {
            throw new InvalidEventException("its instanceKey is a " + typeOf(key) + ", not a string");
        }
        return LogoutEvent.single(key.textValue(), mode(root));
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

    private static Mode mode(JsonNode root) {
        boolean dryRun = flag(root, DRY_RUN);
        boolean confirm = flag(root, CONFIRM);
        if (dryRun && confirm) {
            throw new InvalidEventException("it asks for both dryRun and confirm; a dry run never logs out, so send one");
        }
        return dryRun ? Mode.DRY_RUN : confirm ? Mode.CONFIRM : Mode.PLAIN;
    }

    /** An opt-in field: absent or {@code false} is off; anything but a JSON boolean is refused. */
    private static boolean flag(JsonNode root, String name) {
        JsonNode value = root.get(name);
        if (value == null) {
            return false;
        }
        if (!value.isBoolean()) {
            throw new InvalidEventException("its " + name + " is " + withArticle(typeOf(value))
                    + ", not a boolean (true or false)");
        }
        return value.booleanValue();
    }

    /**
     * A root field whose name reads {@code instanceKeys}, {@code dryRun} or {@code confirm} once case is ignored and
     * every character but ASCII letters and digits is dropped ({@code "dryrun"}, {@code "dry_run"}, {@code "Confirm "},
     * {@code "instance_keys"}), but is not spelt exactly so, is refused rather than ignored: the caller surely meant that
     * field, and ignoring it would send a logout that a dry run asked not to send, or log out one key where a bulk was
     * meant. ({@code instanceKey}'s misspellings need no rule: without it the event has no key and is refused anyway.)
     */
    private static void refuseMisspellings(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            String letters = name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
            for (String field : GUARDED) {
                if (letters.equals(field.toLowerCase(Locale.ROOT)) && !name.equals(field)) {
                    throw new InvalidEventException("it has a field " + InstanceKey.quote(name) + ", not " + field
                            + " as written here; fix its name");
                }
            }
        }
    }

    private static String typeOf(JsonNode value) {
        return value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    private static String withArticle(String type) {
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
