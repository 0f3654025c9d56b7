package io.megalogout.logout.event;

import java.util.List;

/**
 * What a caller sends to either door (the Lambda event, the HTTP door's request body, an SQS message's body): one key,
 * {@code {"instanceKey": "<key>"}}, or a bulk, {@code {"instanceKeys": ["<key>", ...]}}; optionally with
 * {@code "dryRun": true} or {@code "confirm": true}. Other fields are ignored.
 *
 * @param instanceKeys the keys as written, not yet checked against the key rules: one for a single-key event; for a
 *        bulk, at least one and duplicates kept
 * @param bulk whether the event was a bulk ({@code instanceKeys}), which is answered per key even with one key
 */
public record LogoutEvent(List<String> instanceKeys, boolean bulk, Mode mode) {

    static LogoutEvent single(String instanceKey, Mode mode) {
        return new LogoutEvent(List.of(instanceKey), false, mode);
    }

    /** How many requests the event makes: one per distinct key (a bulk's repeated key is run once). */
    public int requests() {
        return bulk ? (int) instanceKeys.stream().distinct().count() : 1;
    }

    /** The key of a single-key event. */
    public String instanceKey() {
        return instanceKeys.get(0);
    }
}
