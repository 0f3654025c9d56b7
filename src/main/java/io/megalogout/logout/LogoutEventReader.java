package io.megalogout.logout;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Locale;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.error.InvalidEventException;
import io.megalogout.json.StrictJson;

/**
 * Parses the raw event bytes ourselves, so that any malformed event ends in {@link InvalidEventException} and never in
 * a Jackson or cast exception. Strict: valid UTF-8, one JSON object, no duplicate fields, nothing after it. The opt-in
 * fields {@code dryRun} and {@code confirm} must be JSON booleans, not both true, and not misspelt: an event that meant
 * a dry run must never be read as a logout.
 */
@Singleton
class LogoutEventReader {

    static final String DRY_RUN = "dryRun";
    static final String CONFIRM = "confirm";

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
        JsonNode key = root.get("instanceKey");
        if (key == null || key.isNull()) {
            throw new InvalidEventException("it has no instanceKey");
        }
        if (!key.isTextual()) {
            throw new InvalidEventException("its instanceKey is a " + typeOf(key) + ", not a string");
        }
        return new LogoutEvent(key.textValue(), mode(root));
    }

    private static Mode mode(JsonNode root) {
        refuseMisspellings(root);
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
     * A root field whose name reads {@code dryRun} or {@code confirm} once case is ignored and every character but ASCII
     * letters and digits is dropped ({@code "dryrun"}, {@code "dry_run"}, {@code "Confirm "}), but is not spelt exactly
     * so, is refused rather than ignored: the caller surely meant the opt-in field, and ignoring it would send a logout
     * that a dry run asked not to send.
     */
    private static void refuseMisspellings(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            String letters = name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
            for (String field : new String[] { DRY_RUN, CONFIRM }) {
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
