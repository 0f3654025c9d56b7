package io.megalogout.http;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.megalogout.error.InvalidInstanceKeyException;
import io.megalogout.logout.InstanceKey;

/**
 * The instances one caller may act on ({@code http.callers.<name>.instances}): each pattern an exact instance key, a
 * prefix ending in {@code *} ({@code acme-*}), or {@code *} alone for every instance. Nothing else: no {@code *} inside
 * a pattern, no {@code **}, and every exact key and prefix made of what an instance key may hold, so that a typo cannot
 * widen a scope.
 */
record InstancePatterns(List<String> exact, List<String> prefixes, boolean every) {

    /** What a prefix may hold: the start of a valid instance key (which may not start with '.'). */
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0," + (InstanceKey.MAX_LENGTH - 2)
            + "}");

    static final InstancePatterns EVERY = new InstancePatterns(List.of(), List.of(), true);

    /**
     * Reads one caller's patterns (comma-separated in the property, so blanks around each are dropped).
     *
     * @throws IllegalArgumentException saying what is wrong, never repeating the value
     */
    static InstancePatterns parse(List<String> patterns) {
        if (patterns.stream().allMatch(String::isBlank)) {
            throw new IllegalArgumentException("is empty");
        }
        List<String> exact = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        boolean every = false;
        for (int i = 0; i < patterns.size(); i++) {
            String pattern = patterns.get(i).strip();
            String which = "pattern " + (i + 1);
            if (pattern.equals("*")) {
                every = true;
            } else if (pattern.endsWith("*")) {
                String prefix = pattern.substring(0, pattern.length() - 1);
                if (!PREFIX.matcher(prefix).matches() || prefix.contains("..")) {
                    throw new IllegalArgumentException(which + " is not an instance key prefix followed by one '*'"
                            + " (a '*' may only end a pattern, once)");
                }
                prefixes.add(prefix);
            } else {
                if (pattern.contains("*")) {
                    throw new IllegalArgumentException(which + " has a '*' that does not end it");
                }
                try {
                    exact.add(new InstanceKey(pattern).value());
                } catch (InvalidInstanceKeyException e) {
                    throw new IllegalArgumentException(which + " is not a valid instance key (A-Z a-z 0-9 - _ ., at most "
                            + InstanceKey.MAX_LENGTH + " characters, not starting with '.' nor holding '..')");
                }
            }
        }
        return new InstancePatterns(List.copyOf(exact), List.copyOf(prefixes), every);
    }

    boolean matches(String instanceKey) {
        return every || exact.contains(instanceKey) || prefixes.stream().anyMatch(instanceKey::startsWith);
    }
}
