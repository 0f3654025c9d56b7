package io.megalogout.logout;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A confirmed logout's poll in milliseconds instead of seconds (waits of 10, 20, 40, 40... ms), and a deadline of
 * {@value #TIMEOUT_MS} ms, so that a status that never turns ends a test quickly.
 */
public class QuickConfirmProfile implements QuarkusTestProfile {

    public static final long TIMEOUT_MS = 3_000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("confirm.poll-initial-delay-ms", "10", "confirm.poll-max-delay-ms", "40",
                "confirm.poll-min-read-ms", "100", "megaapi.logout-timeout-ms", String.valueOf(TIMEOUT_MS));
    }
}
