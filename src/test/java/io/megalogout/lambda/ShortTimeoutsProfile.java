package io.megalogout.lambda;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Timeouts short enough that fault tests do not wait. */
public class ShortTimeoutsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("megaapi.connect-timeout-ms", "300", "megaapi.read-timeout-ms", "300");
    }
}
