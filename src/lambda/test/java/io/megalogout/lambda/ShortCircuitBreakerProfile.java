package io.megalogout.lambda;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The production circuit breaker, but open for 300 ms instead of 30 s, so a test can see it close again. */
public class ShortCircuitBreakerProfile implements QuarkusTestProfile {

    static final long OPEN_MS = 300;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("megaapi.circuit-breaker.logout.delay", OPEN_MS + "ms");
    }
}
