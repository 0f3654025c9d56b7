package io.megalogout.megaapi.targets;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tokens a holder has had so far ({@link MegaApiToken}, {@link InstancesSecret}), kept so that text from outside
 * that quotes any of them, an older one included, never passes it on.
 */
final class HeldTokens {

    private final Set<String> values = ConcurrentHashMap.newKeySet();

    void add(BearerToken token) {
        values.add(token.value());
    }

    void clear() {
        values.clear();
    }

    /** {@code text} with every token held replaced by {@code ***}. */
    String redact(String text) {
        String redacted = text;
        for (String token : values) {
            redacted = redacted.replace(token, "***");
        }
        return redacted;
    }
}
