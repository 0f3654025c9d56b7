package io.megalogout.megaapi.targets;

import java.util.Map;
import java.util.Optional;

import io.megalogout.error.InstanceNotConfiguredException;

/**
 * What one read of an instances source ({@link InstancesJson}) holds: the entries that serve, and each refused entry's
 * reason. An entry that breaks the rules is refused alone, so that one customer's mistake stops no other customer; its
 * key is refused too, never sent to the default host in its place. Reasons name the field, never a value.
 *
 * @param source the source, for messages: {@code secret '<id>'}
 * @param valid the entries that serve, by instance key
 * @param refused what is wrong with each refused entry, by its key as written
 */
record InstanceEntries(String source, Map<String, InstanceSettings> valid, Map<String, String> refused) {

    InstanceEntries {
        valid = Map.copyOf(valid);
        refused = Map.copyOf(refused);
    }

    /**
     * The key's entry, if the source lists it.
     *
     * @throws InstanceNotConfiguredException when the source lists it with an entry that breaks the rules
     */
    Optional<InstanceSettings> of(String key) {
        String why = refused.get(key);
        if (why != null) {
            throw new InstanceNotConfiguredException(key, "its entry in " + source + " is refused: " + why
                    + "; fix that entry (the others are served)");
        }
        return Optional.ofNullable(valid.get(key));
    }
}
