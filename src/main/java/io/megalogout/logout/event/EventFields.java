package io.megalogout.logout.event;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.megalogout.error.CallerText;
import io.megalogout.error.InvalidEventException;

/**
 * The event's root fields beside its key, for {@link LogoutEventReader}: the opt-in mode fields, and the rule that
 * refuses a misspelt guarded field rather than ignoring it.
 */
final class EventFields {

    static final String DRY_RUN = "dryRun";
    static final String CONFIRM = "confirm";
    /** The fields whose misspellings are refused. */
    private static final List<String> GUARDED = List.of(LogoutEventReader.INSTANCE_KEYS, DRY_RUN, CONFIRM);

    private EventFields() {
    }

    static Mode mode(JsonNode root) {
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
            throw new InvalidEventException(
                    "its " + name + " is " + LogoutEventReader.withArticle(LogoutEventReader.typeOf(value))
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
    static void refuseMisspellings(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            String letters = name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
            for (String field : GUARDED) {
                if (letters.equals(field.toLowerCase(Locale.ROOT)) && !name.equals(field)) {
                    throw new InvalidEventException("it has a field " + CallerText.quoted(name) + ", not " + field
                            + " as written here; fix its name");
                }
            }
        }
    }
}
